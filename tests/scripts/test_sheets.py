#!/usr/bin/python3
"""docs/cli.md "sheets" and docs/formats.md "Score sheets": on the example
round (its reviews imported, then `assign`, which keeps every reviewed pair),
`sheets` writes one workbook per reviewer carrying the stored scores; the
workbooks hold the data validations, the protection, the frozen header and
the defined names; their score cells are cleared and filled again with
openpyxl from examples/kharkiv-esm/reviews.csv, and importing the directory
into a fresh database gives the same scores and the same allocation
fingerprint as importing reviews.csv itself. The CSV sheets import back the
same. A half-filled row, a score off the step and a review by a reviewer now
in conflict exit 2 naming the sheet and cell; a row without scores is counted blank; a workbook of another round
exits 2.

Arguments: --binary, --repo, --work (as tests/CMakeLists.txt passes them).
Exit 77 (skipped) when openpyxl is missing."""
import csv, json, os, sqlite3, subprocess, sys
import script_args

try:
    import openpyxl
    from openpyxl.utils import get_column_letter
except ImportError:
    print("SKIP: openpyxl missing")
    sys.exit(77)

CRITERIA = ["relevance", "feasibility", "budget", "impact"]
HEADER = ["application", "organisation", "title", "category", "requested", "cofinancing"] + CRITERIA + ["comment"]


def run(binary, db, *args, code=0):
    r = subprocess.run([binary, "--db", db, *args], capture_output=True, text=True,
                       env={**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC", "COMPETITION_NOW": "2018-03-12T10:00:00Z"})
    if r.returncode != code:
        sys.exit(f"{' '.join(args)}: exit {r.returncode}, expected {code}\n{r.stdout}{r.stderr}")
    return r


def defined_text(wb, name):
    """A workbook-scope defined name's text constant, in openpyxl 3.0 and 3.1 alike."""
    names = wb.defined_names
    dn = names.get(name) if hasattr(names, "get") else None
    if dn is None and hasattr(names, "definedName"):
        dn = next((d for d in names.definedName if d.name == name), None)
    if dn is None:
        return None
    text = dn.attr_text
    return text[1:-1] if text.startswith('"') and text.endswith('"') else text


def number(text):
    return float(text) if "." in text else int(text)


def fresh_db(a, name, example):
    db = os.path.join(a.work, name + ".db")
    run(a.binary, db, "init", os.path.join(example, "rules.toml"))
    run(a.binary, db, "import", "applications", os.path.join(example, "applications.csv"))
    run(a.binary, db, "import", "reviewers", os.path.join(example, "reviewers.csv"))
    return db


def outcome(a, db):
    scores = run(a.binary, db, "score", "--json").stdout
    fingerprint = json.loads(run(a.binary, db, "allocate", "--json").stdout)["fingerprint"]
    return scores, fingerprint


def main():
    a = script_args.parse()
    example = os.path.join(a.repo, "examples", "kharkiv-esm")
    with open(os.path.join(example, "reviews.csv"), encoding="utf-8", newline="") as f:
        reviews = {(r["application"], r["reviewer"]): r for r in csv.DictReader(f)}
    failures = []

    source = fresh_db(a, "source", example)
    run(a.binary, source, "import", "reviews", os.path.join(example, "reviews.csv"))
    run(a.binary, source, "assign")
    pairs = [tuple(line.split(",")) for line in
             run(a.binary, source, "assign", "--force", "--format", "csv").stdout.splitlines()[1:]]
    sheets = os.path.join(a.work, "sheets")
    listed = run(a.binary, source, "sheets", sheets).stdout.splitlines()
    reviewers = sorted({r for _, r in pairs})
    expected_files = [os.path.join(sheets, f"esm-2018-{r}.xlsx") for r in reviewers]
    if listed != expected_files or sorted(os.listdir(sheets)) != [os.path.basename(p) for p in expected_files]:
        failures.append(f"sheets wrote {listed}, expected {expected_files}")

    # The workbooks: structure, stored scores, then the scores typed again from reviews.csv.
    filled = os.path.join(a.work, "filled")
    os.makedirs(filled)
    blank_pairs = 0
    for path in expected_files:
        wb = openpyxl.load_workbook(path)
        ws = wb.worksheets[0]
        reviewer = os.path.basename(path)[len("esm-2018-"):-len(".xlsx")]
        if ws.title != "Оцінки" or len(wb.worksheets) != 2:
            failures.append(f"{path}: sheets {[w.title for w in wb.worksheets]}")
        if [c.value for c in ws[1]] != HEADER:
            failures.append(f"{path}: header {[c.value for c in ws[1]]}")
        if defined_text(wb, "competition_round") != "esm-2018" or defined_text(wb, "competition_reviewer") != reviewer:
            failures.append(f"{path}: defined names {defined_text(wb, 'competition_round')!r}, "
                            f"{defined_text(wb, 'competition_reviewer')!r}")
        if ws.freeze_panes != "A2":
            failures.append(f"{path}: freeze panes {ws.freeze_panes!r}")
        if not ws.protection.sheet or ws.protection.password:
            failures.append(f"{path}: protection sheet={ws.protection.sheet} password={ws.protection.password!r}")
        apps = [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]
        expected_apps = sorted(app for app, r in pairs if r == reviewer)
        if apps != expected_apps:
            failures.append(f"{path}: applications {apps}, expected {expected_apps}")
        last = ws.max_row
        # The operator `between` is the default of the file format: left out of the XML, None in openpyxl.
        validations = sorted((dv.sqref.ranges[0].coord if hasattr(dv.sqref, "ranges") else str(dv.sqref), dv.type,
                              dv.operator or "between", dv.formula1, dv.formula2, "0,5" in (dv.prompt or ""))
                             for dv in ws.data_validations.dataValidation)
        expected_validations = sorted((f"{get_column_letter(7 + k)}2:{get_column_letter(7 + k)}{last}", "decimal",
                                       "between", "0", "10", True) for k in range(4))
        if validations != expected_validations:
            failures.append(f"{path}: validations {validations}")
        if ws.cell(row=2, column=1).protection.locked is False or ws.cell(row=2, column=7).protection.locked:
            failures.append(f"{path}: application cells must be locked, score cells not")
        if ws.cell(row=2, column=11).protection.locked:
            failures.append(f"{path}: the comment cell must not be locked")
        for row in range(2, last + 1):
            app = ws.cell(row=row, column=1).value
            review = reviews.get((app, reviewer))
            stored = [ws.cell(row=row, column=7 + k).value for k in range(4)]
            if review and stored != [number(review[c]) for c in CRITERIA]:
                failures.append(f"{path}: row {row} carries {stored}, the stored review is {review}")
            for k in range(5):
                ws.cell(row=row, column=7 + k).value = None
            if review:
                for k, c in enumerate(CRITERIA):
                    ws.cell(row=row, column=7 + k).value = number(review[c])
                ws.cell(row=row, column=11).value = review["comment"] or None
            else:
                blank_pairs += 1
        wb.save(os.path.join(filled, "відгук " + os.path.basename(path)))  # the file name does not matter
    # Excel's lock file and a hidden file are left out.
    with open(os.path.join(filled, "~$lock.xlsx"), "wb") as f:
        f.write(b"\x00")
    with open(os.path.join(filled, ".hidden.csv"), "w") as f:
        f.write("junk\n")

    direct = fresh_db(a, "direct", example)
    run(a.binary, direct, "import", "reviews", os.path.join(example, "reviews.csv"))
    want = outcome(a, direct)
    from_sheets = fresh_db(a, "from-sheets", example)
    summary = json.loads(run(a.binary, from_sheets, "import", "reviews", filled, "--json").stdout)
    total = summary["total"]
    if (len(summary["files"]) != len(expected_files) or total["added"] != len(reviews)
            or total["blank"] != blank_pairs or total["read"] != len(pairs)):
        failures.append(f"import of the filled sheets: {total}, expected {len(reviews)} added, {blank_pairs} blank")
    if outcome(a, from_sheets) != want:
        failures.append("the filled sheets do not score and allocate as reviews.csv does")

    # The CSV sheets carry the stored scores and import back the same.
    csv_sheets = os.path.join(a.work, "csv-sheets")
    run(a.binary, source, "sheets", csv_sheets, "--format", "csv")
    with open(os.path.join(csv_sheets, f"esm-2018-{reviewers[0]}.csv"), "rb") as f:
        head = f.read().split(b"\n")[0]
    if head != b"\xef\xbb\xbf" + ";".join(HEADER + ["round", "reviewer"]).encode():
        failures.append(f"csv header {head!r}")
    from_csv = fresh_db(a, "from-csv", example)
    run(a.binary, from_csv, "import", "reviews", csv_sheets)
    if outcome(a, from_csv) != want:
        failures.append("the CSV sheets do not score and allocate as reviews.csv does")

    # Errors, each in a copy of the first reviewer's filled workbook.
    first = os.path.join(filled, "відгук " + os.path.basename(expected_files[0]))
    def broken(name, change):
        folder = os.path.join(a.work, name)
        os.makedirs(folder)
        wb = openpyxl.load_workbook(first)
        change(wb)
        path = os.path.join(folder, "sheet.xlsx")
        wb.save(path)
        return folder, path
    reviewed_rows = [r for r in range(2, openpyxl.load_workbook(first).worksheets[0].max_row + 1)
                     if openpyxl.load_workbook(first).worksheets[0].cell(row=r, column=7).value is not None]
    row = reviewed_rows[0]
    def half(wb):
        wb.worksheets[0].cell(row=row, column=9).value = None
    def off_step(wb):
        wb.worksheets[0].cell(row=row, column=8).value = 6.3
    def blank(wb):
        for k in range(5):
            wb.worksheets[0].cell(row=row, column=7 + k).value = None
    def other_round(wb):
        wb.worksheets[0].cell(row=row, column=7).value = 1  # would be valid; the round refuses the file
        names = wb.defined_names
        if hasattr(names, "get"):
            names["competition_round"].attr_text = '"esm-2017"'
        else:
            next(d for d in names.definedName if d.name == "competition_round").attr_text = '"esm-2017"'
    cases = [("half", half, f"{{path}}:Оцінки!I{row}: budget: не може бути порожнім"),
             ("off-step", off_step, f"{{path}}:Оцінки!H{row}: feasibility: 6.3 не відповідає кроку 0.5"),
             ("other-round", other_round,
              '{path}: competition_round: робоча книга — оцінювальний лист конкурсу "esm-2017", а не конкурсу esm-2018')]
    for name, change, message in cases:
        folder, path = broken(name, change)
        db = fresh_db(a, name, example)
        err = run(a.binary, db, "import", "reviews", folder, code=2).stderr
        if message.format(path=path) not in err:
            failures.append(f"{name}: expected {message.format(path=path)!r} in\n{err}")
        stored = sqlite3.connect(db).execute("SELECT count(*) FROM reviews").fetchone()[0]
        if stored != 0:
            failures.append(f"{name}: a refused directory stored {stored} reviews")
    # A conflict declared after the sheets went out, for the sheet's reviewer (named by the workbook, not a
    # column): the error is located at the application's cell of the row.
    folder, path = broken("conflicted", lambda wb: None)
    wb = openpyxl.load_workbook(first)
    reviewer = defined_text(wb, "competition_reviewer")
    organisation = wb.worksheets[0].cell(row=row, column=2).value
    with open(os.path.join(example, "reviewers.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        if r["id"] == reviewer:
            r["conflicts"] = "|".join(x for x in [r.get("conflicts") or "", organisation] if x)
    changed = os.path.join(a.work, "reviewers-conflicted.csv")
    with open(changed, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
    db = fresh_db(a, "conflicted", example)
    run(a.binary, db, "import", "reviewers", changed, "--replace")
    err = run(a.binary, db, "import", "reviews", folder, code=2).stderr
    if f"{path}:Оцінки!A{row}: application: " not in err:
        failures.append(f"conflicted: expected the error at {path}:Оцінки!A{row} in\n{err}")
    folder, _ = broken("blank", blank)
    db = fresh_db(a, "blank", example)
    one = json.loads(run(a.binary, db, "import", "reviews", folder, "--json").stdout)
    filled_rows = len(reviewed_rows)
    if one["total"]["blank"] != 1 + (openpyxl.load_workbook(first).worksheets[0].max_row - 1 - filled_rows) \
            or one["total"]["added"] != filled_rows - 1:
        failures.append(f"blank row: {one['total']}")

    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print(f"ok: {len(expected_files)} sheets, {len(reviews)} reviews, {blank_pairs} blank rows, fingerprint {want[1]}")


main()
