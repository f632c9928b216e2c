#!/usr/bin/python3
"""Validates the real JSON outputs of the binary against schemas/*.schema.json.

Runs the example round of examples/kharkiv-esm end to end (imports, score,
allocate, the commission's decisions, outcomes, history, report, status, the
bundle and every audit), a round ranked by votes (a pabulib file) and the worked
example of docs/rules.md, and validates every JSON document they print or write
against its schema. The rules files are parsed with tomllib and validated
against rules.schema.json: every rules file of the repository that `competition
init` accepts must be valid. Finally it checks that invalid documents are
rejected, so that a schema that accepts anything fails the test.

Needs python3-jsonschema (Debian: 4.10, draft 2020-12); without it: exit 77 (skipped).
"""
import argparse
import copy
import glob
import json
import os
import shutil
import subprocess
import sys
import tomllib

try:
    import jsonschema
except ImportError:
    print("SKIP: python3-jsonschema missing")
    sys.exit(77)

NOW = "2018-03-12T10:00:00Z"


class Checker:
    def __init__(self, binary, repo, work):
        self.binary = binary
        self.repo = repo
        self.work = work
        self.failures = []
        self.counts = {}
        self.validators = {}
        for path in sorted(glob.glob(os.path.join(repo, "schemas", "*.schema.json"))):
            name = os.path.basename(path)[: -len(".schema.json")]
            schema = json.load(open(path, encoding="utf-8"))
            try:
                jsonschema.Draft202012Validator.check_schema(schema)
            except jsonschema.SchemaError as e:
                self.failures.append(f"schemas/{name}.schema.json is not a valid JSON Schema: {e.message}")
                continue
            self.validators[name] = jsonschema.Draft202012Validator(schema)

    def fail(self, message):
        self.failures.append(message)

    def run(self, cwd, db, *args, code=0, now=NOW):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TZ": "UTC", "LC_ALL": "C.UTF-8", "HOME": cwd,
               "COMPETITION_DB": db, "COMPETITION_NOW": now}
        r = subprocess.run([self.binary, *args], cwd=cwd, env=env, capture_output=True)
        if r.returncode != code:
            self.fail(f"`competition {' '.join(args)}` exited {r.returncode}, expected {code}:\n"
                      f"{r.stderr.decode(errors='replace')}")
        return r.stdout.decode("utf-8")

    def validate(self, schema, document, what):
        v = self.validators.get(schema)
        if v is None:
            self.fail(f"{what}: no schema schemas/{schema}.schema.json")
            return
        errors = sorted(v.iter_errors(document), key=lambda e: list(e.absolute_path))
        for e in errors[:5]:
            where = "/".join(str(p) for p in e.absolute_path) or "(top)"
            self.fail(f"{what}: {schema}.schema.json: at {where}: {e.message}")
        self.counts[schema] = self.counts.get(schema, 0) + 1

    def json_of(self, schema, cwd, db, *args, code=0, now=NOW):
        out = self.run(cwd, db, *args, code=code, now=now)
        what = "competition " + " ".join(args)
        try:
            doc = json.loads(out)
        except json.JSONDecodeError as e:
            self.fail(f"{what}: not JSON ({e}): {out[:200]!r}")
            return None
        self.validate(schema, doc, what)
        return doc

    def rejects(self, schema, document, what):
        v = self.validators.get(schema)
        if v is not None and v.is_valid(document):
            self.fail(f"{schema}.schema.json accepts an invalid document: {what}")


def cross_year(c):
    """year.md §5: two rounds, the later one's bundle carrying history.json; a late report noted by audit."""
    h = os.path.join(c.repo, "tests", "e2e", "score", "history")
    cwd = os.path.join(c.work, "cross-year")
    os.makedirs(cwd)
    db = os.path.join(cwd, "competition.db")
    f = lambda name: os.path.join(h, name)
    c.run(cwd, db, "init", f("rules-2017.toml"))
    for kind, name in (("applications", "applications-2017.csv"), ("reviewers", "reviewers.csv"),
                       ("reviews", "reviews-2017.csv")):
        c.run(cwd, db, "import", kind, f(name), "--round", "social-2017")
    c.run(cwd, db, "score", "--round", "social-2017")
    c.run(cwd, db, "allocate", "--round", "social-2017")
    c.run(cwd, db, "import", "agreements", f("agreements-2017.csv"), "--round", "social-2017")
    c.run(cwd, db, "init", f("rules-2018.toml"))
    for kind, name in (("applications", "applications-2018.csv"), ("reviewers", "reviewers.csv"),
                       ("reviews", "reviews-2018.csv")):
        c.run(cwd, db, "import", kind, f(name), "--round", "social-2018")
    c.json_of("score", cwd, db, "score", "--round", "social-2018", "--json")
    c.json_of("allocate", cwd, db, "allocate", "--round", "social-2018", "--json")
    c.run(cwd, db, "import", "outcomes", f("outcomes-2017-late.csv"), "--round", "social-2017")
    audit = c.json_of("audit", cwd, db, "audit", "--round", "social-2018", "--json")
    # The late file reports A-1's and A-2's reports received by the cut-off: the flags they drop, named.
    dropped = [{"application": a, "flag": f"earlier_report_missing:social-2017/{w}", "change": "dropped"}
               for a, w in (("B-1", "A-1"), ("B-2", "A-2"), ("B-4", "A-1"))]
    if audit is not None and audit["rounds"][0].get("notes") != [{"note": "checks_facts_changed", "flags": dropped}]:
        c.fail(f"audit --json after the late report: notes {audit['rounds'][0].get('notes')}")
    bundle = os.path.join(cwd, "bundle")
    c.run(cwd, db, "export", "bundle", bundle, "--round", "social-2018")
    for name, schema in (("history.json", "history"), ("decision.json", "decision-record"),
                         ("manifest.json", "manifest")):
        path = os.path.join(bundle, name)
        if os.path.exists(path):
            c.validate(schema, json.load(open(path, encoding="utf-8")), "bundle/" + name)
        else:
            c.fail(f"export bundle of social-2018 wrote no {name}")
    c.json_of("audit-bundle", cwd, db, "audit", "bundle", bundle, "--json")
    c.rejects("history", {"winners": [{"application": "A", "organisation": "o", "report": "missing", "round": "r",
                                       "title_key": "t"}]}, "an organisation key neither code: nor name:")


def example_round(c):
    ex = os.path.join(c.repo, "examples", "kharkiv-esm")
    errors_dir = os.path.join(c.repo, "docs", "examples", "errors")
    cwd = os.path.join(c.work, "example")
    os.makedirs(cwd)
    db = os.path.join(cwd, "competition.db")
    f = lambda name: os.path.join(ex, name)
    c.run(cwd, db, "init", f("rules.toml"))
    c.json_of("import-summary", cwd, db, "import", "applications", os.path.join(ex, "excel", "applications.csv"),
              "--dry-run", "--json")
    bad = c.json_of("import-summary", cwd, db, "import", "applications",
                    os.path.join(errors_dir, "applications-mistakes.csv"), "--dry-run", "--json", code=1)
    if bad is not None and not bad.get("errors"):
        c.fail("import --dry-run --json of applications-mistakes.csv lists no errors")
    # A refused file (no --dry-run) prints its object too, with every error (docs/cli.md "import").
    refused = c.json_of("import-summary", cwd, db, "import", "applications",
                        os.path.join(errors_dir, "applications-mistakes.csv"), "--json", code=2)
    if refused is not None and (not refused.get("errors") or refused.get("added") != 0):
        c.fail("import --json of the refused applications-mistakes.csv: no errors, or counts not 0")
    for kind in ("applications", "reviewers", "reviews"):
        c.json_of("import-summary", cwd, db, "import", kind, f(kind + ".csv"), "--json")
    c.json_of("score", cwd, db, "score", "--json")
    first = c.json_of("allocate", cwd, db, "allocate", "--json")
    c.json_of("sensitivity", cwd, db, "sensitivity", "--json")
    c.json_of("decisions", cwd, db, "decisions", "--json")
    c.json_of("decision-recorded", cwd, db, "withdraw", "A-068", "--reason", "Заявник відмовився", "--json")
    c.json_of("decision-recorded", cwd, db, "override", "A-054", "--award", "40000", "--reason", "Кошторис скорочено",
              "--json")
    c.run(cwd, db, "override", "A-040", "--award", "0", "--reason", "x", "--json", code=3)  # rejected: no decision
    c.json_of("audit", cwd, db, "audit", "--json")  # decisions pending: still ok
    second = c.json_of("allocate", cwd, db, "allocate", "--force", "--json")
    c.json_of("sensitivity", cwd, db, "sensitivity", "--json")  # with a withdrawal and an override applied
    if second is not None and not second.get("decisions"):
        c.fail("allocate --force --json after two decisions has no `decisions`")
    c.json_of("import-summary", cwd, db, "import", "outcomes", f("outcomes.csv"), "--json")
    c.json_of("import-summary", cwd, db, "import", "history", f("history.csv"), "--json")
    # After the decision (docs/cli.md "ledger"): agreements, payments, the ledger, the paid row of the report.
    for kind in ("agreements", "payments"):
        summary = c.json_of("import-summary", cwd, db, "import", kind, f(kind + ".csv"), "--json")
    # Imported on the day of the meeting, every payment order is dated later: each one named at its paid_on.
    later = (summary or {}).get("after_today", [])
    if len(later) != 67 or later[0] != {"line": 2, "column": 3, "reference": "PP-101", "paid_on": "2018-04-09"}:
        c.fail(f"import payments --json on 2018-03-12: after_today {later[:1]} ({len(later)} rows)")
    over = c.json_of("import-summary", cwd, db, "import", "payments", os.path.join(errors_dir, "payments-over.csv"),
                     "--json", code=2)
    if over is not None and len(over.get("errors", [])) != 2:
        c.fail("import --json of payments-over.csv does not list its two errors")
    for day in ("2018-09-30", "2019-01-31"):
        ledger = c.json_of("ledger", cwd, db, "ledger", "--as-of", day, "--json")
        if ledger is not None and ledger.get("as_of") != day:
            c.fail(f"ledger --as-of {day} --json: as_of is {ledger.get('as_of')}")
    late = c.json_of("audit", cwd, db, "audit", "--json", now="2019-02-01T09:00:00Z")
    if late is not None and late["rounds"][0].get("notes") != [{"application": "A-012", "note": "report_overdue"}]:
        c.fail(f"audit --json on 2019-02-01: notes {late['rounds'][0].get('notes')}")
    c.rejects("ledger", {"round": "r", "as_of": "2019-01-31", "winners": [], "totals": {}}, "totals without keys")
    for extra in ([], ["--year", "2018"], ["--year", "2014"], ["--from", "2000", "--to", "2003"]):
        c.json_of("report", cwd, db, "report", "--json", *extra)
        c.json_of("report-by-category", cwd, db, "report", "--by", "category", "--json", *extra)
        c.json_of("report-by-service", cwd, db, "report", "--by", "service", "--json", *extra)
    c.json_of("status", cwd, db, "status", "--json")
    bundle = os.path.join(cwd, "bundle")
    c.run(cwd, db, "export", "bundle", bundle)
    for name, schema in (("decision.json", "decision-record"), ("manifest.json", "manifest")):
        path = os.path.join(bundle, name)
        if os.path.exists(path):
            c.validate(schema, json.load(open(path, encoding="utf-8")), "bundle/" + name)
        else:
            c.fail(f"export bundle wrote no {name}")
    c.json_of("audit", cwd, db, "audit", "--json")
    c.json_of("audit", cwd, db, "audit", "--all", "--json")
    c.json_of("audit-bundle", cwd, db, "audit", "bundle", bundle, "--json")
    c.json_of("audit-history", cwd, db, "audit", "history", "--json", code=1)
    # A tampered bundle: differences are listed (and still valid JSON of the schema).
    tampered = os.path.join(cwd, "tampered")
    shutil.copytree(bundle, tampered)
    reviews = os.path.join(tampered, "reviews.csv")
    text = open(reviews, encoding="utf-8").read().split("\n")
    cells = text[1].split(",")
    cells[2] = "0" if cells[2] != "0" else "1"
    text[1] = ",".join(cells)
    open(reviews, "w", encoding="utf-8").write("\n".join(text))
    t = c.json_of("audit-bundle", cwd, db, "audit", "bundle", tampered, "--json", code=1)
    if t is not None and not t.get("differences"):
        c.fail("audit bundle of a tampered bundle lists no differences")
    # An undone decision: `undone_by` is set in the list.
    c.json_of("decision-recorded", cwd, db, "decisions", "--undo", "1", "--reason", "Помилка", "--json")
    listed = c.json_of("decisions", cwd, db, "decisions", "--json")
    if listed is not None and not any(d.get("undone_by") for d in listed.get("decisions", [])):
        c.fail("decisions --json after --undo 1 shows no undone_by")
    return first


def assignment(c):
    """The small round of tests/e2e/assign: `assign --json`, and `status --json` with its reviewers."""
    here = os.path.join(c.repo, "tests", "e2e", "assign")
    cwd = os.path.join(c.work, "assign")
    os.makedirs(cwd)
    db = os.path.join(cwd, "competition.db")
    c.run(cwd, db, "init", os.path.join(here, "rules.toml"))
    for kind in ("applications", "reviewers"):
        c.run(cwd, db, "import", kind, os.path.join(here, kind + ".csv"))
    c.json_of("assign", cwd, db, "assign", "--json")
    status = c.json_of("status", cwd, db, "status", "--json")
    if status is not None and "reviewers" not in status["rounds"][0]:
        c.fail("status --json of a round with an assignment has no `reviewers`")
    # Score sheets (docs/cli.md "sheets"), each file's object validated as an import summary too.
    for fmt in ("xlsx", "csv"):
        sheets = os.path.join(cwd, "sheets-" + fmt)
        c.run(cwd, db, "sheets", sheets, "--format", fmt)
        doc = c.json_of("import-directory", cwd, db, "import", "reviews", sheets, "--dry-run", "--json")
        for f in (doc or {}).get("files", []):
            c.validate("import-summary", f, f"import reviews {sheets}: {f.get('file')}")
    with open(os.path.join(cwd, "sheets-csv", "asg-2026-R-1.csv"), "a", encoding="utf-8") as f:
        f.write("A-9;;;;;;1;1;;asg-2026;R-1\n")
    c.json_of("import-directory", cwd, db, "import", "reviews", os.path.join(cwd, "sheets-csv"), "--json", code=2)


def worked_and_votes(c):
    worked = os.path.join(c.repo, "docs", "examples", "worked")
    cwd = os.path.join(c.work, "worked")
    os.makedirs(cwd)
    db = os.path.join(cwd, "competition.db")
    c.run(cwd, db, "init", os.path.join(worked, "rules.toml"))
    for kind in ("applications", "reviewers", "reviews"):
        c.json_of("import-summary", cwd, db, "import", kind, os.path.join(worked, kind + ".csv"), "--json")
    c.json_of("score", cwd, db, "score", "--json")
    c.json_of("allocate", cwd, db, "allocate", "--json")
    c.json_of("status", cwd, db, "status", "--json")
    c.json_of("report", cwd, db, "report", "--json")
    pb = os.path.join(c.repo, "tests", "e2e", "pabulib", "Testowo_2021.pb")
    if os.path.exists(pb):
        cwd = os.path.join(c.work, "votes")
        os.makedirs(cwd)
        db = os.path.join(cwd, "competition.db")
        c.json_of("import-summary", cwd, db, "import", "pabulib", pb, "--json")
        c.json_of("score", cwd, db, "score", "--json")
        c.json_of("allocate", cwd, db, "allocate", "--json")
        c.json_of("sensitivity", cwd, db, "sensitivity", "--json")  # votes: ties only, margins in votes


def rules_files(c):
    """Every rules file `competition init` accepts must be valid against rules.schema.json."""
    cwd = os.path.join(c.work, "rules")
    os.makedirs(cwd)
    paths = sorted(set(glob.glob(os.path.join(c.repo, "examples", "**", "*.toml"), recursive=True)
                       + glob.glob(os.path.join(c.repo, "docs", "examples", "**", "*.toml"), recursive=True)
                       + glob.glob(os.path.join(c.repo, "tests", "**", "*.toml"), recursive=True)))
    accepted = 0
    for i, path in enumerate(paths):
        db = os.path.join(cwd, f"{i}.db")
        r = subprocess.run([c.binary, "--db", db, "init", path], cwd=cwd, capture_output=True,
                           env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"})
        if r.returncode != 0:
            continue
        try:
            doc = tomllib.loads(open(path, encoding="utf-8").read())
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue
        accepted += 1
        c.validate("rules", json.loads(json.dumps(doc, default=str)), os.path.relpath(path, c.repo))
    if accepted < 3:
        c.fail(f"only {accepted} rules files accepted by `competition init` were found")
    mistakes = os.path.join(c.repo, "docs", "examples", "worked", "rules-with-mistakes.toml")
    if os.path.exists(mistakes):
        c.rejects("rules", tomllib.loads(open(mistakes, encoding="utf-8").read()), "rules-with-mistakes.toml")


def negatives(c, valid_allocate):
    """Invalid documents must be rejected: the schemas are strict, the test can fail."""
    example = tomllib.loads(open(os.path.join(c.repo, "examples", "kharkiv-esm", "rules.toml"), encoding="utf-8").read())
    cases = [
        ("rules", lambda d: d["competition"].__setitem__("budget", 1000000.5), "a float budget"),
        ("rules", lambda d: d["scoring"].__setitem__("pass_totl", 60), "an unknown key"),
        ("rules", lambda d: d["allocation"].__setitem__("rule", "greedy"), "an unknown allocation rule"),
        ("rules", lambda d: d["criteria"][0].__setitem__("weight", 0), "a zero weight"),
        ("rules", lambda d: d["lots"][0].__setitem__("share", 0.1), "a lot with budget and share"),
        ("rules", lambda d: d.pop("criteria"), "no criteria in a round scored by reviews"),
    ]
    for schema, mutate, what in cases:
        d = copy.deepcopy(example)
        mutate(d)
        c.rejects(schema, d, what)
    if valid_allocate is None:
        return
    cases = [
        (lambda d: d.__setitem__("budget", "1000000"), "money without decimals"),
        (lambda d: d.__setitem__("awarded", 999988.58), "money as a number"),
        (lambda d: d.__setitem__("fingerprint", "sha256:xyz"), "a bad fingerprint"),
        (lambda d: d.__setitem__("extra", 1), "an unknown key"),
        (lambda d: d["applications"][0].__setitem__("status", "winner"), "an unknown status"),
        (lambda d: d["applications"][1].__setitem__("award", "0.00"), "a funded application without money"),
        (lambda d: d["lots"][0].pop("awarded"), "a lot without `awarded`"),
    ]
    for mutate, what in cases:
        d = copy.deepcopy(valid_allocate)
        mutate(d)
        c.rejects("allocate", d, what)
    c.rejects("status", {"rounds": [], "history_years": [], "extra": True}, "an unknown key")
    line = {"id": "A-1", "status": "funded", "award": "10.00", "funded_in": 1, "of": 2, "label": "fragile",
            "flips": ["without:R-1"], "margin": {"steps": 2, "reviewer": "R-1", "criterion": "c", "direction": "down"}}
    for mutate, what in [
        (lambda d: d.__setitem__("label", "robust"), "a robust application with flips"),
        (lambda d: d.__setitem__("flips", []), "a fragile application without flips"),
        (lambda d: d["margin"].__setitem__("direction", "sideways"), "an unknown margin direction"),
        (lambda d: d["margin"].__setitem__("steps", 0), "a margin of no steps"),
        (lambda d: d.__setitem__("flips", ["without R-1"]), "a scenario id in words"),
    ]:
        d = copy.deepcopy(line)
        mutate(d)
        c.rejects("sensitivity", {"round": "x", "scenarios": [], "applications": [d]}, what)
    c.rejects("report-by-service", {"by": "service", "years": [{"year": 2018, "organisations": 3, "rows": [
        {"service": "legal", "label": "юридичні", "organisations": 1, "share": "33"}]}]}, "a share as a string")
    c.rejects("report-by-category", {"by": "category", "years": [{"year": 2018, "rows": [], "total": {}}]},
              "a year without rows or total keys")
    c.rejects("score", {"round": "x", "applications": [{"id": "A-1", "rank": None, "status": "incomplete", "total": "1.00",
                                                        "criteria": {}, "reviews": 0, "flags": [],
                                                        "reasons": ["too_few_reviews"]}]},
              "an incomplete application with a total")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    repo = os.path.abspath(a.repo)
    work = os.path.abspath(a.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    if not hasattr(jsonschema, "Draft202012Validator"):
        print("SKIP: python3-jsonschema too old for draft 2020-12")
        return 77
    c = Checker(binary, repo, work)
    expected = ["score", "allocate", "report", "audit", "audit-history", "audit-bundle", "status", "import-summary",
                "decisions", "decision-recorded", "decision-record", "manifest", "rules", "assign", "import-directory",
                "sensitivity", "history", "report-by-category", "report-by-service"]
    for name in expected:
        if name not in c.validators:
            c.fail(f"schemas/{name}.schema.json is missing or invalid")
    first_allocation = example_round(c)
    worked_and_votes(c)
    assignment(c)
    cross_year(c)
    rules_files(c)
    negatives(c, first_allocation)
    for name, n in sorted(c.counts.items()):
        print(f"{name}: {n} documents validated")
    for f in c.failures:
        print("FAIL " + f, file=sys.stderr)
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
