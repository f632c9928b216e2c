#!/usr/bin/python3
"""`audit bundle` against a tampered bundle (docs/bundle.md, "audit"):
altering any byte of any file of an exported bundle must fail it (exit 1).

A round is built from the hand-worked round of tests/e2e/allocate, with two
commission decisions (so the bundle has decisions.csv) and outcomes (so it has
outcomes.csv), allocated and exported. Then, for EVERY file of the bundle:
  - one byte is flipped at several positions (first, last, quarters, middle),
    two ways each (the lowest bit, and the 0x20 bit that turns letters and
    digits into other printable characters), and `audit bundle` must exit 1;
  - for the files the decision rests on, the same flips with the manifest
    re-signed to match, so that the recomputation itself must catch them
    (outcomes.csv is not part of the decision: only its manifest hash guards it);
  - the file is removed, and `audit bundle` must exit 1.
An extra file and an extra subdirectory must fail it too. After each case the
bundle is restored, and the untouched bundle must pass (exit 0) at the end.
Every failing run must be a report (exit 1, nothing on standard error), never
a crash or an I/O error.

Arguments: --binary, --repo, --work (as tests/CMakeLists.txt passes them)."""
import argparse, hashlib, json, os, shutil, subprocess, sys

failures = []


def run(binary, args, env, cwd):
    return subprocess.run([binary, *args], env=env, cwd=cwd, capture_output=True, timeout=120)


def must(binary, args, env, cwd):
    r = run(binary, args, env, cwd)
    if r.returncode != 0:
        sys.exit(f"setup failed: {' '.join(args)}: exit {r.returncode}\n{r.stdout.decode()}{r.stderr.decode()}")
    return r


def resign(bundle, name):
    """Makes manifest.json list the file's current hash, as a careful tamperer would."""
    path = os.path.join(bundle, "manifest.json")
    m = json.load(open(path, encoding="utf-8"))
    m["files"][name] = hashlib.sha256(open(os.path.join(bundle, name), "rb").read()).hexdigest()
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(m, indent=2, ensure_ascii=False) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    work = os.path.abspath(a.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "TZ": "UTC",
           "COMPETITION_DB": os.path.join(work, "competition.db"), "COMPETITION_NOW": "2026-03-02T10:15:00Z"}
    src = os.path.join(os.path.abspath(a.repo), "tests", "e2e", "allocate")
    must(binary, ["init", os.path.join(src, "rules.toml")], env, work)
    for kind in ("applications", "reviewers", "reviews"):
        must(binary, ["import", kind, os.path.join(src, f"{kind}.csv")], env, work)
    must(binary, ["score"], env, work)
    must(binary, ["withdraw", "A-02", "--reason", "Заявник відмовився"], env, work)
    must(binary, ["override", "A-04", "--award", "20000", "--reason", "Скорочено, \"за кошторисом\""], env, work)
    must(binary, ["allocate"], env, work)
    outcomes = os.path.join(work, "outcomes.csv")
    with open(outcomes, "w", encoding="utf-8") as f:
        f.write("application,clients,jobs,volunteers,attracted\nA-01,120,2,5,5100.00\nA-04,80,,3,\n")
    must(binary, ["import", "outcomes", outcomes], env, work)
    bundle = os.path.join(work, "bundle")
    must(binary, ["export", "bundle", bundle], env, work)

    names = sorted(os.listdir(bundle))
    expected = ["applications.csv", "decision.json", "decision.md", "decisions.csv", "manifest.json",
                "outcomes.csv", "reviewers.csv", "reviews.csv", "rules.toml"]
    if names != expected:
        sys.exit(f"the bundle holds {names}, expected {expected}")
    original = {n: open(os.path.join(bundle, n), "rb").read() for n in names}

    def restore():
        for entry in os.listdir(bundle):
            p = os.path.join(bundle, entry)
            if entry not in original:
                shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
        for n, data in original.items():
            with open(os.path.join(bundle, n), "wb") as f:
                f.write(data)

    def expect_failure(case):
        r = run(binary, ["audit", "bundle", bundle, "--json"], env, work)
        if r.returncode != 1:
            failures.append(f"{case}: exit {r.returncode}, expected 1\n{r.stdout.decode(errors='replace')[:500]}"
                            f"{r.stderr.decode(errors='replace')[:500]}")
            return
        if r.stderr:
            failures.append(f"{case}: standard error not empty: {r.stderr.decode(errors='replace')[:300]}")
        try:
            report = json.loads(r.stdout)
        except ValueError:
            failures.append(f"{case}: the report is not JSON")
            return
        if report.get("ok") is not False or not report.get("differences"):
            failures.append(f"{case}: exit 1 without differences: {r.stdout.decode()[:300]}")

    r = run(binary, ["audit", "bundle", bundle], env, work)
    if r.returncode != 0:
        sys.exit(f"the untouched bundle fails: exit {r.returncode}\n{r.stdout.decode()}{r.stderr.decode()}")

    cases = 0
    for name in names:
        data = original[name]
        positions = sorted({0, 1, len(data) // 4, len(data) // 2, 3 * len(data) // 4, len(data) - 2, len(data) - 1})
        for pos in positions:
            for bit in (0x01, 0x20):
                changed = bytearray(data)
                changed[pos] ^= bit
                with open(os.path.join(bundle, name), "wb") as f:
                    f.write(changed)
                expect_failure(f"{name}: byte {pos} ^ {bit:#04x}")
                cases += 1
                # The same change with the manifest re-signed: the recomputation must see it.
                if name not in ("manifest.json", "outcomes.csv"):
                    resign(bundle, name)
                    expect_failure(f"{name}: byte {pos} ^ {bit:#04x}, manifest re-signed")
                    cases += 1
                restore()
        os.remove(os.path.join(bundle, name))
        expect_failure(f"{name}: removed")
        cases += 1
        restore()

    with open(os.path.join(bundle, "notes.txt"), "w") as f:
        f.write("an extra file\n")
    expect_failure("an extra file")
    resign(bundle, "notes.txt")
    expect_failure("an extra file, listed in the manifest")
    restore()
    os.mkdir(os.path.join(bundle, "extra"))
    expect_failure("an extra subdirectory")
    restore()
    cases += 3

    r = run(binary, ["audit", "bundle", bundle], env, work)
    if r.returncode != 0:
        failures.append(f"the restored bundle fails: exit {r.returncode}\n{r.stdout.decode()}")
    for f in failures:
        print(f, file=sys.stderr)
    if failures:
        print(f"FAILED: {len(failures)} of {cases} tamperings not caught as expected", file=sys.stderr)
        return 1
    print(f"ok: {cases} tamperings of {len(names)} files caught")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
