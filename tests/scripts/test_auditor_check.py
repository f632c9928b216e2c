#!/usr/bin/python3
"""The outside auditor's script (tests/scripts/auditor_check.py, written from
docs/bundle.md and docs/formats.md alone, standard library only) against real
bundles, and docs/bundle.md's worked example run as written.

1. The example round (examples/kharkiv-esm), allocated, with its outcomes,
   exported: the script must pass it and print the fingerprint `allocate`
   printed.
2. The round of tests/e2e/decisions with commission decisions (a withdrawal, an
   override charged to the pool, an override undone), allocated and exported:
   the same, and the record's `decisions` must be the two standing ones.
   A round ranked by votes (tests/e2e/pabulib/Testowo_2021.pb) passes too.
3. The example round a year later (agreements, payments) passes, and a copy with a
   tranche raised above its agreement (manifest re-signed) fails. The script must
   fail (exit 1) on a copy of bundle 2 where one review score
   was changed and the manifest re-signed (inputs.reviews.csv), and on one
   where an award in decision.json was changed and the manifest re-signed (the
   fingerprint, and the sum).
4. docs/bundle.md "Checking a bundle by hand": every ```sh block of that
   section is run in order (one shell state: the working directory carries
   over) in a copy of the example, with the built binary as `competition`; the
   ```text block after it must be its output (`…` stands for any lines); the
   ```json block must be manifest.json byte for byte.

Arguments: --binary, --repo, --work (as tests/CMakeLists.txt passes them)."""
import json, os, re, shutil, subprocess, sys
import script_args

from test_bundle_tamper import resign  # the manifest re-signed, as a careful tamperer would
from test_docs_commands import matches  # expected lines against actual ones, `…` for any

failures = []
NOW = "2018-03-12T10:00:00Z"


def env_for(work, binary):
    bindir = os.path.join(work, "bin")
    os.makedirs(bindir, exist_ok=True)
    link = os.path.join(bindir, "competition")
    if not os.path.exists(link):
        os.symlink(binary, link)
    return {"PATH": bindir + ":/usr/bin:/bin", "TZ": "UTC", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8",
            "HOME": work, "COMPETITION_NOW": NOW}


def must(args, env, cwd):
    r = subprocess.run(["competition", *args], env=env, cwd=cwd, capture_output=True, timeout=300)
    if r.returncode != 0:
        sys.exit(f"setup failed: {' '.join(args)}: exit {r.returncode}\n{r.stdout.decode()}{r.stderr.decode()}")
    return r.stdout.decode()


def auditor(repo, *bundles):
    return subprocess.run(["/usr/bin/python3", os.path.join(repo, "tests", "scripts", "auditor_check.py"), *bundles],
                          capture_output=True, timeout=300, env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"})


def fingerprint_of(allocate_output):
    m = re.search(r"sha256:[0-9a-f]{64}", allocate_output)
    return m.group(0) if m else None


def round_dir(work, name, env):
    d = os.path.join(work, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    env = dict(env, COMPETITION_DB=os.path.join(d, "competition.db"))
    return d, env


def scored_example(repo, work, env, name):
    """The example round imported and scored in a fresh folder `name`: (its source, folder, env)."""
    src = os.path.join(repo, "examples", "kharkiv-esm")
    d, env = round_dir(work, name, env)
    must(["init", os.path.join(src, "rules.toml")], env, d)
    for kind in ("applications", "reviewers", "reviews"):
        must(["import", kind, os.path.join(src, f"{kind}.csv")], env, d)
    must(["score", "-q"], env, d)
    return src, d, env


def example_bundle(repo, work, env):
    src, d, env = scored_example(repo, work, env, "example")
    fingerprint = fingerprint_of(must(["allocate"], env, d))
    must(["import", "outcomes", os.path.join(src, "outcomes.csv")], env, d)
    must(["export", "bundle", os.path.join(d, "bundle")], env, d)
    return os.path.join(d, "bundle"), fingerprint


def ledger_bundle(repo, work, env):
    """The example round as docs/guide.md runs it (two commission decisions), a
    year later: agreements, two tranches per winner and a refund."""
    src, d, env = scored_example(repo, work, env, "ledger")
    must(["allocate"], env, d)
    must(["withdraw", "A-068", "--reason", "Заявник відмовився від гранту"], env, d)
    must(["override", "A-054", "--award", "40000", "--reason", "Скорочений кошторис"], env, d)
    fingerprint = fingerprint_of(must(["allocate", "--force"], env, d))
    for kind in ("outcomes", "agreements", "payments"):
        must(["import", kind, os.path.join(src, f"{kind}.csv")], env, d)
    must(["export", "bundle", os.path.join(d, "bundle")], env, d)
    return os.path.join(d, "bundle"), fingerprint


def decisions_bundle(repo, work, env):
    src = os.path.join(repo, "tests", "e2e", "decisions")
    d, env = round_dir(work, "decisions", env)
    must(["init", os.path.join(src, "rules.toml")], env, d)
    for kind in ("applications", "reviewers", "reviews"):
        must(["import", kind, os.path.join(src, f"{kind}.csv")], env, d)
    must(["score", "-q"], env, d)
    must(["withdraw", "D-02", "--reason", "Заявник відмовився"], env, d)
    must(["override", "D-03", "--award", "20000", "--reason", "Скорочено, \"за кошторисом\""], env, d)
    must(["override", "D-05", "--award", "6000", "--reason", "Помилково"], env, d)
    must(["decisions", "--undo", "3", "--reason", "Записано помилково"], env, d)
    fingerprint = fingerprint_of(must(["allocate"], env, d))
    must(["export", "bundle", os.path.join(d, "bundle")], env, d)
    return os.path.join(d, "bundle"), fingerprint


def pabulib_bundle(repo, work, env):
    d, env = round_dir(work, "pabulib", env)
    must(["import", "pabulib", os.path.join(repo, "tests", "e2e", "pabulib", "Testowo_2021.pb")], env, d)
    must(["score", "-q"], env, d)
    fingerprint = fingerprint_of(must(["allocate"], env, d))
    must(["export", "bundle", os.path.join(d, "bundle")], env, d)
    return os.path.join(d, "bundle"), fingerprint


def history_bundle(repo, work, env):
    """year.md §5: tests/e2e/score/history's two rounds, the later one rejecting an owed report."""
    d, env = round_dir(work, "history", env)
    h = lambda name: os.path.join(repo, "tests", "e2e", "score", "history", name)
    with open(os.path.join(d, "rules-2018.toml"), "w", encoding="utf-8") as f:
        f.write(open(h("rules-2018.toml"), encoding="utf-8").read().replace('"flag"', '"reject"', 1))
    for year, rules in (("2017", h("rules-2017.toml")), ("2018", os.path.join(d, "rules-2018.toml"))):
        r = "social-" + year
        must(["init", rules], env, d)
        must(["import", "applications", h(f"applications-{year}.csv"), "--round", r], env, d)
        must(["import", "reviewers", h("reviewers.csv"), "--round", r], env, d)
        must(["import", "reviews", h(f"reviews-{year}.csv"), "--round", r], env, d)
        must(["score", "-q", "--round", r], env, d)
        fingerprint = fingerprint_of(must(["allocate", "--round", r], env, d))
        if year == "2017":
            must(["import", "agreements", h("agreements-2017.csv"), "--round", r], env, d)
    must(["export", "bundle", os.path.join(d, "bundle"), "--round", "social-2018"], env, d)
    return os.path.join(d, "bundle"), fingerprint


def expect_pass(repo, bundle, fingerprint, what):
    r = auditor(repo, bundle)
    out = r.stdout.decode()
    if r.returncode != 0:
        failures.append(f"{what}: the auditor's script fails (exit {r.returncode}):\n"
                        + "\n".join(l for l in out.splitlines() if l.startswith("FAIL")) + r.stderr.decode())
    if fingerprint is None or f"fingerprint {fingerprint}" not in out:
        failures.append(f"{what}: the script did not arrive at allocate's fingerprint {fingerprint}")
    return out


def expect_fail(repo, bundle, what, names):
    r = auditor(repo, bundle)
    out = r.stdout.decode()
    failed = [l for l in out.splitlines() if l.startswith("FAIL")]
    if r.returncode != 1:
        failures.append(f"{what}: exit {r.returncode}, expected 1")
    for name in names:
        if not any(name in l for l in failed):
            failures.append(f"{what}: no failed check names {name!r}: {failed}")


def tampered(bundle, work, name):
    copy = os.path.join(work, name)
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(bundle, copy)
    return copy


# --- docs/bundle.md's worked example -------------------------------------------------

FENCE = re.compile(r"^```(\w*)\s*$")


def section_blocks(text, heading):
    lines = text.split("\n")
    start = next(i for i, l in enumerate(lines) if l.strip() == heading)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    blocks, i = [], start + 1
    while i < end:
        m = FENCE.match(lines[i])
        if m:
            j = i + 1
            while not lines[j].startswith("```"):
                j += 1
            blocks.append((m.group(1), i + 1, lines[i + 1:j]))
            i = j + 1
        else:
            i += 1
    return blocks


def worked_example(repo, work, env):
    text = open(os.path.join(repo, "docs", "bundle.md"), encoding="utf-8").read()
    blocks = section_blocks(text, "## Checking a bundle by hand")
    top = os.path.join(work, "docs-example")
    shutil.rmtree(top, ignore_errors=True)
    shutil.copytree(os.path.join(repo, "examples"), os.path.join(top, "examples"))
    state = os.path.join(work, "docs-example.cwd")
    with open(state, "w") as f:
        f.write(top)
    env = dict(env, COMPETITION_DB=os.path.join(top, "competition.db"))
    last = None
    ran = 0
    for lang, line, body in blocks:
        if lang == "sh":
            script = 'cd "$(cat %s)"\n%s\npwd > %s\n' % (state, "\n".join(body), state)
            r = subprocess.run(["bash", "-e", "-c", script], env=env, capture_output=True, timeout=300)
            if r.returncode != 0:
                failures.append(f"docs/bundle.md:{line}: exit {r.returncode}\n{r.stderr.decode()[:2000]}")
            last = (line, (r.stdout + r.stderr).decode().split("\n"))
            if last[1] and last[1][-1] == "":
                last[1].pop()
            ran += 1
        elif lang == "text" and last is not None:
            if not matches(body, last[1]):
                failures.append(f"docs/bundle.md:{line}: the output of the block at line {last[0]} differs:\n"
                                + "\n".join(last[1]))
            last = None
        elif lang == "json" and body and body[0] == "{":
            cwd = open(state).read().strip()
            path = os.path.join(cwd, "manifest.json")
            actual = open(path, encoding="utf-8").read() if os.path.exists(path) else "(no manifest.json)"
            if actual != "\n".join(body) + "\n":
                failures.append(f"docs/bundle.md:{line}: manifest.json is not as shown:\n{actual}")
        else:
            last = None
    if ran < 5:
        failures.append(f"docs/bundle.md: only {ran} sh blocks found in the worked example")


def main():
    a = script_args.parse()
    binary, repo, work = a.binary, a.repo, a.work
    env = env_for(work, binary)

    example, fp1 = example_bundle(repo, work, env)
    expect_pass(repo, example, fp1, "the example round's bundle")
    decided, fp2 = decisions_bundle(repo, work, env)
    out = expect_pass(repo, decided, fp2, "the bundle of a round with commission decisions")
    record = json.load(open(os.path.join(decided, "decision.json"), encoding="utf-8"))
    standing = [(d["n"], d["kind"], d["applications"], d["award"]) for d in record["decisions"]]
    if standing != [(1, "withdraw", ["D-02"], None), (2, "override", ["D-03"], "20000.00")]:
        failures.append(f"the record's decisions are {standing}")
    if "decision 2 is decisions.csv's row 2" not in out:
        failures.append("the script did not compare the decisions with decisions.csv")

    # After the decision: agreements.csv and payments.csv checked (33 agreements, 67 payments, one refund).
    ledger, fp3 = ledger_bundle(repo, work, env)
    out = expect_pass(repo, ledger, fp3, "the bundle of the example round a year later")
    if "bundle: 33 agreements, 67 payments, paid 998682.47" not in out:
        failures.append("the script did not check the agreements and payments of the example round")
    # A tranche raised above its agreement (A-003: 19260.00 + 12840.00 = 32100.00), the manifest re-signed.
    copy = tampered(ledger, work, "tampered-payment")
    path = os.path.join(copy, "payments.csv")
    text = open(path, encoding="utf-8", newline="").read()
    if "A-003,PP-101,2018-04-09,19260.00,payment\n" not in text:
        failures.append("payments.csv of the example round has no A-003,PP-101 row of 19260.00")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text.replace("A-003,PP-101,2018-04-09,19260.00,", "A-003,PP-101,2018-04-09,19261.00,"))
    resign(copy, "payments.csv")
    expect_fail(repo, copy, "a payment raised, manifest re-signed", ["A-003 running paid within 0 and the agreement"])

    # A round ranked by votes (applications.csv with `votes` and `input_order`, no criteria).
    expect_pass(repo, *pabulib_bundle(repo, work, env), "the bundle of a pabulib round")

    # A review score changed (8 -> 9 in the first data row), the manifest re-signed.
    copy = tampered(decided, work, "tampered-review")
    path = os.path.join(copy, "reviews.csv")
    lines = open(path, encoding="utf-8", newline="").read().split("\n")
    cells = lines[1].split(",")
    cells[2] = str(int(cells[2]) + 1)
    lines[1] = ",".join(cells)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(lines))
    resign(copy, "reviews.csv")
    expect_fail(repo, copy, "a review changed, manifest re-signed", ["inputs.reviews.csv"])

    # An award raised by 1.00 in decision.json, the manifest re-signed.
    copy = tampered(decided, work, "tampered-award")
    path = os.path.join(copy, "decision.json")
    record = json.load(open(path, encoding="utf-8"))
    funded = next(a for a in record["applications"] if a["award"] != "0.00")
    funded["award"] = f"{float(funded['award']) + 1:.2f}"
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n")
    resign(copy, "decision.json")
    expect_fail(repo, copy, "an award changed, manifest re-signed", ["fingerprint recomputed", "awarded = sum"])

    # The checks on earlier rounds: history.json in the inputs, the reason recomputed from it.
    history, fp4 = history_bundle(repo, work, env)
    out = expect_pass(repo, history, fp4, "the bundle of a round with [checks] on earlier rounds")
    if "record: B-1 has earlier_report_missing exactly when its organisation owes a report" not in out:
        failures.append("the script did not recompute earlier_report_missing from history.json")
    copy = tampered(history, work, "tampered-history")
    path = os.path.join(copy, "history.json")
    text = open(path, encoding="utf-8").read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace('"missing"', '"received"'))
    resign(copy, "history.json")
    expect_fail(repo, copy, "history.json edited, manifest re-signed",
                ["inputs.history.json", "B-1 has earlier_report_missing"])

    worked_example(repo, work, env)

    for f in failures:
        print("FAIL:", f)
    print("auditor_check:", "FAILED" if failures else
          "the five bundles pass, the four tamperings are caught, docs/bundle.md's worked example holds")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
