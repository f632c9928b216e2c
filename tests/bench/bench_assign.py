#!/usr/bin/python3
"""Times `competition assign` on a large generated round (docs/cli.md "assign").

  bench_assign.py --binary PATH [--applications 10000] [--reviewers 300] [--work DIR]

Generates a round of N applications, 3 reviewers each, R reviewers with
conflicts, categories and capacities (the generator of
tests/scripts/test_assign_generated.py), imports it, then times `assign`
(wall clock, best of --repeat runs, each on a fresh copy of the database). Target: under
10 s for 10 000 x 3 with 300 reviewers. A benchmark, not a test: it prints the
figures and exits 0 unless a command fails."""
import argparse
import os
import random
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
import test_assign_generated as gen  # noqa: E402


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--binary", required=True)
    p.add_argument("--applications", type=int, default=10000)
    p.add_argument("--reviewers", type=int, default=300)
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "competition-bench-assign"))
    a = p.parse_args()
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    run = gen.Run(os.path.abspath(a.binary), a.work)
    rng = random.Random(2026)
    apps, revs = gen.generate(rng, a.applications, a.reviewers)
    # Capacities scaled to the round: about the average load, so that they bind.
    average = a.applications * 3 // a.reviewers
    for r in revs:
        if r["capacity"] is not None:
            r["capacity"] = rng.randint(average * 2 // 5, average * 6 // 5)
    base = os.path.join(a.work, "base")
    gen.fresh(run, base, apps, revs)
    best = None
    for k in range(a.repeat):
        folder = os.path.join(a.work, f"run{k}")
        shutil.copytree(base, folder)
        start = time.monotonic()
        r = run(folder, "assign", "--format", "csv")
        took = time.monotonic() - start
        if r.returncode != 0:
            print(f"assign exited {r.returncode}: {r.stderr}", file=sys.stderr)
            return 1
        best = took if best is None else min(best, took)
    print(f"assign: {a.applications} applications x 3, {a.reviewers} reviewers: {best:.2f} s (best of {a.repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
