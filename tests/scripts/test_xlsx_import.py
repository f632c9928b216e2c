#!/usr/bin/python3
"""docs/formats.md "Workbooks (.xlsx)": the example round's applications,
reviewers and reviews saved as workbooks with openpyxl (numbers as number
cells, bare-date submitted_at as date cells, values with a time or an offset
as text, ЄДРПОУ as numbers without leading zeros) import to the same round as
the CSV files: after score and allocate the fingerprints are equal and the
exported bundles have the same bytes.

Arguments: --binary, --repo, --work (as tests/CMakeLists.txt passes them).
Exit 77 (skipped) when openpyxl is missing."""
import csv, datetime, filecmp, json, os, re, subprocess, sys
import script_args

try:
    import openpyxl
except ImportError:
    print("SKIP: openpyxl missing")
    sys.exit(77)

NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
BARE_DATE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
CODES = {"id", "application", "reviewer", "number", "reference"}  # typed as text, as the guide tells
DATES = {"submitted_at", "signed_on", "report_due", "paid_on", "received_on"}  # docs/formats.md "Dates"


def cell_value(column, text):
    if text == "":
        return None
    if column == "edrpou":
        return int(text)  # a number cell: leading zeros are lost
    if column in DATES:
        m = BARE_DATE.match(text)
        return datetime.date(*map(int, m.groups())) if m else text
    if column not in CODES and NUMBER.match(text):
        return float(text) if "." in text else int(text)
    return text


def write_workbook(csv_path, xlsx_path):
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Аркуш1"
    ws.append(rows[0])
    for row in rows[1:]:
        ws.append([cell_value(c, v) for c, v in zip(rows[0], row)])
    wb.save(xlsx_path)
    return rows


def run(binary, db, *args, code=0):
    r = subprocess.run([binary, "--lang", "en", "--db", db, *args], capture_output=True, text=True,
                       env={**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"})
    if r.returncode != code:
        sys.exit(f"{' '.join(args)}: exit {r.returncode}, expected {code}\n{r.stdout}{r.stderr}")
    return r


def main():
    a = script_args.parse()
    example = os.path.join(a.repo, "examples", "kharkiv-esm")

    kinds = ["applications", "reviewers", "reviews"]
    sources = {}
    dates = texts = codes_without_zeros = 0
    for kind in kinds:
        xlsx = os.path.join(a.work, kind + ".xlsx")
        rows = write_workbook(os.path.join(example, kind + ".csv"), xlsx)
        sources[kind] = xlsx
        if kind == "applications":
            at = rows[0].index("submitted_at")
            dates = sum(1 for r in rows[1:] if BARE_DATE.match(r[at]))
            texts = sum(1 for r in rows[1:] if r[at] and not BARE_DATE.match(r[at]))
            ed = rows[0].index("edrpou")
            codes_without_zeros = sum(1 for r in rows[1:] if r[ed] and len(str(int(r[ed]))) < 8)
    # The workbook really holds what the test claims: date cells and number cells.
    ws = openpyxl.load_workbook(sources["applications"]).active
    header = [c.value for c in ws[1]]
    kinds_seen = {type(ws.cell(row=2, column=header.index(c) + 1).value).__name__ for c in ("requested", "edrpou")}
    if not kinds_seen <= {"int", "float"} or not isinstance(ws.cell(row=2, column=header.index("submitted_at") + 1).value, datetime.datetime):
        sys.exit(f"the workbook does not hold number and date cells: {kinds_seen}")
    if dates == 0:
        sys.exit("the example has no bare dates")

    fingerprints, bundles = [], []
    for name, files in (("csv", {k: os.path.join(example, k + ".csv") for k in kinds}), ("xlsx", sources)):
        db = os.path.join(a.work, name + ".db")
        run(a.binary, db, "init", os.path.join(example, "rules.toml"))
        for kind in kinds:
            run(a.binary, db, "import", kind, files[kind])
        run(a.binary, db, "score", "-q")
        out = run(a.binary, db, "allocate", "--json").stdout
        fingerprints.append(json.loads(out)["fingerprint"])
        bundle = os.path.join(a.work, name + "-bundle")
        run(a.binary, db, "export", "bundle", bundle)
        bundles.append(bundle)

    failures = []
    # A wrong cell is located as FILE:SHEET!CELL, and a dry run's JSON gives the sheet and cell.
    wb = openpyxl.load_workbook(sources["applications"])
    ws = wb.active
    ws.cell(row=3, column=header.index("requested") + 1).value = -5
    ws.cell(row=5, column=header.index("cofinancing") + 1).value = True
    first_id = ws.cell(row=2, column=header.index("id") + 1).value
    ws.cell(row=6, column=header.index("id") + 1).value = first_id  # a repeated id names its first cell, not a line
    # A date cell in a text column: one error for the cell, not a second one for the text it lacks.
    ws.cell(row=7, column=header.index("organisation") + 1).value = datetime.date(2026, 1, 5)
    bad = os.path.join(a.work, "bad.xlsx")
    wb.save(bad)
    db = os.path.join(a.work, "bad.db")
    run(a.binary, db, "init", os.path.join(example, "rules.toml"))
    col = chr(ord("A") + header.index("requested"))
    cof = chr(ord("A") + header.index("cofinancing"))
    org = chr(ord("A") + header.index("organisation"))
    err = run(a.binary, db, "import", "applications", bad, code=2).stderr
    expected = [f'{bad}:Аркуш1!{col}3: requested: "-5" is not an amount of money',
                f"{bad}:Аркуш1!{cof}5: cofinancing: a boolean cell (TRUE/FALSE) is not a value here",
                f'{bad}:Аркуш1!A6: id: duplicate id "{first_id}" (first at {bad}:Аркуш1!A2)',
                f"{bad}:Аркуш1!{org}7: organisation: a date cell in a column that is not a date"]
    for e in expected:
        if e not in err:
            failures.append(f"bad.xlsx: expected {e!r} in\n{err}")
    out = json.loads(run(a.binary, db, "import", "applications", bad, "--dry-run", "--json", code=1).stdout)
    cells = [(e.get("sheet"), e.get("cell"), e["field"]) for e in out["errors"]]
    if cells != [("Аркуш1", f"{col}3", "requested"), ("Аркуш1", f"{cof}5", "cofinancing"), ("Аркуш1", "A6", "id"),
                 ("Аркуш1", f"{org}7", "organisation")]:
        failures.append(f"bad.xlsx --dry-run --json: errors at {cells}")
    if fingerprints[0] != fingerprints[1]:
        failures.append(f"fingerprints differ: csv {fingerprints[0]}, xlsx {fingerprints[1]}")
    cmp = filecmp.dircmp(bundles[0], bundles[1])
    def differing(c, prefix=""):
        out = [prefix + f for f in c.left_only + c.right_only + c.diff_files + c.funny_files]
        for sub, sc in c.subdirs.items():
            out += differing(sc, prefix + sub + "/")
        return out
    # filecmp compares by stat first; compare contents of every file to be sure.
    for root, _, names in os.walk(bundles[0]):
        for n in names:
            left = os.path.join(root, n)
            right = os.path.join(bundles[1], os.path.relpath(left, bundles[0]))
            if not os.path.exists(right) or not filecmp.cmp(left, right, shallow=False):
                failures.append(f"bundle file differs: {os.path.relpath(left, bundles[0])}")
    failures += [f"bundle: {f}" for f in differing(cmp)]
    if failures:
        print("\n".join(sorted(set(failures))))
        sys.exit(1)
    print(f"ok: {dates} date cells, {texts} text dates, {codes_without_zeros} short ЄДРПОУ, fingerprint {fingerprints[0]}")


main()
