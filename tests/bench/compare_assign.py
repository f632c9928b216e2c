#!/usr/bin/python3
"""Compares two builds of `competition assign` on generated rounds (docs/cli.md "assign").

  compare_assign.py --old PATH --new PATH [--work DIR]

The assignment is the unique optimum in the spec's order, so a faster engine
must print exactly what the one it replaces printed. This generates rounds of
several sizes with conflicts, categories and capacities (the generator of
tests/scripts/test_assign_generated.py; tight capacities, a crowded
organisation that only a few reviewers may review, reviews already imported,
an infeasible round), runs `assign --seed S --format csv` with both binaries
on copies of the same database, and reports any difference in the output or
the exit code or the
message. Not a test (it needs two binaries): run it when the engine
changes. Exits 1 when any round differs."""
import argparse
import os
import random
import shutil
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
import test_assign_generated as gen  # noqa: E402

# (applications, reviewers, seed, capacity mode, crowded organisation, reviews already imported)
ROUNDS = [(300, 20, 1, "loose", False, 0), (1000, 60, 2, "loose", False, 0), (1000, 60, 3, "tight", False, 0),
          (2000, 100, 4, "loose", True, 0), (1500, 40, 5, "loose", True, 200), (500, 12, 6, "tight", False, 300),
          (3000, 90, 7, "loose", False, 0), (1000, 60, 8, "short", False, 0),
          (2000, 100, 9, "tight", True, 0)]


def round_of(apps_n, revs_n, seed, caps, crowded):
    rng = random.Random(seed)
    apps, revs = gen.generate(rng, apps_n, revs_n)
    average = apps_n * 3 // revs_n
    for r in revs:
        if caps == "tight":
            r["capacity"] = rng.randint(average, average * 13 // 10)
        elif caps == "short":
            r["capacity"] = rng.randint(average // 2, average)
    if crowded:  # every twentieth application from one organisation, conflicted with all reviewers but 10
        for a in apps[::20]:
            a["organisation"] = "ГО «Переповнена»"
        for r in revs[10:]:
            r["conflicts"] = sorted(set(r["conflicts"]) | {"ГО «Переповнена»"})
    return apps, revs


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--old", required=True)
    p.add_argument("--new", required=True)
    p.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "competition-compare-assign"))
    a = p.parse_args()
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    old, new = gen.Run(os.path.abspath(a.old), a.work), gen.Run(os.path.abspath(a.new), a.work)
    differ = 0
    for k, (n, m, seed, caps, crowded, reviewed) in enumerate(ROUNDS):
        apps, revs = round_of(n, m, seed, caps, crowded)
        base = os.path.join(a.work, f"round{k}")
        gen.fresh(new, base, apps, revs)
        if reviewed:  # reviews already imported: kept pairs
            rng = random.Random(seed)
            lines = ["application,reviewer,quality"]
            seen = set()
            for _ in range(reviewed):
                x, r = rng.choice(apps), rng.choice(revs)
                if x["organisation"] not in r["conflicts"] and (x["id"], r["id"]) not in seen:
                    seen.add((x["id"], r["id"]))
                    lines.append(f"{x['id']},{r['id']},5")
            with open(os.path.join(base, "reviews.csv"), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            got = new(base, "import", "reviews", "reviews.csv")
            if got.returncode != 0:
                raise SystemExit(f"import reviews exited {got.returncode}: {got.stderr}")
        outputs = []
        for name, run in (("old", old), ("new", new)):
            folder = os.path.join(a.work, f"round{k}-{name}")
            shutil.copytree(base, folder)
            outputs.append(run(folder, "assign", "--seed", str(seed), "--format", "csv"))
        same = all(getattr(outputs[0], x) == getattr(outputs[1], x) for x in ("returncode", "stdout", "stderr"))
        differ += not same
        print(f"{'same' if same else 'DIFFERENT'}: {n} applications, {m} reviewers, seed {seed}, capacities {caps}"
              f"{', crowded organisation' if crowded else ''}{f', {reviewed} reviews' if reviewed else ''}: "
              f"exit {outputs[1].returncode}, {max(0, outputs[1].stdout.count(chr(10)) - 1)} pairs")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
