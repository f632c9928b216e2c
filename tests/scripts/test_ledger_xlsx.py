#!/usr/bin/python3
"""docs/formats.md "agreements.csv", "payments.csv" as workbooks, and
`competition ledger --format xlsx` read back (docs/cli.md "ledger").

1. The example round as docs/guide.md runs it (two commission decisions), then
   its agreements, payments and outcomes imported once as the CSV files and
   once as workbooks saved with openpyxl (dates as date cells, amounts as
   number cells, numbers and references as text): the bundles' agreements.csv,
   payments.csv and outcomes.csv are the same bytes.
2. A date cell with a time in `paid_on`, and a date cell in `amount`, are
   refused, located as FILE:SHEET!CELL, and nothing is stored.
3. The ledger as a workbook: the header, A-054's row as numbers (40 000.00
   agreed, 38 750.00 paid after its refund of 1 250.00, shown in its own
   column), A-043's late report worded late, the totals row.

Arguments: --binary, --repo, --work. Exit 77 (skipped) when openpyxl is missing."""
import datetime, filecmp, os, subprocess, sys
import script_args

try:
    import openpyxl
except ImportError:
    print("SKIP: openpyxl missing")
    sys.exit(77)

from test_xlsx_import import write_workbook  # the CSV file as a workbook, typed cells

NOW = "2018-03-12T10:00:00Z"
failures = []


def run(binary, db, *args, code=0):
    r = subprocess.run([binary, "--db", db, *args], capture_output=True, text=True,
                       env={**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC", "COMPETITION_NOW": NOW})
    if r.returncode != code:
        sys.exit(f"{' '.join(args)}: exit {r.returncode}, expected {code}\n{r.stdout}{r.stderr}")
    return r


def decided_round(binary, example, db):
    run(binary, db, "init", os.path.join(example, "rules.toml"))
    for kind in ("applications", "reviewers", "reviews"):
        run(binary, db, "import", kind, os.path.join(example, kind + ".csv"))
    run(binary, db, "score", "-q")
    run(binary, db, "allocate")
    run(binary, db, "withdraw", "A-068", "--reason", "Заявник відмовився від гранту")
    run(binary, db, "override", "A-054", "--award", "40000", "--reason", "Скорочений кошторис")
    run(binary, db, "allocate", "--force")


def main():
    a = script_args.parse()
    example = os.path.join(a.repo, "examples", "kharkiv-esm")
    kinds = ("outcomes", "agreements", "payments")
    books = {}
    for kind in kinds:
        books[kind] = os.path.join(a.work, kind + ".xlsx")
        write_workbook(os.path.join(example, kind + ".csv"), books[kind])
    ws = openpyxl.load_workbook(books["payments"]).active
    if not isinstance(ws["C2"].value, datetime.datetime) or not isinstance(ws["D2"].value, (int, float)):
        failures.append(f"payments.xlsx does not hold a date cell and a number cell: {ws['C2'].value!r} {ws['D2'].value!r}")

    bundles = []
    for name, files in (("csv", {k: os.path.join(example, k + ".csv") for k in kinds}), ("xlsx", books)):
        db = os.path.join(a.work, name + ".db")
        decided_round(a.binary, example, db)
        for kind in kinds:
            run(a.binary, db, "import", kind, files[kind])
        bundle = os.path.join(a.work, name + "-bundle")
        run(a.binary, db, "export", "bundle", bundle)
        bundles.append(bundle)
    for f in ("agreements.csv", "payments.csv", "outcomes.csv"):
        left, right = os.path.join(bundles[0], f), os.path.join(bundles[1], f)
        if not os.path.exists(left) or not os.path.exists(right) or not filecmp.cmp(left, right, shallow=False):
            failures.append(f"{f}: the CSV and the workbook import differ")

    # 2. A time in a date column and a date in a money column, located by cell; nothing stored.
    db = os.path.join(a.work, "bad.db")
    decided_round(a.binary, example, db)
    run(a.binary, db, "import", "agreements", os.path.join(example, "agreements.csv"))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Платежі"
    ws.append(["application", "reference", "paid_on", "amount", "kind"])
    ws.append(["A-003", "PP-1", datetime.datetime(2018, 4, 9, 14, 30), 1000, "payment"])
    ws.append(["A-005", "PP-2", datetime.date(2018, 4, 9), datetime.date(2018, 4, 9), None])
    bad = os.path.join(a.work, "bad-payments.xlsx")
    wb.save(bad)
    err = run(a.binary, db, "import", "payments", bad, code=2).stderr
    for e in (f'{bad}:Платежі!C2: paid_on: "2018-04-09T14:30:00" містить час',
              f"{bad}:Платежі!D3: amount: клітинка з датою в стовпці, що не є датою"):
        if e not in err:
            failures.append(f"bad-payments.xlsx: expected {e!r} in\n{err}")
    out = run(a.binary, db, "ledger", "--as-of", "2019-01-31", "--format", "csv").stdout
    if any(",paying" in line or ",paid," in line for line in out.splitlines()[1:]) or "0.00,0.00," not in out:
        failures.append("bad-payments.xlsx stored something")

    # 3. The ledger as a workbook.
    db = os.path.join(a.work, "xlsx.db")
    path = os.path.join(a.work, "ledger.xlsx")
    run(a.binary, db, "ledger", "--as-of", "2019-01-31", "--format", "xlsx", "-o", path, "--lang", "en")
    book = openpyxl.load_workbook(path)
    ws = book.active
    if ws.title != "Payments" or book.properties.title != \
            "Round esm-2018: agreements, payments and reports as of the end of 2019-01-31":
        failures.append(f"ledger.xlsx sheet {ws.title!r}, title {book.properties.title!r}")
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    if rows[0] != ["Application", "Award", "Agreement", "Agreed", "Paid", "Refunded", "To pay", "Report due",
                   "Report received", "State"]:
        failures.append(f"ledger.xlsx header: {rows[0]}")
    a054 = next((r for r in rows if r[0] == "A-054"), None)
    if a054 != ["A-054", 40000, "22/2018", 40000, 38750, 1250, 1250, "2018-12-14", "2018-11-26", "reported"]:
        failures.append(f"ledger.xlsx A-054: {a054}")
    a012 = next((r for r in rows if r[0] == "A-012"), None)
    if a012 is None or a012[5] is not None or a012[8] is not None or a012[9] != "report overdue":
        failures.append(f"ledger.xlsx A-012: {a012}")
    a043 = next((r for r in rows if r[0] == "A-043"), None)
    if a043 is None or a043[8] != "2019-01-10" or a043[9] != "reported late":
        failures.append(f"ledger.xlsx A-043: {a043}")
    if rows[-1][:7] != ["Total", 999932.47, None, 999932.47, 998682.47, 1250, 1250] or len(rows) != 35:
        failures.append(f"ledger.xlsx totals: {rows[-1]} ({len(rows)} rows)")

    if failures:
        print("\n".join(failures))
        return 1
    print("ok: the workbooks import as the CSV files; bad cells located; the ledger workbook reads back")
    return 0


if __name__ == "__main__":
    sys.exit(main())
