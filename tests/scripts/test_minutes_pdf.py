#!/usr/bin/python3
"""docs/decisions.md "The minutes" (`competition minutes --format html`): the minutes of the example round
(examples/kharkiv-esm) as one self-contained page, printed to PDF by headless
Chromium and turned into a page image by pdftoppm (Debian poppler-utils).

Checks the HTML itself (no scripts, nothing loaded from elsewhere, an A4 page
rule, every application, every member with a signature line, the full
fingerprint), then prints it to PDF and checks the second page's PNG (decoded
here with zlib and struct, no imaging library): A4 landscape at 80 dpi (the
table of applications), not blank (enough dark pixels for text and table rules,
several distinct colours).

Arguments: --binary, --repo, --work (as tests/CMakeLists.txt passes them);
--save-example copies the page image to docs/minutes-example.png.
The page is the second: the table of applications, printed landscape.
Exit 77 (skipped) when chromium or pdftoppm is missing (after the HTML checks)."""
import csv, glob, os, re, shutil, struct, subprocess, sys, zlib
import print_tools
import script_args
from print_tools import CHROMIUM, PDFTOPPM

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(binary, db, *args):
    return print_tools.run(binary, db, *args)


def check_html(html, ids, members, fingerprint, labels):
    check(html.startswith("<!DOCTYPE html>"), "not an HTML5 document")
    check(re.search(r"<script", html, re.I) is None, "the page has a <script>")
    check(re.search(r"\b(src|href)\s*=", html, re.I) is None, "the page loads or links something (src=/href=)")
    check("url(" not in html and "@import" not in html, "the style sheet loads something")
    check(re.search(r"@page\s*\{[^}]*size:\s*A4", html) is not None, "no A4 @page rule")
    for i in ids:
        check(f">{i}</td>" in html, f"application {i} is not in the minutes")
    for m in members:
        check(re.search(r'<div class="who">' + re.escape(m) + r'</div><div class="line">', html) is not None,
              f"no signature line for {m}")
    check(re.fullmatch(r"sha256:[0-9a-f]{64}", fingerprint) is not None, f"bad fingerprint {fingerprint!r}")
    check(fingerprint in html, "the full fingerprint is not in the minutes")
    for label in labels:
        check(label in html, f"the page lacks {label!r}")


def read_png(path):
    """Returns (width, height, channels, rows of bytes) of an 8-bit RGB/RGBA/grey PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (0, 2, 6) or interlace:
                raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
            channels = {0: 1, 2: 3, 6: 4}[colour]
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = prev[i]
                c = prev[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def check_page(path, landscape):
    width, height, channels, rows = read_png(path)
    # A4 (210 × 297 mm) at 80 dpi: 661 × 935 pixels, give or take one; turned for the wide table.
    size = (935, 661) if landscape else (661, 935)
    check(abs(width - size[0]) <= 2 and abs(height - size[1]) <= 2,
          f"page image is {width}×{height}, not A4 {'landscape' if landscape else 'portrait'} at 80 dpi")
    colours, dark, non_white, total = set(), 0, 0, 0
    for row in rows:
        for x in range(0, len(row), channels):
            px = row[x:x + min(channels, 3)]
            colours.add(px)
            total += 1
            if min(px) < 250:
                non_white += 1
            if max(px) < 100:
                dark += 1
    check(len(colours) >= 8, f"only {len(colours)} distinct colours: a blank page?")
    check(dark >= total * 0.005, f"only {dark} of {total} pixels are dark: no text?")
    check(non_white >= total * 0.03, f"only {non_white} of {total} pixels are not white")
    # The heading's band (top quarter) and the table's band (lower half) both carry ink.
    top = sum(1 for row in rows[:height // 4] for x in range(0, len(row), channels) if max(row[x:x + 3]) < 100)
    bottom = sum(1 for row in rows[height // 2:] for x in range(0, len(row), channels) if max(row[x:x + 3]) < 100)
    check(top > 500 and bottom > 2000, f"ink in the top quarter {top}, in the lower half {bottom}: page laid out wrong?")


def main():
    def more(ap):
        ap.add_argument("--save-example", action="store_true")
    a = script_args.parse(more)
    db, ex = print_tools.scored_example(a.binary, a.work, a.repo)
    fingerprint = re.search(r'"fingerprint":"([^"]+)"', run(a.binary, db, "allocate", "--json").stdout).group(1)
    ids = [row["id"] for row in csv.DictReader(open(os.path.join(ex, "applications.csv"), encoding="utf-8-sig"))]
    members = re.findall(r'^\s*"([^"]+)",?\s*$', open(os.path.join(ex, "rules.toml"), encoding="utf-8").read(), re.M)
    check(len(members) == 5, f"expected the 5 members of the example's rules, read {members}")

    page = os.path.join(a.work, "minutes.html")
    run(a.binary, db, "minutes", "--format", "html", "--date", "2026-03-10", "-o", page)
    html = open(page, encoding="utf-8").read()
    check_html(html, ids, members, fingerprint,
               ["Протокол засідання конкурсної комісії", "Дата засідання: 10.03.2026", "Склад комісії",
                "Бюджет конкурсу: 1\u00a0000\u00a0000,00\u00a0грн", "Залишок:", "Підписи", "(підпис)", "lang=\"uk\""])
    en = run(a.binary, db, "--lang", "en", "minutes", "--format", "html", "--date", "2026-03-10").stdout
    check_html(en, ids, members, fingerprint,
               ["Minutes of the meeting of the competition commission", "Date of the meeting: 2026-03-10",
                "Budget of the round: 1,000,000.00\u00a0UAH", "Leftover:", "(signature)", "lang=\"en\""])
    if failures:
        for f in failures:
            print("FAIL:", f)
        return 1

    missing = [p for p in (CHROMIUM, PDFTOPPM) if not os.path.exists(p)]
    if missing:
        print(f"SKIP: {' and '.join(missing)} missing (the HTML checks passed)")
        return 77
    pdf = os.path.join(a.work, "minutes.pdf")
    r = print_tools.chromium(a.work, page, f"--print-to-pdf={pdf}")
    if r.returncode != 0 or not os.path.exists(pdf):
        print(f"FAIL: chromium exited {r.returncode} without a PDF\n{r.stderr[-2000:]}")
        return 1
    check(open(pdf, "rb").read(5) == b"%PDF-", "chromium did not write a PDF")
    prefix = os.path.join(a.work, "page")
    r = subprocess.run([PDFTOPPM, "-png", "-r", "80", "-f", "2", "-l", "2", pdf, prefix],
                       capture_output=True, text=True, timeout=120)
    images = sorted(glob.glob(prefix + "*.png"))
    if r.returncode != 0 or len(images) != 1:
        print(f"FAIL: pdftoppm exited {r.returncode} with {images}\n{r.stderr[-2000:]}")
        return 1
    # Page 2: the table of applications, on a landscape page of its own.
    check_page(images[0], landscape=True)
    for f in failures:
        print("FAIL:", f)
    if failures:
        return 1
    if a.save_example:
        shutil.copyfile(images[0], os.path.join(a.repo, "docs", "minutes-example.png"))
    print(f"ok: minutes html, pdf {pdf}, page image {images[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
