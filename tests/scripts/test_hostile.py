#!/usr/bin/python3
"""Hostile inputs (docs/reliability.md): every case of tests/hostile/MANIFEST.tsv
is imported (or, for rules, given to `init`) against a copy of a base database,
and must give the expected exit code and message, and leave the database
byte-for-byte unchanged (as a logical dump) when it fails.

Base databases: `open` is the example round of examples/kharkiv-esm/ with its
applications, reviewers and reviews; `allocated` is the same, scored and
allocated. Cases named `gen:NAME` are generated here (huge fields and files
that would be megabytes in the repository).

Every case also checks: the database passes `PRAGMA integrity_check`; standard
error stays short (< 64 KiB, at most 100 located errors: a huge bad cell is cut
in the message); a failing import names its file at the start of every error
line; nothing crashed (no signal, no sanitizer report, no "internal error").

Arguments: --binary, --repo, --work (as tests/CMakeLists.txt passes them)."""
import argparse, os, re, shlex, shutil, sqlite3, stat, subprocess, sys, time

failures = []


def fail(case, what):
    failures.append(f"{case}: {what}")


def dump(db):
    con = sqlite3.connect(db)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


def integrity(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def settle(db):
    """Merges the WAL into the main file, so that copying the one file copies the database."""
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()  # the last connection to close removes the WAL
    if os.path.exists(db + "-wal") and os.path.getsize(db + "-wal") > 0:
        sys.exit(f"{db}: the WAL was not checkpointed; a copy of the main file would miss data")


ENV = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "TZ": "UTC"}
ENV.pop("COMPETITION_DB", None)


def run(binary, db, args, cwd, timeout=120):
    return subprocess.run([binary, "--lang", "en", "--db", db, *args], cwd=cwd, env=ENV, capture_output=True, timeout=timeout)


def must(binary, db, *args, cwd):
    r = run(binary, db, list(args), cwd)
    if r.returncode != 0:
        sys.exit(f"setup failed: {' '.join(args)}: exit {r.returncode}\n{r.stdout.decode()}{r.stderr.decode()}")


# ----- generated cases ---------------------------------------------------------

APP_HEADER = ("id,organisation,edrpou,sector,title,category,requested,cofinancing,planned_clients,planned_jobs,"
              "planned_volunteers,submitted_at\n")


def app_row(id="H-001", title="Тестовий проєкт", requested="10000.00"):
    return f"{id},ГО «Тестова»,,ngo,{title},disability,{requested},2500.00,10,1,2,2018-01-20\n"


RULES_BASE = ('[competition]\nid = "hostile"\ntitle = "Ворожий конкурс"\nyear = 2020\nbudget = "100000.00"\n\n'
              '[[criteria]]\nid = "quality"\nweight = 1\nmin = 0\nmax = 10\n')

# name -> (bytes, extra check of (stdout, stderr) returning an error text or None)
GENERATORS = {
    "huge_money_cell.csv": lambda: APP_HEADER + app_row(requested="9" * 1_000_000),
    "huge_id.csv": lambda: APP_HEADER + app_row(id="H" * 1_000_000),
    "huge_title_ok.csv": lambda: APP_HEADER + app_row(title="Т" * 4_000_000),
    "huge_unterminated_quote.csv": lambda: APP_HEADER + app_row(id="H-000") + 'H-001,ГО,,ngo,"' + "x" * 10_000_000,
    "many_bad_rows.csv": lambda: APP_HEADER + "".join(app_row(id=f"H-{i}", requested="1e3") for i in range(50_000)),
    "many_columns.csv": lambda: APP_HEADER.rstrip("\n") + "," + ",".join(f"c{i}" for i in range(12, 100_012)) + "\n",
    "long_line_of_delimiters.csv": lambda: APP_HEADER + app_row(id="H-000") + "," * 1_000_000 + "\n",
    "many_empty_lines_then_bad.csv": lambda: "id,name,conflicts\n" + "\n" * 200_000 + "R-51\n",
    "huge_lot_id.toml": lambda: RULES_BASE + '\n[[lots]]\nid = "' + "L" * 1_000_000 + '"\ncategories = ["x"]\nshare = 0.1\n',
}


def generate(name, directory):
    path = os.path.join(directory, name)
    with open(path, "wb") as f:
        f.write(GENERATORS[name]().encode("utf-8"))
    return path


# ----- the run -----------------------------------------------------------------

def read_manifest(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#") or line.startswith("file\t"):
                continue
            cols = line.split("\t")
            if len(cols) != 6:
                sys.exit(f"MANIFEST.tsv:{n}: expected 6 tab-separated columns, got {len(cols)}")
            file, kind, args, code, fragment, base = cols
            cases.append({"file": file, "kind": kind, "args": shlex.split(args), "code": int(code),
                          "fragment": fragment, "base": base or ("allocated" if kind == "outcomes" else "open"),
                          "line": n})
    return cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    binary, repo, work = os.path.abspath(a.binary), os.path.abspath(a.repo), os.path.abspath(a.work)
    hostile = os.path.join(repo, "tests", "hostile")
    ex = os.path.join(repo, "examples", "kharkiv-esm")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "gen"))
    os.makedirs(os.path.join(work, "cases"))
    started = time.monotonic()

    # Base databases.
    bases = {"open": os.path.join(work, "open.db"), "allocated": os.path.join(work, "allocated.db")}
    db = bases["open"]
    must(binary, db, "init", "rules.toml", cwd=ex)
    for kind in ("applications", "reviewers", "reviews"):
        must(binary, db, "import", kind, f"{kind}.csv", cwd=ex)
    mode = stat.S_IMODE(os.stat(db).st_mode)
    if mode & 0o077:
        fail("base", f"the database was created with mode {oct(mode)}, expected 0600")
    settle(db)
    shutil.copyfile(db, bases["allocated"])
    must(binary, bases["allocated"], "-q", "score", cwd=work)
    must(binary, bases["allocated"], "-q", "allocate", cwd=work)
    settle(bases["allocated"])
    base_dumps = {k: dump(v) for k, v in bases.items()}

    cases = read_manifest(os.path.join(hostile, "MANIFEST.tsv"))
    # The corpus and the manifest agree: no case without its file, no file without its case.
    listed = {c["file"] for c in cases}
    on_disk = set()
    for root, _, files in os.walk(hostile):
        for f in files:
            rel = os.path.relpath(os.path.join(root, f), hostile)
            if rel != "MANIFEST.tsv":
                on_disk.add(rel)
    for f in sorted(on_disk - listed):
        fail(f, "in tests/hostile/ but not in MANIFEST.tsv")
    for f in sorted(listed - on_disk):
        if not f.startswith("gen:"):
            fail(f, "in MANIFEST.tsv but not in tests/hostile/")
    for f in sorted(f[4:] for f in listed if f.startswith("gen:")):
        if f not in GENERATORS:
            fail("gen:" + f, "no generator in test_hostile.py")
    if len(on_disk) < 80:
        fail("corpus", f"only {len(on_disk)} files (expected at least 80)")

    tried = generated = 0
    for i, c in enumerate(cases):
        name = c["file"]
        if name.startswith("gen:"):
            if name[4:] not in GENERATORS:
                continue
            path = generate(name[4:], os.path.join(work, "gen"))
            generated += 1
        else:
            path = os.path.join(hostile, name)
            if not os.path.exists(path):
                continue
        tried += 1
        db = os.path.join(work, "cases", f"{i:03d}.db")
        shutil.copyfile(bases[c["base"]], db)
        before = base_dumps[c["base"]]
        label = os.path.basename(path)
        command = ["init", label] if c["kind"] == "rules" else ["import", c["kind"], label]
        try:
            r = run(binary, db, command + c["args"], cwd=os.path.dirname(path))
        except subprocess.TimeoutExpired:
            fail(name, "timed out")
            continue
        out = r.stdout.decode("utf-8", errors="replace")
        err = r.stderr.decode("utf-8", errors="replace")
        where = f"{name} (MANIFEST.tsv:{c['line']})"
        if r.returncode != c["code"]:
            fail(where, f"exit {r.returncode}, expected {c['code']}\n  stdout: {out[:500]}\n  stderr: {err[:1000]}")
        haystack = out if c["code"] == 0 else err
        if c["fragment"] not in haystack:
            fail(where, f"expected {'stdout' if c['code'] == 0 else 'stderr'} to contain\n  {c['fragment']}\n"
                        f"  got: {haystack[:1000]}")
        for bad in ("internal error", "AddressSanitizer", "runtime error:", "terminate called", "Segmentation"):
            if bad in err:
                fail(where, f"stderr shows a crash or internal error: {err[:500]}")
        if len(r.stderr) > 64 * 1024:
            fail(where, f"{len(r.stderr)} bytes on stderr (a message must not echo a huge cell)")
        lines = [x for x in err.splitlines() if x]
        located = [x for x in lines if re.match(re.escape(label) + r":\d+:", x)]
        if len(located) > 100:
            fail(where, f"{len(located)} errors reported (docs/cli.md: up to 100)")
        if r.returncode in (1, 2, 3):
            unnamed = [x for x in lines if not x.startswith(label + ":") and not x.startswith("--")]
            if unnamed:
                fail(where, f"an error line does not name the file: {unnamed[0][:200]}")
        if integrity(db) != "ok":
            fail(where, "PRAGMA integrity_check is not ok")
        if r.returncode != 0 and dump(db) != before:
            fail(where, "the database changed although the command failed")
        os.remove(db)

    print(f"hostile: {tried} files tried ({tried - generated} from tests/hostile/, {generated} generated), "
          f"{len(failures)} failures, {time.monotonic() - started:.1f} s")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
