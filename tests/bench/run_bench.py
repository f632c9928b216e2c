#!/usr/bin/python3
"""Times every stage of a national-scale round, side by side with the yardsticks.

  run_bench.py [N ...] [--binary PATH] [--work DIR] [--repeat K] [--reviews R]
               [--criteria C] [--peer-n N] [--no-floor] [--no-peer] [--no-quick] [--clean]

For each N (default: 10000 100000; add 1000000 for the national case, which
takes a few minutes) it generates a valid round with gen_round.py (R reviews
per application, C criteria, lots, conflicts), then times `init`, each
`import`, `score`, `allocate`, `report` and `audit` (when the binary has it,
else "n/a") and records each stage's peak memory (`/usr/bin/time -v`). Then:

- the import floor: `sqlite3 DB ".mode csv" ".import applications.csv a"
  ".import reviews.csv r"` on the same files, and our import of applications +
  reviews as a ratio to it (target <= 1.3);
- the storage floor: `sqlite3 .import` of the four files that hold what the
  pipeline stores (applications, reviews, and the CSV that `score` and
  `allocate` wrote), and the pipeline (init, imports, `score --format csv -o`,
  `allocate --format csv -o`) as a ratio to it (target <= 2);
- the audit: `audit` of the round and `audit bundle` of its exported bundle,
  wall time and peak memory (targets at 1 000 000: audit < 20 s and < 1 GB,
  audit bundle < 1 GB);
- everyday commands: `--help`, `status` and `report` (text, html, xlsx) over a
  database of 20 years (the Kharkiv history and two city rounds), median and
  slowest of 7 x K runs (targets: report and status < 50 ms, --help < 10 ms);
- peer: ../shared/bench/peer_py.py on ../shared/bench/bigcase.py's case (N =
  --peer-n, 3 reviews), against the same pipeline on the same files, as
  "times faster" (target >= 2); skipped when ../shared/bench is missing.

Ratios are best of K runs (default 3), each in a fresh database, because the
machine is noisy. It prints figures and always exits 0 unless a command fails:
a benchmark, not a test (not registered with CTest). Build Release first:
  cmake -S . -B build-perf -DCMAKE_BUILD_TYPE=Release -DCOMPETITION_TESTS=OFF && cmake --build build-perf -j2
Everything it writes goes under --work (default $TMPDIR/competition-bench); the
generated rounds stay there for the next run unless --clean."""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
TIME = "/usr/bin/time"


def die(msg):
    print(f"run_bench: {msg}", file=sys.stderr)
    sys.exit(2)


def run(cmd, env=None, measure=True, check=True):
    """Runs cmd with stdout to /dev/null; returns (wall seconds, peak RSS in KiB or None)."""
    full = [TIME, "-v"] + cmd if measure else cmd
    t0 = time.perf_counter()
    p = subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
    wall = time.perf_counter() - t0
    if check and p.returncode != 0:
        die(f"{' '.join(cmd)} exited {p.returncode}:\n{p.stderr[-3000:]}")
    rss = None
    if measure:
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
        rss = int(m.group(1)) if m else None
    return wall, rss


def rm_db(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(path + suffix)
        except FileNotFoundError:
            pass


class Competition:
    def __init__(self, binary, db):
        self.binary, self.db = binary, db
        self.env = dict(os.environ, COMPETITION_DB=db)

    def cmd(self, *args):
        return [self.binary, "--db", self.db, "-q", *args]

    def stage(self, *args, measure=True):
        return run(self.cmd(*args), env=self.env, measure=measure)

    def has_audit(self):
        p = subprocess.run([self.binary, "--lang", "en", "audit", "--help"], capture_output=True, text=True)
        return p.returncode == 0 and re.search(r"Usage: \S*competition audit", p.stdout) is not None


def generate(work, name, argv):
    """Runs a generator once per distinct argument list (a stamp file remembers it)."""
    out = os.path.join(work, name)
    stamp = os.path.join(out, ".args")
    want = " ".join(argv)
    if os.path.exists(stamp) and open(stamp).read() == want:
        return out
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    subprocess.run([sys.executable] + argv[:1] + [out] + argv[1:], check=True)
    print(f"  generated {name} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    with open(stamp, "w") as f:
        f.write(want)
    return out


def import_steps(case):
    return [("import applications", ["import", "applications", os.path.join(case, "applications.csv")]),
            ("import reviewers", ["import", "reviewers", os.path.join(case, "reviewers.csv")]),
            ("import reviews", ["import", "reviews", os.path.join(case, "reviews.csv")])]


def result_files(case):
    """Where the pipeline writes the CSV of `score` and `allocate` (beside the round)."""
    return os.path.join(case, "out-score.csv"), os.path.join(case, "out-allocate.csv")


def result_steps(case):
    score_csv, allocate_csv = result_files(case)
    return [("score", ["score", "--format", "csv", "-o", score_csv]),
            ("allocate", ["allocate", "--format", "csv", "-o", allocate_csv])]


def time_round(comp, case, with_audit):
    """One full round in a fresh database: {stage: (seconds, KiB)}."""
    rm_db(comp.db)
    out = {"init": comp.stage("init", os.path.join(case, "rules.toml"))}
    for name, args in import_steps(case) + result_steps(case):
        out[name] = comp.stage(*args)
    out["report"] = comp.stage("report")
    out["audit"] = comp.stage("audit") if with_audit else None
    out["audit bundle"] = None
    if with_audit:
        bundle = os.path.join(case, "out-bundle")
        shutil.rmtree(bundle, ignore_errors=True)
        comp.stage("export", "bundle", bundle, measure=False)
        out["audit bundle"] = comp.stage("audit", "bundle", bundle)
        shutil.rmtree(bundle, ignore_errors=True)
    return out


def time_imports(comp, case):
    """Applications + reviews import (reviewers untimed), fresh database."""
    rm_db(comp.db)
    comp.stage("init", os.path.join(case, "rules.toml"), measure=False)
    total = 0.0
    for name, args in import_steps(case):
        wall, _ = comp.stage(*args, measure=False)
        if name != "import reviewers":
            total += wall
    return total


def time_floor(db, files):
    """`sqlite3 .import` of FILES into a fresh database, one table each: no checks at all."""
    rm_db(db)
    imports = [f".import {path} t{i}" for i, path in enumerate(files)]
    wall, _ = run(["sqlite3", db, ".mode csv", *imports], measure=False)
    rm_db(db)
    return wall


def import_floor_files(case):
    return [os.path.join(case, "applications.csv"), os.path.join(case, "reviews.csv")]


def storage_floor_files(case):
    """What the pipeline stores: the two inputs and the two results (written by a run before)."""
    return import_floor_files(case) + list(result_files(case))


def time_core(comp, case):
    """The pipeline: init + imports + score + allocate with their CSV written to
    files, in a fresh database (the peer's work, and what the storage floor stores)."""
    rm_db(comp.db)
    total = comp.stage("init", os.path.join(case, "rules.toml"), measure=False)[0]
    for _, args in import_steps(case) + result_steps(case):
        total += comp.stage(*args, measure=False)[0]
    return total


def time_quick(comp, work, gen, repeat):
    """The everyday commands over a database of 20 years: the 18 years of the
    Kharkiv history (examples/kharkiv-esm) and two city rounds (2018, 2019; 100
    applications each, scored and allocated). {command: (median ms, max ms)}."""
    rm_db(comp.db)
    comp.stage("import", "history", os.path.join(REPO, "examples", "kharkiv-esm", "history.csv"), measure=False)
    for year in (2018, 2019):
        case = generate(work, f"city-{year}", [gen, "100", "--id", f"city-{year}", "--year", str(year)])
        comp.stage("init", os.path.join(case, "rules.toml"), measure=False)
        for _, args in import_steps(case):
            comp.stage("--round", f"city-{year}", *args, measure=False)
        comp.stage("--round", f"city-{year}", "score", measure=False)
        comp.stage("--round", f"city-{year}", "allocate", measure=False)
    commands = {
        "competition --help": [comp.binary, "--help"],
        "status": comp.cmd("status"),
        "report (20 years, text)": comp.cmd("report"),
        "report (20 years, html)": comp.cmd("report", "--format", "html"),
        "report (20 years, xlsx)": comp.cmd("report", "--format", "xlsx", "-o", os.path.join(work, "report.xlsx")),
    }
    out = {}
    for name, cmd in commands.items():
        walls = sorted(run(cmd, env=comp.env, measure=False)[0] * 1000 for _ in range(max(repeat, 1) * 7))
        out[name] = (walls[len(walls) // 2], walls[-1])
    return out


def fmt_s(x):
    return "—" if x is None else (f"{x:.2f} s" if x < 100 else f"{x:.0f} s")


def fmt_mb(kib):
    return "—" if kib is None else f"{kib / 1024:.0f} MiB"


def ratio_table(title, ours_label, rows):
    """Prints {N: (ours, floor)} as a Markdown table under `title`, with the ratio."""
    print(f"\n{title}:\n")
    print(f"| N | {ours_label} | floor | ratio |")
    print("|---:|---:|---:|---:|")
    for n, (ours, floor) in rows.items():
        print(f"| {n:,} | {fmt_s(ours)} | {fmt_s(floor)} | {ours / floor:.2f} |".replace(",", " "))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sizes", nargs="*", type=int, help="applications per round (default: 10000 100000)")
    ap.add_argument("--binary", default=os.path.join(REPO, "build-perf", "competition"))
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "competition-bench"))
    ap.add_argument("--repeat", type=int, default=3, help="runs per ratio, best taken (default 3)")
    ap.add_argument("--reviews", type=int, default=3)
    ap.add_argument("--criteria", type=int, default=5)
    ap.add_argument("--peer-n", type=int, default=100000, help="bigcase size for the peer ratio (default 100000)")
    ap.add_argument("--bench-dir", default=os.path.join(os.path.dirname(REPO), "shared", "bench"),
                    help="where bigcase.py and peer_py.py live (default ../shared/bench)")
    ap.add_argument("--no-floor", action="store_true", help="skip the sqlite3 .import floor")
    ap.add_argument("--no-peer", action="store_true", help="skip the peer_py.py comparison")
    ap.add_argument("--no-quick", action="store_true", help="skip the everyday commands (report, status, --help)")
    ap.add_argument("--clean", action="store_true", help="remove the generated rounds at the end")
    a = ap.parse_args()
    sizes = a.sizes or [10000, 100000]
    if not os.access(a.binary, os.X_OK):
        die(f"{a.binary}: no binary (build Release into build-perf first, or give --binary)")
    if not os.access(TIME, os.X_OK):
        die(f"{TIME} is missing (Debian: apt-get install -y time)")
    os.makedirs(a.work, exist_ok=True)
    db = os.path.join(a.work, "bench.db")
    comp = Competition(os.path.abspath(a.binary), db)
    with_audit = comp.has_audit()
    gen = os.path.join(HERE, "gen_round.py")

    print(f"# competition benchmark: {os.cpu_count()} CPUs, binary {a.binary}")
    print(f"# rounds: {a.reviews} reviews per application, {a.criteria} criteria; ratios best of {a.repeat}\n")

    core_stages = ["init", "import applications", "import reviewers", "import reviews", "score", "allocate"]
    results, floors, storage = {}, {}, {}
    for n in sizes:
        case = generate(a.work, f"round-{n}", [gen, str(n), "--reviews", str(a.reviews), "--criteria", str(a.criteria)])
        print(f"  N={n}: stages...", file=sys.stderr)
        results[n] = time_round(comp, case, with_audit)
        if not a.no_floor and not shutil.which("sqlite3"):
            print("  floor: sqlite3 not found (Debian: apt-get install -y sqlite3); skipped", file=sys.stderr)
        if not a.no_floor and shutil.which("sqlite3"):
            first = results[n]["import applications"][0] + results[n]["import reviews"][0]
            ours = [first] + [time_imports(comp, case) for _ in range(a.repeat - 1)]
            floor_db = os.path.join(a.work, "floor.db")
            floor = [time_floor(floor_db, import_floor_files(case)) for _ in range(a.repeat)]
            floors[n] = (min(ours), min(floor))
            pipeline = [sum(results[n][s][0] for s in core_stages)]
            pipeline += [time_core(comp, case) for _ in range(a.repeat - 1)]
            floor = [time_floor(floor_db, storage_floor_files(case)) for _ in range(a.repeat)]
            storage[n] = (min(pipeline), min(floor))

    stages = core_stages + ["report", "audit", "audit bundle"]
    head = "| stage | " + " | ".join(f"N={n:,} time | peak RSS" for n in sizes) + " |"
    print(head.replace(",", " "))
    print("|---|" + "---:|---:|" * len(sizes))
    for st in stages:
        cells = []
        for n in sizes:
            v = results[n][st]
            cells += ["n/a", "n/a"] if v is None else [fmt_s(v[0]), fmt_mb(v[1])]
        print(f"| {st} | " + " | ".join(cells) + " |")
    core = [sum(results[n][s][0] for s in core_stages) for n in sizes]
    print("| **pipeline** (init + imports + score + allocate, CSV to files) | " +
          " | ".join(f"{fmt_s(c)} | " for c in core) + " |")
    if with_audit:
        print("\nAudit (targets at 1 000 000: `audit` < 20 s and < 1 GB; `audit bundle` < 1 GB):\n")
        print("| N | audit | peak RSS | audit bundle | peak RSS |")
        print("|---:|---:|---:|---:|---:|")
        for n in sizes:
            au, ab = results[n]["audit"], results[n]["audit bundle"]
            print(f"| {n:,} | {fmt_s(au[0])} | {fmt_mb(au[1])} | {fmt_s(ab[0])} | {fmt_mb(ab[1])} |".replace(",", " "))

    if floors:
        ratio_table(f"The import floor: our import of applications + reviews vs `sqlite3 .import` of the same files "
                    f"(best of {a.repeat}; target ≤ 1.3)", "ours", floors)
        ratio_table(f"The storage floor: the pipeline vs `sqlite3 .import` of applications, reviews and the CSV of "
                    f"`score` and `allocate` (best of {a.repeat}; target ≤ 2)", "pipeline", storage)

    if not a.no_quick:
        print("  everyday commands...", file=sys.stderr)
        quick = time_quick(comp, a.work, gen, a.repeat)
        print(f"\nEveryday commands over 20 years of data, a small database ({max(a.repeat, 1) * 7} runs each; "
              "targets: report and status < 50 ms, --help < 10 ms):\n")
        print("| command | median | slowest |")
        print("|---|---:|---:|")
        for name, (median, worst) in quick.items():
            print(f"| `{name}` | {median:.1f} ms | {worst:.1f} ms |")

    bigcase = os.path.join(a.bench_dir, "bigcase.py")
    peer = os.path.join(a.bench_dir, "peer_py.py")
    if not a.no_peer and os.path.exists(bigcase) and os.path.exists(peer):
        case = generate(a.work, f"bigcase-{a.peer_n}", [bigcase, str(a.peer_n), "3"])
        print("  peer...", file=sys.stderr)
        ours, theirs = [], []
        for _ in range(a.repeat):
            ours.append(time_core(comp, case))
            pdb = os.path.join(a.work, "peer.db")
            rm_db(pdb)
            theirs.append(run([sys.executable, peer, case, pdb], measure=False)[0])
            rm_db(pdb)
        best_ours, best_peer = min(ours), min(theirs)
        n_shown = f"{a.peer_n:,}".replace(",", " ")
        print(f"\nThe pipeline vs peer_py.py on bigcase N={n_shown}, 3 reviews "
              f"(best of {a.repeat}; target: ours at least 2 times as fast):\n")
        print("| ours | peer_py.py | ours is … times as fast |")
        print("|---:|---:|---:|")
        print(f"| {fmt_s(best_ours)} | {fmt_s(best_peer)} | {best_peer / best_ours:.1f} |")
    elif not a.no_peer:
        print(f"\npeer: {a.bench_dir} not found; peer ratio skipped")

    rm_db(db)
    if a.clean:
        for n in sizes:
            shutil.rmtree(os.path.join(a.work, f"round-{n}"), ignore_errors=True)
        shutil.rmtree(os.path.join(a.work, f"bigcase-{a.peer_n}"), ignore_errors=True)


if __name__ == "__main__":
    main()
