#!/usr/bin/python3
"""docs/report.md "By category" and "By service", checked against the main report.

Two databases: the example round (esm-2018, its outcomes) next to the Kharkiv
history 2000–2017, and two rounds of 2019 with a round of 2020 without
categories (tests/e2e/report/two-*.toml). For every year of `report --by
category`, in every format that carries numbers (json, csv, xlsx read back
with openpyxl), the total row must equal the year's column of the main report
(json, csv, xlsx) key by key, and the category rows must add up to it. For
`report --by service` the shares are recomputed from the counts with exact
fractions. The HTML pages are checked (no scripts, one chart per year with
rounds) and, when /usr/bin/chromium exists, screenshotted (the PNGs stay in
the work folder: look at them) and checked to be painted.

Needs openpyxl (exit 77 without it)."""
import csv
import io
import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction

import script_args

try:
    import openpyxl
except ImportError:
    print("SKIP: python3-openpyxl missing")
    sys.exit(77)

CHROMIUM = "/usr/bin/chromium"
KEYS = ["participants", "winners", "budget", "attracted", "coefficient", "clients", "cost_per_client", "jobs",
        "volunteers"]
# The human column order of the category table (docs/report.md "By category").
XLSX_KEYS = ["participants", "winners", "budget", "attracted", "coefficient", "cost_per_client", "clients", "jobs",
             "volunteers"]
# The main report's uk row labels (docs/report.md "Rows and labels").
MAIN_LABELS = {
    "Кількість учасників конкурсу (соціальних проектів)": "participants",
    "Кількість переможців конкурсу (соціальних проектів)": "winners",
    "Сума фінансування з міського бюджету (тис. грн.)": "budget",
    "Додатково залучені кошти (у тому числі власні) (тис. грн.)": "attracted",
    "Коефіцієнт залучених коштів за звітами (на 1 грн. бюдж. коштів)": "coefficient",
    "Кількість клієнтів (чол.)": "clients",
    "Затрати на 1 клієнта (грн.)": "cost_per_client",
    "Кількість створених робочих місць (чол.)": "jobs",
    "Кількість волонтерів (чол.)": "volunteers",
}
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


class Db:
    def __init__(self, binary, path):
        self.binary, self.path = binary, path

    def run(self, *args):
        r = subprocess.run([self.binary, "--db", self.path, *args], capture_output=True, text=True,
                           env={**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"})
        if r.returncode != 0:
            sys.exit(f"{' '.join(args)}: exit {r.returncode}\n{r.stdout}{r.stderr}")
        return r.stdout


def example_db(a):
    db = Db(a.binary, os.path.join(a.work, "example.db"))
    ex = os.path.join(a.repo, "examples", "kharkiv-esm")
    db.run("init", os.path.join(ex, "rules.toml"))
    for kind in ("applications", "reviewers", "reviews"):
        db.run("import", kind, os.path.join(ex, kind + ".csv"))
    db.run("score", "-q")
    db.run("allocate", "-q")
    db.run("import", "outcomes", os.path.join(ex, "outcomes.csv"))
    db.run("import", "history", os.path.join(ex, "history.csv"))
    return db


def two_rounds_db(a):
    db = Db(a.binary, os.path.join(a.work, "two.db"))
    here = os.path.join(a.repo, "tests", "e2e", "report")
    for r in ("two-a", "two-b", "two-c"):
        db.run("init", os.path.join(here, r + ".toml"))
        db.run("--round", r, "import", "applications", os.path.join(here, r + ".csv"))
        db.run("--round", r, "score", "-q")
        db.run("--round", r, "allocate", "-q")
    return db


def main_xlsx_columns(path):
    """The main report workbook: {year: {key: number}} from its table sheet."""
    ws = openpyxl.load_workbook(path).worksheets[0]
    header = [c.value for c in ws[1]]
    out = {}
    for row in ws.iter_rows(min_row=2, values_only=True):
        key = MAIN_LABELS.get(row[0])
        if key is None:
            continue
        for col, year in enumerate(header):
            if isinstance(year, (int, float)) and col > 0:
                out.setdefault(int(year), {})[key] = row[col]
    return out


def check_category(db, what, work):
    main = json.loads(db.run("report", "--json"))
    by = json.loads(db.run("report", "--by", "category", "--json"))
    main_years = {y["year"]: y for y in main["years"]}
    round_years = [y["year"] for y in main["years"] if y["source"] == "rounds"]
    check([y["year"] for y in by["years"]] == round_years, f"{what}: json years {[y['year'] for y in by['years']]}, "
                                                           f"expected the round years {round_years}")
    for y in by["years"]:
        m = main_years[y["year"]]
        for key in KEYS + ["planned"]:
            check(y["total"][key] == m[key], f"{what} {y['year']}: json total {key} {y['total'][key]!r} != main {m[key]!r}")
        for key in ("participants", "winners", "clients", "jobs", "volunteers"):
            check(sum(r[key] for r in y["rows"]) == y["total"][key], f"{what} {y['year']}: rows' {key} do not add up")
        for key in ("budget", "attracted"):
            check(sum(Decimal(r[key]) for r in y["rows"]) == Decimal(y["total"][key]),
                  f"{what} {y['year']}: rows' {key} do not add up")
        check(y["rows"][-1]["category"] is not None or all(r["category"] is not None for r in y["rows"][:-1]),
              f"{what} {y['year']}: the row without a category is not last")

    # CSV: each year's `total` row equals the main CSV's row of that year, column by column.
    main_csv = {r["year"]: r for r in csv.DictReader(io.StringIO(db.run("report", "--format", "csv")))}
    totals = [r for r in csv.DictReader(io.StringIO(db.run("report", "--by", "category", "--format", "csv")))
              if r["category"] == "total"]
    check([int(r["year"]) for r in totals] == round_years, f"{what}: csv total rows for {[r['year'] for r in totals]}")
    for r in totals:
        for key in KEYS + ["planned"]:
            check(r[key] == main_csv[r["year"]][key],
                  f"{what} {r['year']}: csv total {key} {r[key]!r} != main {main_csv[r['year']][key]!r}")

    # XLSX: one sheet per year; the total row equals the main workbook's column, numbers as numbers.
    main_path = os.path.join(work, what + "-main.xlsx")
    by_path = os.path.join(work, what + "-by-category.xlsx")
    db.run("report", "--format", "xlsx", "-o", main_path)
    db.run("report", "--by", "category", "--format", "xlsx", "-o", by_path)
    columns = main_xlsx_columns(main_path)
    wb = openpyxl.load_workbook(by_path)
    check(wb.sheetnames == [str(y) for y in round_years], f"{what}: xlsx sheets {wb.sheetnames}")
    for year in round_years:
        ws = wb[str(year)]
        rows = [row for row in ws.iter_rows(min_row=2, values_only=True) if row[0] is not None and len(row) > 1
                and row[1] is not None]
        total = [row for row in rows if row[0] == "Разом"]
        check(len(total) == 1, f"{what} {year}: xlsx has {len(total)} total rows")
        if not total:
            continue
        for row in rows:
            for key, value in zip(XLSX_KEYS, row[1:]):
                check(isinstance(value, (int, float)) or value == "—",
                      f"{what} {year}: xlsx {row[0]} {key} is {value!r}, not a number")
        for key, value in zip(XLSX_KEYS, total[0][1:]):
            expected = columns[year].get(key)
            check(value == expected, f"{what} {year}: xlsx total {key} {value!r} != main workbook {expected!r}")
    return len(by["years"])


def check_service(db, what):
    by = json.loads(db.run("report", "--by", "service", "--json"))
    rows_csv = list(csv.DictReader(io.StringIO(db.run("report", "--by", "service", "--format", "csv"))))
    flat = [(str(y["year"]), r["service"], r["label"], str(r["organisations"]), str(r["share"]))
            for y in by["years"] for r in y["rows"]]
    check(flat == [(r["year"], r["service"], r["label"], r["organisations"], r["share"]) for r in rows_csv],
          f"{what}: service csv and json differ")
    for y in by["years"]:
        n = y["organisations"]
        for r in y["rows"]:
            exact = Fraction(100 * r["organisations"], n)
            rounded = int(exact) + (1 if exact - int(exact) >= Fraction(1, 2) else 0)
            check(r["share"] == rounded, f"{what} {y['year']} {r['service']}: share {r['share']}, expected {rounded}")
        order = [(-r["organisations"], r["service"]) for r in y["rows"]]
        check(order == sorted(order), f"{what} {y['year']}: services not most common first, then by slug")
    return by


def check_html(db, what, work, years):
    failures_before = len(failures)
    pages = {}
    for by in ("category", "service"):
        page = os.path.join(work, f"{what}-{by}.html")
        db.run("report", "--by", by, "--format", "html", "-o", page)
        html = open(page, encoding="utf-8").read()
        check(html.startswith("<!DOCTYPE html>"), f"{what} {by}: not an HTML5 document")
        check(re.search(r"<script|\b(src|href)\s*=", html, re.I) is None, f"{what} {by}: scripts or links")
        check(html.count("<table>") == years, f"{what} {by}: {html.count('<table>')} tables, expected {years}")
        pages[by] = page
    html = open(pages["category"], encoding="utf-8").read()
    svgs = re.findall(r"<svg\b.*?</svg>", html, re.S)
    check(len(svgs) == years, f"{what}: {len(svgs)} charts, expected one per year ({years})")
    for svg in svgs:
        check("Міський бюджет" in svg and "Залучені кошти" in svg, f"{what}: a chart lacks its legend")
        check(len(re.findall(r"<rect [^>]*><title>", svg)) >= 2, f"{what}: a chart has no bars")
    if len(failures) > failures_before or not os.path.exists(CHROMIUM):
        return
    import test_report_html as shot
    for by, page in pages.items():
        png = page[:-len(".html")] + ".png"
        profile = os.path.join(work, f"chromium-{what}-{by}")
        os.makedirs(profile, exist_ok=True)
        r = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            f"--user-data-dir={profile}", f"--screenshot={png}", "--window-size=1400,1400",
                            "file://" + page], capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)
        if r.returncode != 0 or not os.path.exists(png):
            check(False, f"{what} {by}: chromium exited {r.returncode} without a screenshot\n{r.stderr[-2000:]}")
            continue
        width, height, channels, rows = shot.read_png(png)
        colours = {}
        for row in rows:
            for x in range(0, len(row), channels):
                colours[row[x:x + 3]] = colours.get(row[x:x + 3], 0) + 1
        check(len(colours) >= 20, f"{what} {by}: only {len(colours)} colours in the screenshot")
        if by == "category":
            for name, rgb in (("budget bars", b"\x2f\x6d\xb5"), ("attracted bars", b"\xf0\xa0\x30")):
                check(colours.get(rgb, 0) >= 200, f"{what}: the {name} are not painted ({colours.get(rgb, 0)} px)")
        print(f"screenshot: {png}")


def main():
    a = script_args.parse()
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    for what, db in (("example", example_db(a)), ("two-rounds", two_rounds_db(a))):
        years = check_category(db, what, a.work)
        by = check_service(db, what)
        check_html(db, what, a.work, years)
        if what == "example":
            shares = {r["service"]: r["share"] for r in by["years"][0]["rows"]}
            check(shares == {"information": 66, "legal": 53, "psychological": 53, "social_medical": 53,
                             "employment": 13, "household": 13, "rehabilitation": 13},
                  f"example: service shares {shares}")
        # xlsx of the services: one sheet per year, counts and shares as numbers.
        path = os.path.join(a.work, what + "-by-service.xlsx")
        db.run("report", "--by", "service", "--format", "xlsx", "-o", path)
        wb = openpyxl.load_workbook(path)
        for y in by["years"]:
            ws = wb[str(y["year"])]
            got = [(r[1], r[2]) for r in ws.iter_rows(min_row=2, max_row=1 + len(y["rows"]), values_only=True)]
            check(got == [(r["organisations"], r["share"]) for r in y["rows"]],
                  f"{what} {y['year']}: service xlsx numbers {got}")
    for f in failures:
        print("FAIL:", f)
    if failures:
        return 1
    print("ok: by category and by service agree with the main report")
    return 0


if __name__ == "__main__":
    sys.exit(main())
