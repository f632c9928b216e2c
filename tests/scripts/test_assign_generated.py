#!/usr/bin/python3
"""`competition assign` on a generated round (docs/cli.md "assign"): 1 000
applications, 60 reviewers with conflicts, categories and capacities, 3
reviewers per application. Checks every hard constraint of the stored
assignment (3 distinct reviewers per application, none conflicted, none above
its capacity), that its largest load equals the optimum computed here
independently (the least L for which a max-flow, written below, covers the
round when no reviewer takes more than L), that the same seed gives the same
assignment whatever the order of reviewers.csv, and that a round one
application of which has only 2 reviewers it can have exits 3 naming it.
"""
import collections
import json
import os
import random
import subprocess
import sys
import script_args

CATEGORIES = ["children", "elderly", "culture", "sport", "health"]


def generate(rng, applications=1000, reviewers=60):
    orgs = [f"ГО «Організація {k}»" for k in range(400)]
    apps = []
    for k in range(1, applications + 1):
        apps.append({"id": f"A-{k:04d}", "organisation": rng.choice(orgs), "category": rng.choice(CATEGORIES)})
    revs = []
    for k in range(1, reviewers + 1):
        conflicts = sorted(set(rng.sample(orgs, rng.randint(0, 6))))
        categories = sorted(set(rng.sample(CATEGORIES, rng.randint(0, 2))))
        capacity = rng.choice([None, None, rng.randint(20, 60)])
        revs.append({"id": f"R-{k:02d}", "conflicts": conflicts, "categories": categories, "capacity": capacity})
    return apps, revs


def csv_field(s):
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\n') else s


def write_round(folder, apps, revs):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "applications.csv"), "w", encoding="utf-8") as f:
        f.write("id,organisation,title,category,requested,cofinancing\n")
        for a in apps:
            f.write(f"{a['id']},{csv_field(a['organisation'])},Проєкт,{a['category']},1000.00,0\n")
    with open(os.path.join(folder, "reviewers.csv"), "w", encoding="utf-8") as f:
        f.write("id,name,conflicts,categories,capacity\n")
        for r in revs:
            cap = "" if r["capacity"] is None else str(r["capacity"])
            f.write(f"{r['id']},Експерт,{csv_field('|'.join(r['conflicts']))},{'|'.join(r['categories'])},{cap}\n")


RULES = """[competition]
id = "gen-2026"
title = "Generated"
year = 2026
budget = "100000000.00"

[scoring]
min_reviews = 1

[[criteria]]
id = "quality"
name = "Якість"
weight = 1
min = 0
max = 10

[assignment]
per_application = 3
"""


def max_flow(n, edges, s, t):
    """Dinic's algorithm over (u, v, capacity) edges; returns the flow value."""
    graph = [[] for _ in range(n)]
    to, cap = [], []
    for u, v, c in edges:
        graph[u].append(len(to)); to.append(v); cap.append(c)
        graph[v].append(len(to)); to.append(u); cap.append(0)
    total = 0
    while True:
        level = [-1] * n
        level[s] = 0
        queue = collections.deque([s])
        while queue:
            u = queue.popleft()
            for e in graph[u]:
                if cap[e] > 0 and level[to[e]] < 0:
                    level[to[e]] = level[u] + 1
                    queue.append(to[e])
        if level[t] < 0:
            return total
        it = [0] * n

        def push(u, f):
            if u == t:
                return f
            while it[u] < len(graph[u]):
                e = graph[u][it[u]]
                v = to[e]
                if cap[e] > 0 and level[v] == level[u] + 1:
                    got = push(v, min(f, cap[e]))
                    if got:
                        cap[e] -= got
                        cap[e ^ 1] += got
                        return got
                it[u] += 1
            return 0

        while True:
            f = push(s, 1 << 30)
            if not f:
                break
            total += f


def optimal_max_load(apps, revs, k):
    """The least L under which every application gets k allowed reviewers (binary search on max-flow)."""
    n_a, n_r = len(apps), len(revs)
    s, t = n_a + n_r, n_a + n_r + 1
    allowed = [(i, j) for i, a in enumerate(apps) for j, r in enumerate(revs) if a["organisation"] not in r["conflicts"]]

    def feasible(limit):
        edges = [(s, i, k) for i in range(n_a)]
        edges += [(i, n_a + j, 1) for i, j in allowed]
        edges += [(n_a + j, t, min(limit, r["capacity"] or limit)) for j, r in enumerate(revs)]
        return max_flow(n_a + n_r + 2, edges, s, t) == n_a * k

    lo, hi = (n_a * k + n_r - 1) // n_r, n_a
    while lo < hi:
        mid = (lo + hi) // 2
        if feasible(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo


class Run:
    def __init__(self, binary, work):
        self.binary, self.work = binary, work

    def __call__(self, folder, *args):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TZ": "UTC", "LC_ALL": "C.UTF-8",
               "COMPETITION_DB": os.path.join(folder, "competition.db"), "COMPETITION_NOW": "2026-03-01T09:00:00Z"}
        return subprocess.run([self.binary, "--lang", "en", *args], cwd=folder, env=env, capture_output=True, text=True)


def fresh(run, folder, apps, revs):
    write_round(folder, apps, revs)
    with open(os.path.join(folder, "rules.toml"), "w", encoding="utf-8") as f:
        f.write(RULES)
    for args in (["init", "rules.toml"], ["import", "applications", "applications.csv"],
                 ["import", "reviewers", "reviewers.csv"]):
        r = run(folder, *args)
        if r.returncode != 0:
            raise SystemExit(f"competition {' '.join(args)} exited {r.returncode}: {r.stderr}")


def main():
    a = script_args.parse()
    run = Run(os.path.abspath(a.binary), a.work)
    failures = []
    rng = random.Random(2026)
    apps, revs = generate(rng)

    first = os.path.join(a.work, "first")
    fresh(run, first, apps, revs)
    r = run(first, "assign", "--seed", "11", "--json")
    if r.returncode != 0:
        print(f"FAIL assign exited {r.returncode}: {r.stderr}", file=sys.stderr)
        return 1
    out = json.loads(r.stdout)
    by_id = {x["id"]: x for x in revs}
    org = {x["id"]: x["organisation"] for x in apps}
    loads = collections.Counter()
    if [x["id"] for x in out["applications"]] != [x["id"] for x in apps]:
        failures.append("the applications listed are not every application by id")
    for entry in out["applications"]:
        rs = entry["reviewers"]
        if len(rs) != 3 or len(set(rs)) != 3:
            failures.append(f"{entry['id']} has reviewers {rs}, expected 3 distinct")
        for rid in rs:
            loads[rid] += 1
            if org[entry["id"]] in by_id[rid]["conflicts"]:
                failures.append(f"{entry['id']} got {rid}, who is conflicted with {org[entry['id']]}")
    for rid, n in loads.items():
        cap = by_id[rid]["capacity"]
        if cap is not None and n > cap:
            failures.append(f"{rid} has {n} applications, above its capacity {cap}")
    if len(out["reviewers"]) != len(revs):
        failures.append("not every reviewer is listed")
    for x in out["reviewers"]:
        if x["load"] != loads[x["id"]] or len(x["applications"]) != x["load"]:
            failures.append(f"{x['id']}: load {x['load']} disagrees with the applications listed")
    optimum = optimal_max_load(apps, revs, 3)
    if out["max_load"] != optimum or max(loads.values()) != optimum:
        failures.append(f"largest load {out['max_load']} ({max(loads.values())} counted), optimum {optimum}")
    print(f"largest load {out['max_load']}, optimum by max-flow {optimum}, category matches "
          f"{out['category_matches']}")
    if run(first, "audit").returncode != 0:
        failures.append("audit after assign does not pass")

    # The same seed, reviewers.csv in another order: the same assignment.
    second = os.path.join(a.work, "second")
    shuffled = revs[:]
    random.Random(7).shuffle(shuffled)
    fresh(run, second, apps, shuffled)
    again = run(second, "assign", "--seed", "11", "--json")
    if again.returncode != 0 or json.loads(again.stdout)["applications"] != out["applications"]:
        failures.append("the same seed with reviewers.csv shuffled gave another assignment")

    # A-0007 conflicted with every reviewer but two: exit 3 naming it.
    third = os.path.join(a.work, "third")
    blocked = [dict(x) for x in revs]
    for x in blocked[:2]:
        x["conflicts"] = [c for c in x["conflicts"] if c != apps[6]["organisation"]]
    for x in blocked[2:]:
        x["conflicts"] = sorted(set(x["conflicts"]) | {apps[6]["organisation"]})
    fresh(run, third, apps, blocked)
    bad = run(third, "assign")
    if bad.returncode != 3 or "A-0007 can have only 2 reviewer(s) without a conflict of interest" not in bad.stderr:
        failures.append(f"infeasible round: exit {bad.returncode}, stderr {bad.stderr!r}")

    for f in failures:
        print("FAIL " + f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
