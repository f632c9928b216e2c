#!/usr/bin/python3
"""docs/report.md "html" and docs/decisions.md "The minutes" on paper: the example
round (examples/kharkiv-esm, as its run.sh builds it: the round of 2018 and the
published Kharkiv history 2000–2017) printed to PDF by headless Chromium, read
back with pdftotext and drawn with pdftoppm (Debian poppler-utils).

The report: its pages are A4 landscape; one page holds the whole table's width
(the label column and every year 2000…2018, the last year's figures too), every
row label and the summary of the period (the totals) are on paper, and no
scroll bar is printed; in English, no Cyrillic letter is on paper. The minutes: every word of every table header is printed
whole (no "заяв/ка"), every amount of the tables on one line, the applications
table on landscape pages, the other pages portrait.

Arguments: --binary, --repo, --work (as tests/CMakeLists.txt passes them);
--save-example rewrites docs/report-example.png (a 1400×2300 screenshot of the
report page). The page images stay in --work (report-N.png, minutes-N.png).
Exit 77 (skipped) when chromium, pdftotext or pdftoppm is missing."""
import glob, os, re, shutil, subprocess, sys
import print_tools
import script_args
from print_tools import CHROMIUM, PDFINFO, PDFTOPPM, PDFTOTEXT, chromium

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(binary, db, *args):
    return print_tools.run(binary, db, *args).stdout


def print_pdf(work, page):
    pdf = page[:-len(".html")] + ".pdf"
    r = chromium(work, page, f"--print-to-pdf={pdf}")
    if r.returncode != 0 or not os.path.exists(pdf):
        sys.exit(f"FAIL: chromium exited {r.returncode} without {pdf}\n{r.stderr[-2000:]}")
    return pdf


def pages_text(pdf):
    """The text of each page, laid out as on paper (pdftotext -layout)."""
    text = subprocess.run([PDFTOTEXT, "-layout", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True,
                          timeout=120, check=True).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def page_sizes(pdf):
    """(width, height) in points of every page."""
    out = subprocess.run([PDFINFO, "-f", "1", "-l", "999", pdf], capture_output=True, text=True, timeout=60,
                         check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)]


def draw(pdf, prefix):
    subprocess.run([PDFTOPPM, "-png", "-r", "60", pdf, prefix], capture_output=True, timeout=180, check=True)
    return sorted(glob.glob(prefix + "-*.png"))


def words(s):
    return re.findall(r"[\w«»'’-]+", s)


def check_report(work, db):
    page = os.path.join(work, "report.html")
    run(a.binary, db, "report", "--format", "html", "-o", page)
    md = run(a.binary, db, "report", "--format", "md")
    pdf = print_pdf(work, page)
    sizes = page_sizes(pdf)
    check(sizes and all(abs(w - 842) < 2 and abs(h - 595) < 2 for w, h in sizes),
          f"report pages are not A4 landscape: {sizes}")
    texts = pages_text(pdf)
    years = [str(y) for y in range(2000, 2019)]
    # The page the table starts on holds its whole width: every year as a column heading.
    first = next((i for i, t in enumerate(texts) if "Показники" in t), None)
    check(first is not None, "the report's table (Показники) is not on paper")
    if first is not None:
        header = next((line for line in texts[first].splitlines() if "Показники" in line), "")
        check(re.findall(r"\b(20\d\d)\b", header) == years,
              f"the table's header row on paper is not the years 2000…2018: {header.strip()!r}")
    for n, t in enumerate(texts, 1):
        check(re.search(r"· Сторінка " + str(n) + " з " + str(len(texts)) + r"\b", t) is not None,
              f"page {n} of the report has no footer with its number")
    every = "\n".join(texts)
    flat = re.sub(r"\s+", " ", every)
    # The rows of the Markdown table: each label, and the last year's figure, on paper.
    rows = [[c.replace("\\", "") for c in r.split("|")[1:-1]] for r in md.splitlines()
            if r.startswith("| ") and not r.startswith("| Показники") and not r.startswith("| ---")]
    check(len(rows) >= 10, f"only {len(rows)} rows in the Markdown report")
    for cells in rows:
        label, last = cells[0].strip(), cells[-1].strip()
        check(all(w in flat for w in words(label)), f"row label {label!r} is not on paper")
        check(last in every, f"the 2018 figure {last!r} of {label!r} is not on paper")
    # The summary of the period: the totals, each sentence whole.
    summary = [line[2:].strip().replace("\\", "") for line in md.splitlines() if line.startswith("- ")]
    check(len(summary) >= 5, f"only {len(summary)} summary sentences")
    for s in summary:
        check(re.sub(r"\s+", " ", s) in flat, f"the total {s!r} is not on paper")
    images = draw(pdf, os.path.join(work, "report"))
    check(len(images) == len(sizes), f"{len(images)} page images for {len(sizes)} pages")
    return page


def check_english_report(work, db):
    """`--lang en`: the same paper in English, the 2014 note worded, no Cyrillic letter at all (the
    report's words are the program's; the history holds no names)."""
    page = os.path.join(work, "report-en.html")
    run(a.binary, db, "--lang", "en", "report", "--format", "html", "-o", page)
    texts = pages_text(print_pdf(work, page))
    every = "\n".join(texts)
    check(re.search(r"· Page 1 of " + str(len(texts)) + r"\b", texts[0]) is not None, "the English footer is not on paper")
    check(re.search(r"\bunfunded\b", every) is not None, "the English report does not word 2014's note (unfunded)")
    cyrillic = sorted(set(re.findall(r"[\u0400-\u04ff]+", every)))
    check(not cyrillic, f"Cyrillic on the English report's paper: {cyrillic[:10]}")
    check("1,470.9" in every, "2012's budget is not on paper as 1,470.9 (English digit grouping)")


def check_minutes(work, db):
    page = os.path.join(work, "minutes.html")
    run(a.binary, db, "minutes", "--format", "html", "--date", "2026-03-10", "-o", page)
    md = run(a.binary, db, "minutes", "--format", "md", "--date", "2026-03-10")
    pdf = print_pdf(work, page)
    sizes = page_sizes(pdf)
    portrait = [w < h for w, h in sizes]
    check(portrait and portrait[0] and portrait[-1], f"the minutes' first and last pages are not portrait: {sizes}")
    check(not all(portrait), f"the applications table is not on a landscape page: {sizes}")
    texts = pages_text(pdf)
    # Every page's footer: the round and "Сторінка N з M".
    for n, t in enumerate(texts, 1):
        check(re.search(r"Конкурс esm-2018 .*· Сторінка " + str(n) + " з " + str(len(texts)) + r"\b", t) is not None,
              f"page {n} of the minutes has no footer with the round and its number")
    tokens = set()
    for t in texts:
        tokens.update(words(t))
    lines = md.splitlines()
    headers, cells = [], []
    for i, line in enumerate(lines):
        if line.startswith("|") and i + 1 < len(lines) and re.match(r"^\|( -{3}:? \|)+$", lines[i + 1]):
            headers += [c.strip() for c in line.split("|")[1:-1]]
        elif line.startswith("|") and not re.match(r"^\|( -{3}:? \|)+$", line):
            cells += [c.strip() for c in line.split("|")[1:-1]]
    check(len(headers) >= 20, f"only {len(headers)} table headers in the minutes")
    for h in headers:
        for w in words(h):
            check(w in tokens, f"the header word {w!r} (of {h!r}) is not printed whole")
    amounts = [c for c in cells if re.fullmatch(r"\d{1,3}( \d{3})*,\d\d", c)]
    check(len(amounts) >= 30, f"only {len(amounts)} amounts in the minutes' tables")
    every_line = "\n".join(texts)
    for m in sorted(set(amounts)):
        check(re.search(r"(?<!\d)(?<!\d )" + re.escape(m) + r"(?!\d)", every_line) is not None,
              f"the amount {m!r} is not printed on one line")
    # A word cut in two in a header would leave its halves on paper ("бал" is a
    # word of the reasons, "прохідний бал": the tail of "балів" shows the cut).
    for broken in ("заяв", "кошто", "гран", "ів"):
        check(broken not in tokens, f"a header is cut mid-word: {broken!r} on paper")
    draw(pdf, os.path.join(work, "minutes"))


def main():
    global a

    def more(ap):
        ap.add_argument("--save-example", action="store_true")
    a = script_args.parse(more)
    missing = [p for p in (CHROMIUM, PDFTOTEXT, PDFTOPPM, PDFINFO) if not os.path.exists(p)]
    if missing:
        print(f"SKIP: {' and '.join(missing)} missing")
        return 77
    db, ex = print_tools.scored_example(a.binary, a.work, a.repo)
    run(a.binary, db, "allocate")
    run(a.binary, db, "import", "outcomes", os.path.join(ex, "outcomes.csv"))
    run(a.binary, db, "import", "history", os.path.join(ex, "history.csv"))

    report = check_report(a.work, db)
    check_english_report(a.work, db)
    check_minutes(a.work, db)
    for f in failures:
        print("FAIL:", f)
    if failures:
        return 1
    if a.save_example:
        png = os.path.join(a.work, "report-screen.png")
        r = chromium(a.work, report, f"--screenshot={png}", "--window-size=1400,2300", "--hide-scrollbars")
        if r.returncode != 0 or not os.path.exists(png):
            print(f"FAIL: chromium exited {r.returncode} without a screenshot\n{r.stderr[-2000:]}")
            return 1
        shutil.copyfile(png, os.path.join(a.repo, "docs", "report-example.png"))
    print(f"ok: report and minutes printed; page images in {a.work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
