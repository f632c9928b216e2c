#!/usr/bin/python3
"""docs/pabulib.md on the real instances of ../shared/data/pabulib
(never copied into the repository): each file is imported into a fresh
database; the round's project count, budget, year and title must be what the
file says (parsed here, independently, with Python's csv module); importing it
again changes nothing. When `score` and `allocate` exist, the allocation is
compared with the file's official `selected` column (its README: greedy with
skipping, ties in file order, reproduces every instance except Warszawa 2020
Białołęka and Targówek, where one project was withdrawn after the vote: those
two differ exactly in the way a plain greedy without the withdrawal differs,
`audit` names the project (`selected`), and after `competition withdraw` of
that project and `allocate --force` the official outcome is reproduced).
After allocation, `competition audit` must pass on every instance: the vote
totals recounted from the ballots match the PROJECTS columns, and the
allocation matches `selected`.

Arguments: --binary, --repo, --work (as tests/CMakeLists.txt passes them).
Exit 77 (skipped) when <repo>/../shared/data/pabulib is absent."""
import argparse, csv, io, json, os, re, shutil, sqlite3, subprocess, sys
from decimal import Decimal

# README.md of the data: the project withdrawn after the vote in each instance
# whose official outcome plain greedy does not reproduce.
WITHDRAWN = {"Poland_Warszawa_2020_Bialoleka.pb": "118", "Poland_Warszawa_2020_Targowek.pb": "1667"}

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(binary, db, *args, code=0):
    r = subprocess.run([binary, "--lang", "en", "--db", db, *args], capture_output=True, text=True,
                       env={**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"})
    if r.returncode != code:
        failures.append(f"{' '.join(args)}: exit {r.returncode}, expected {code}\n{r.stdout}{r.stderr}")
        return None
    return r


def parse_pb(path):
    """The file's sections, read the way the format describes them."""
    text = open(path, encoding="utf-8-sig", newline="").read()
    sections, current = {}, None
    for row in csv.reader(io.StringIO(text), delimiter=";"):
        if not row:
            continue
        name = row[0].strip().lower()
        if name in ("meta", "projects", "votes") and all(not x.strip() for x in row[1:]):
            current = sections[name] = {"header": None, "rows": []}
            continue
        if current["header"] is None:
            current["header"] = [h.strip().lower() for h in row]
        else:
            current["rows"].append(dict(zip(current["header"], row)))
    meta = {r["key"].strip(): r["value"] for r in sections["meta"]["rows"]}
    return meta, sections["projects"]["rows"], sections["votes"]["rows"]


def money(text):
    return f"{Decimal(text.strip().replace(' ', '').replace(',', '.')):.2f}"


def greedy(projects, budget, total_column, withdrawn=None):
    """Greedy with skipping, highest total first, ties in file order (the data's README)."""
    order = sorted(range(len(projects)), key=lambda i: (-int(projects[i][total_column]), i))
    left, chosen = Decimal(budget), set()
    for i in order:
        p = projects[i]
        cost = Decimal(money(p["cost"]))
        if p["project_id"] != withdrawn and cost <= left:
            chosen.add(p["project_id"])
            left -= cost
    return chosen


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    a.binary = os.path.abspath(a.binary)
    data = os.path.normpath(os.path.join(a.repo, "..", "shared", "data", "pabulib"))
    if not os.path.isdir(data):
        print("SKIP: ../shared/data/pabulib not found")
        return 77
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    files = sorted(f for f in os.listdir(data) if f.endswith(".pb"))
    check(len(files) == 12, f"expected the 12 instances of the README, found {len(files)}")
    help_text = subprocess.run([a.binary, "--help"], capture_output=True, text=True).stdout
    can_allocate = re.search(r"^\s+score\s", help_text, re.M) and re.search(r"^\s+allocate\s", help_text, re.M)
    reproduced, expected_differences = [], []
    for name in files:
        path = os.path.join(data, name)
        meta, projects, votes = parse_pb(path)
        stem = name[:-3]
        round_id = re.sub(r"[^a-z0-9._-]+", "-", stem.lower()).strip("-")[:64]
        db = os.path.join(a.work, stem + ".db")
        r = run(a.binary, db, "import", "pabulib", path, "--json")
        if r is None:
            continue
        summary = json.loads(r.stdout)
        check(summary["read"] == len(projects) and summary["added"] == len(projects),
              f"{name}: import summary {summary}, expected {len(projects)} projects added")
        check(summary["round"] == round_id, f"{name}: round {summary['round']!r}, expected {round_id!r}")
        status = json.loads(run(a.binary, db, "status", "--json").stdout)
        rounds = status["rounds"]
        check(len(rounds) == 1, f"{name}: {len(rounds)} rounds")
        st = rounds[0]
        check(st["applications"] == len(projects), f"{name}: {st['applications']} applications, expected {len(projects)}")
        check(st["budget"] == money(meta["budget"]), f"{name}: budget {st['budget']}, expected {money(meta['budget'])}")
        check(st["year"] == int(re.search(r"\d{4}", meta["instance"]).group()), f"{name}: year {st['year']}")
        check(st["title"] == meta["description"], f"{name}: title {st['title']!r}")
        # What the import keeps: every ballot, and the official outcome.
        r = run(a.binary, db, "import", "pabulib", path)
        if r is not None:
            check(r.stdout.strip() == f"{path}: {len(projects)} rows read, 0 added, 0 updated, {len(projects)} unchanged",
                  f"{name}: re-import said {r.stdout.strip()!r}")
        con = sqlite3.connect(db)
        n_votes = con.execute("SELECT count(*) FROM pabulib_votes").fetchone()[0]
        selected = {row[0] for row in con.execute("SELECT application FROM pabulib_projects WHERE selected = 1")}
        con.close()
        check(n_votes == len(votes), f"{name}: {n_votes} ballots stored, expected {len(votes)}")
        official = {p["project_id"] for p in projects if p.get("selected", "").strip() == "1"}
        check(selected == official, f"{name}: stored selected {sorted(selected)}, expected {sorted(official)}")
        if not can_allocate:
            continue
        if run(a.binary, db, "score") is None:
            continue
        r = run(a.binary, db, "allocate", "--json")
        if r is None:
            continue
        allocation = json.loads(r.stdout)
        funded = {x["id"] for x in allocation["applications"] if x["status"] in ("funded", "partial")}
        total_column = "votes" if meta["vote_type"].strip() == "approval" else "score"
        plain = greedy(projects, money(meta["budget"]), total_column)
        check(funded == plain, f"{name}: allocated {sorted(funded)}, plain greedy gives {sorted(plain)}")
        if name in WITHDRAWN:
            # Plain greedy differs from the official outcome by the project
            # withdrawn after the vote; the audit says so (`selected`) and
            # finds nothing else: the recounted votes match.
            w = WITHDRAWN[name]
            check(funded != official and w in funded and w not in official,
                  f"{name}: expected the allocation to differ from the official list by the withdrawn project {w}")
            check(greedy(projects, money(meta["budget"]), total_column, withdrawn=w) == official,
                  f"{name}: greedy without project {w} does not give the official list")
            r = run(a.binary, db, "audit", "--json", code=1)
            if r is not None:
                diffs = json.loads(r.stdout)["rounds"][0]["differences"]
                check(diffs and all(d["field"] == "selected" for d in diffs)
                      and w in {d["application"] for d in diffs},
                      f"{name}: audit before the withdrawal: expected only `selected` differences naming {w}, got {diffs}")
            # With the withdrawal recorded, the official outcome exactly.
            if run(a.binary, db, "withdraw", w, "--reason", "withdrawn after the vote (data README)") is None:
                continue
            r = run(a.binary, db, "allocate", "--force", "--json")
            if r is None:
                continue
            funded = {x["id"] for x in json.loads(r.stdout)["applications"] if x["status"] in ("funded", "partial")}
            expected_differences.append(name)
        check(funded == official,
              f"{name}: allocated {sorted(funded)} but the official list is {sorted(official)}; "
              f"missing {sorted(official - funded)}, extra {sorted(funded - official)}")
        if name not in WITHDRAWN:
            reproduced.append(name)
        # `audit`: the recount of the ballots matches the PROJECTS totals and
        # the allocation the official `selected` column.
        r = run(a.binary, db, "audit", "--json")
        if r is not None:
            check(json.loads(r.stdout)["ok"], f"{name}: audit found differences: {r.stdout}")
    if can_allocate:
        print(f"official outcome reproduced by plain greedy: {len(reproduced)}; with a withdrawal after the vote: "
              f"{', '.join(expected_differences)}; audit (recount and `selected`) ok on all")
    for f in failures:
        print(f, file=sys.stderr)
    if failures:
        print(f"FAILED: {len(failures)} problem(s)", file=sys.stderr)
        return 1
    print(f"ok: {len(files)} instances")
    return 0


if __name__ == "__main__":
    sys.exit(main())
