#!/usr/bin/python3
"""docs/report.md "xlsx": the Kharkiv history rendered as a workbook and read back
with openpyxl: numbers stored as numbers with display formats, labels in the
first column, the header row and first column frozen, a summary sheet, text
cells as strings (never formulas), and -o required.

Arguments: --binary, --repo, --work (as tests/CMakeLists.txt passes them).
Exit 77 (skipped) when openpyxl is missing."""
import os, subprocess, sys, zipfile
import script_args

try:
    import openpyxl
except ImportError:
    print("SKIP: openpyxl missing")
    sys.exit(77)

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(binary, db, *args, code=0):
    r = subprocess.run([binary, "--db", db, *args], capture_output=True, text=True,
                       env={**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"})
    if r.returncode != code:
        sys.exit(f"{' '.join(args)}: exit {r.returncode}, expected {code}\n{r.stdout}{r.stderr}")
    return r


def by_label(ws, label):
    for row in ws.iter_rows(min_col=1, max_col=1):
        if row[0].value == label:
            return row[0].row
    failures.append(f"{ws.title}: no row labelled {label!r}")
    return None


def by_header(ws, value):
    for cell in ws[1]:
        if cell.value == value:
            return cell.column
    failures.append(f"{ws.title}: no column headed {value!r}")
    return None


def number_cell(ws, row, col, expected, what, places=None):
    if row is None or col is None:
        return
    c = ws.cell(row=row, column=col)
    check(c.data_type == "n" and isinstance(c.value, (int, float)), f"{what}: not a number cell: {c.value!r} ({c.data_type})")
    if isinstance(c.value, (int, float)):
        ok = abs(c.value - expected) < 1e-9 if places is None else round(c.value, places) == expected
        check(ok, f"{what}: {c.value!r}, expected {expected!r}")
    check(c.number_format not in ("General", "@"), f"{what}: no display format ({c.number_format!r})")
    return c


def one_note_workbook(a, name, note):
    """The workbook of one history year (2020) whose note is the CSV field `note`."""
    hist = os.path.join(a.work, name + ".csv")
    with open(hist, "w", encoding="utf-8") as f:
        f.write("year,participants,winners,budget,attracted,clients,jobs,volunteers,note\n"
                f"2020,10,4,1000.00,2500.00,40,1,2,{note}\n")
    db = os.path.join(a.work, name + ".db")
    run(a.binary, db, "import", "history", hist)
    path = os.path.join(a.work, name + ".xlsx")
    run(a.binary, db, "report", "--format", "xlsx", "-o", path)
    return path


def main():
    a = script_args.parse()
    db = os.path.join(a.work, "kharkiv.db")
    run(a.binary, db, "import", "history", os.path.join(a.repo, "tests", "e2e", "report", "kharkiv-esm-2000-2017.csv"))

    # -o is required: a workbook never goes to standard output.
    r = run(a.binary, db, "report", "--format", "xlsx", code=2)
    check(r.stdout == "", "xlsx without -o printed something")

    path = os.path.join(a.work, "report.xlsx")
    r = run(a.binary, db, "report", "--format", "xlsx", "-o", path)
    check(r.stdout == "", "xlsx with -o printed something on standard output")
    check(not [f for f in os.listdir(a.work) if ".tmp-" in f], "a temporary file was left behind")
    wb = openpyxl.load_workbook(path)
    check(wb.sheetnames == ["Показники", "Підсумки"], f"sheets: {wb.sheetnames}")
    ws = wb["Показники"]
    check(ws.freeze_panes == "B2", f"frozen panes: {ws.freeze_panes!r}, expected B2 (header row and label column)")
    check(ws["A1"].value == "Показники", f"A1: {ws['A1'].value!r}")
    check(ws["B1"].value == 2000 and ws["B1"].data_type == "n", f"B1: {ws['B1'].value!r}")
    check(ws["S1"].value == 2017, f"S1: {ws['S1'].value!r}")
    check(ws["T1"].value == "Разом 2000–2017", f"T1: {ws['T1'].value!r}")
    c2012, c2013, c2014, total = (by_header(ws, y) for y in (2012, 2013, 2014, "Разом 2000–2017"))
    check(c2012 == 14, f"2012 is column {c2012}, expected N (14)")
    budget = by_label(ws, "Сума фінансування з міського бюджету (тис. грн.)")
    check(budget == 4, f"the budget row is {budget}, expected 4")
    cell = number_cell(ws, budget, c2012, 1470.9, "2012 budget")
    if cell is not None:
        check("0.0" in cell.number_format and "," in cell.number_format,
              f"2012 budget format {cell.number_format!r}, expected a grouped 1-decimal format like #,##0.0")
    number_cell(ws, by_label(ws, "Додатково залучені кошти (у тому числі власні) (тис. грн.)"), c2012, 5923.4,
                "2012 attracted")
    number_cell(ws, by_label(ws, "Кількість клієнтів (чол.)"), c2013, 1248667, "2013 clients")
    number_cell(ws, by_label(ws, "Кількість учасників конкурсу (соціальних проектів)"), total, 1189, "total participants")
    number_cell(ws, by_label(ws, "Кількість переможців конкурсу (соціальних проектів)"), c2014, 41, "2014 winners")
    number_cell(ws, budget, total, 10915.1, "total budget")
    coefficient = by_label(ws, "Коефіцієнт залучених коштів за звітами (на 1 грн. бюдж. коштів)")
    number_cell(ws, coefficient, c2012, 4.0, "2012 coefficient", places=1)
    number_cell(ws, coefficient, total, 4.5, "coefficient of the period", places=1)
    cost = by_label(ws, "Затрати на 1 клієнта (грн.)")
    number_cell(ws, cost, by_header(ws, 2003), 40.5, "2003 cost per client (computed, not the published 20.2)",
                places=1)
    if coefficient and c2014:
        c = ws.cell(row=coefficient, column=c2014)
        check(c.value == "—" and c.data_type == "s", f"2014 coefficient: {c.value!r}, expected the string —")
    note = by_label(ws, "Примітка")
    if note and c2014:
        check(ws.cell(row=note, column=c2014).value == "безфін.", "2014 note")
    for row in range(2, (by_label(ws, "Кількість волонтерів (чол.)") or 2) + 1):
        check(isinstance(ws.cell(row=row, column=1).value, str), f"A{row} is not a label")

    s = wb["Підсумки"]
    texts = [c.value for c in s["A"] if isinstance(c.value, str)]
    for sentence in ("Підсумки за 2000–2017 рр.:", "з міського бюджету використано 10 915,1 тис. грн;",
                     "додатково залучено 48 923,9 тис. грн;", "коефіцієнт залучених коштів за період 4,5 : 1;",
                     "переможців (договорів) 703 з 1 189 учасників;",
                     "послуги отримали 7 531 313 клієнтів; створено 2 196 робочих місць; залучено 25 208 волонтерів."):
        check(sentence in texts, f"summary sheet lacks {sentence!r}")
    row = next((c.row for c in s["A"] if c.value == "Кількість клієнтів (чол.)"), None)
    check(row is not None, "summary sheet lacks the clients total")
    if row:
        number_cell(s, row, 2, 7531313, "summary clients")

    # English labels and sheet names.
    path_en = os.path.join(a.work, "report-en.xlsx")
    run(a.binary, db, "--lang", "en", "report", "--format", "xlsx", "-o", path_en, "--from", "2010", "--to", "2012")
    en = openpyxl.load_workbook(path_en)
    check(en.sheetnames == ["Indicators", "Summary"], f"en sheets: {en.sheetnames}")
    wse = en["Indicators"]
    check(wse["B1"].value == 2010 and wse["D1"].value == 2012, "en years")
    number_cell(wse, by_label(wse, "City budget funding (thousand UAH)"), 4, 1470.9, "en 2012 budget")
    number_cell(wse, by_label(wse, "City budget funding (thousand UAH)"), 5, 3029.1, "en 2010–2012 budget")

    # Text is written as string cells, never as formulas (docs/cli.md).
    path_f = one_note_workbook(a, "formula", '"=HYPERLINK(""http://example.org"")"')
    with zipfile.ZipFile(path_f) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                check("<f>" not in z.read(name).decode("utf-8"), f"{name} holds a formula")
    wf = openpyxl.load_workbook(path_f)["Показники"]
    note = by_label(wf, "Примітка")
    if note:
        c = wf.cell(row=note, column=2)
        check(c.value == '=HYPERLINK("http://example.org")' and c.data_type == "s",
              f"the note cell: {c.value!r} ({c.data_type})")

    # docs/report.md "xlsx": characters XML cannot hold are escaped as Excel does,
    # so the workbook opens (a raw U+FFFE made it ill-formed XML).
    path_h = one_note_workbook(a, "hostile", '"a\ufffeb\uffff c\x1b[2J\x01 _x0041_ line\nbreak"')
    with zipfile.ZipFile(path_h) as z:
        strings = z.read("xl/sharedStrings.xml").decode("utf-8")
    check("\ufffe" not in strings and "\uffff" not in strings and "\x1b" not in strings and "\x01" not in strings,
          "a character XML cannot hold was written raw")
    check("a_xFFFE_b_xFFFF_ c_x001B_[2J_x0001_ _x005F_x0041_ line\nbreak" in strings,
          "the note is not escaped as Excel escapes it")
    wh = openpyxl.load_workbook(path_h)["Показники"]  # fails on ill-formed XML
    note = by_label(wh, "Примітка")
    if note:
        # openpyxl 3.0 reads `_x005F_` back as `_` and leaves the other escapes as written.
        v = wh.cell(row=note, column=2).value
        check(v is not None and v.endswith("_x0041_ line\nbreak"), f"the hostile note read back: {v!r}")

    # A note longer than a cell holds (32 767 characters, Excel's limit) is cut to it, ending with `…`, and
    # the cut is reported: never an empty cell.
    long_note = "ж" * 40000
    hist = os.path.join(a.work, "long.csv")
    with open(hist, "w", encoding="utf-8") as f:
        f.write("year,participants,winners,budget,attracted,clients,jobs,volunteers,note\n"
                f"2020,10,4,1000.00,2500.00,40,1,2,{long_note}\n")
    db = os.path.join(a.work, "long.db")
    run(a.binary, db, "import", "history", hist)
    path_l = os.path.join(a.work, "long.xlsx")
    r = run(a.binary, db, "report", "--format", "xlsx", "-o", path_l)
    check(r.stderr == "рік 2020: примітку (40000 символів) обрізано до 32 767 символів — більше комірка xlsx не "
          "вміщує\n", f"the cut note's warning: {r.stderr!r}")
    r = run(a.binary, db, "--lang", "en", "report", "--format", "xlsx", "-o", path_l)
    check(r.stderr == "year 2020: the note (40000 characters) was cut to 32 767 characters, the most an xlsx cell "
          "holds\n", f"the cut note's warning (en): {r.stderr!r}")
    wl = openpyxl.load_workbook(path_l).worksheets[0]
    note = by_label(wl, "Note")
    if note:
        v = wl.cell(row=note, column=2).value
        check(v == "ж" * 32766 + "…", f"the long note: {len(v or '')} characters, ending {(v or '')[-3:]!r}")

    for f in failures:
        print("FAIL:", f)
    if failures:
        return 1
    print("ok: xlsx report")
    return 0


if __name__ == "__main__":
    sys.exit(main())
