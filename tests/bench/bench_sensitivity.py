#!/usr/bin/python3
"""Times `competition sensitivity` on a large generated round (docs/sensitivity.md).

  bench_sensitivity.py --binary PATH [--applications 100000] [--reviewers 2000] [--lots 3] [--work DIR] [--reuse]

Generates a round with tests/bench/gen_round.py (N applications x 3 reviews,
R reviewers, five criteria of twenty steps, L lots with a pool, a cap of two
awards per organisation, partial awards), imports, scores and allocates it,
then times `sensitivity --format csv` in a process of its own (wall clock and
its peak resident memory). `--reuse` times again on the round a previous run
left in --work. Target: under a minute and 1 GB at 100 000 x 3 with 2 000
reviewers (docs/performance.md). A benchmark, not a test: it prints the
figures and exits 0 unless a command fails."""
import argparse
import csv
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# Runs argv[1:] and prints its wall time, its peak resident memory (KiB) and its exit code.
MEASURE = ("import resource, subprocess, sys, time; t = time.monotonic(); r = subprocess.run(sys.argv[1:]); "
           "print(time.monotonic() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--binary", required=True)
    p.add_argument("--applications", type=int, default=100000)
    p.add_argument("--reviewers", type=int, default=2000)
    p.add_argument("--lots", type=int, default=3)
    p.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "competition-bench-sensitivity"))
    p.add_argument("--reuse", action="store_true", help="time again on the round a previous run left in --work")
    a = p.parse_args()
    binary = os.path.abspath(a.binary)
    env = dict(os.environ, COMPETITION_DB=os.path.join(a.work, "competition.db"), LC_ALL="C.UTF-8", TZ="UTC")

    def run(*args):
        r = subprocess.run([binary, *args], cwd=a.work, env=env, capture_output=True)
        if r.returncode != 0:
            sys.exit(f"competition {' '.join(args)} exited {r.returncode}: {r.stderr.decode()[:2000]}")

    if not a.reuse:
        shutil.rmtree(a.work, ignore_errors=True)
        os.makedirs(a.work)
        data = os.path.join(a.work, "round")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_round.py"), data, str(a.applications), "--reviews", "3",
                        "--reviewers", str(a.reviewers), "--lots", str(a.lots)], check=True)
        run("init", os.path.join(data, "rules.toml"))
        for kind in ("applications", "reviewers", "reviews"):
            run("import", kind, os.path.join(data, kind + ".csv"))
        run("score", "--format", "csv", "-o", os.path.join(a.work, "scores.csv"))
        run("allocate", "--format", "csv", "-o", os.path.join(a.work, "allocation.csv"))
    out = os.path.join(a.work, "sensitivity.csv")
    r = subprocess.run([sys.executable, "-c", MEASURE, binary, "sensitivity", "--format", "csv", "-o", out],
                       cwd=a.work, env=env, capture_output=True, text=True, check=True)
    took, peak_kb, code = r.stdout.split()
    if code != "0":
        sys.exit(f"competition sensitivity exited {code}")
    labels, margins = {}, 0
    with open(out, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            labels[row["label"]] = labels.get(row["label"], 0) + 1
            margins += row["margin_steps"] != ""
    print(f"sensitivity: {a.applications} applications x 3, {a.reviewers} reviewers, {a.lots} lots: "
          f"{float(took):.1f} s, peak {int(peak_kb) / 1024:.0f} MiB; labels {dict(sorted(labels.items()))}, "
          f"margins {margins}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
