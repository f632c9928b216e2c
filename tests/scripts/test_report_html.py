#!/usr/bin/python3
"""docs/report.md "html": the Kharkiv history rendered as one self-contained page.

Checks the HTML itself (at least three inline <svg> charts with titles, axis
labels, year labels and legends; no scripts; nothing loaded from elsewhere),
then takes a headless Chromium screenshot and checks that the PNG is not
blank (decoded here with zlib and struct, no imaging library): many distinct
colours, enough non-white pixels, and the bars' colours actually painted.

Arguments: --binary, --repo, --work (as tests/CMakeLists.txt passes them).
Exit 77 (skipped) when /usr/bin/chromium is missing."""
import os, re, struct, subprocess, sys, zlib
import script_args

CHROMIUM = "/usr/bin/chromium"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(binary, db, *args):
    r = subprocess.run([binary, "--db", db, *args], capture_output=True, text=True,
                       env={**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"})
    if r.returncode != 0:
        sys.exit(f"{' '.join(args)}: exit {r.returncode}\n{r.stdout}{r.stderr}")
    return r


def check_html(html, lang_labels):
    check(html.startswith("<!DOCTYPE html>"), "not an HTML5 document")
    check(re.search(r"<script", html, re.I) is None, "the page has a <script>")
    check(re.search(r"\b(src|href)\s*=", html, re.I) is None, "the page loads or links something (src=/href=)")
    check("url(" not in html and "@import" not in html, "the style sheet loads something")
    svgs = re.findall(r"<svg\b.*?</svg>", html, re.S)
    check(len(svgs) >= 3, f"{len(svgs)} <svg> charts, expected at least 3")
    for i, svg in enumerate(svgs):
        check("<title" in svg, f"chart {i + 1} has no title")
        check(re.search(r">2000</text>", svg) and re.search(r">2017</text>", svg), f"chart {i + 1} lacks year labels")
        check(re.search(r'transform="rotate\(-90\)"[^>]*>[^<]+</text>', svg), f"chart {i + 1} lacks a y-axis label")
        check(len(re.findall(r'text-anchor="end"[^>]*>[^<]+</text>', svg)) >= 3, f"chart {i + 1} lacks tick labels")
        check(len(re.findall(r"<line ", svg)) >= 4, f"chart {i + 1} lacks axes and grid lines")
    for label in lang_labels:
        check(label in html, f"the page lacks {label!r}")
    check(len(re.findall(r"<rect [^>]*><title>", html)) >= 36, "fewer bars than 18 years × 2 series")
    check("<polyline" in html, "no line in the coefficient chart")


def read_png(path):
    """Returns (width, height, channels, rows of bytes) of an 8-bit RGB/RGBA PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, width = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or colour not in (2, 6) or interlace:
                raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
            channels = 3 if colour == 2 else 4
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


def check_screenshot(path):
    width, height, channels, rows = read_png(path)
    check((width, height) == (1400, 2000), f"screenshot is {width}×{height}")
    colours, non_white, total = {}, 0, 0
    for row in rows:
        for x in range(0, len(row), channels):
            px = row[x:x + 3]
            colours[px] = colours.get(px, 0) + 1
            total += 1
            if px != b"\xff\xff\xff":
                non_white += 1
    check(len(colours) >= 50, f"only {len(colours)} distinct colours: a blank page?")
    check(non_white >= total * 0.05, f"only {non_white} of {total} pixels are not white")
    # The charts' own colours, painted over large areas (bar interiors).
    for name, rgb in (("budget bars", b"\x2f\x6d\xb5"), ("attracted bars", b"\xf0\xa0\x30"),
                      ("client bars", b"\x3a\x9a\x6a")):
        check(colours.get(rgb, 0) >= 500, f"the {name} ({rgb.hex()}) are not painted ({colours.get(rgb, 0)} pixels)")


def main():
    a = script_args.parse()
    db = os.path.join(a.work, "kharkiv.db")
    run(a.binary, db, "import", "history", os.path.join(a.repo, "tests", "e2e", "report", "kharkiv-esm-2000-2017.csv"))
    page = os.path.join(a.work, "report.html")
    run(a.binary, db, "report", "--format", "html", "-o", page)
    html = open(page, encoding="utf-8").read()
    check_html(html, ["тис. грн", "осіб", "грн на 1 грн бюджету", "Міський бюджет", "Залучені кошти",
                      "10 915,1", "коефіцієнт залучених коштів за період 4,5 : 1", "1 470,9", "40,5"])
    en = run(a.binary, db, "--lang", "en", "report", "--format", "html").stdout
    check_html(en, ["thousand UAH", "people", "City budget", "Attracted funds", "10,915.1", "1,470.9"])
    if failures:
        for f in failures:
            print("FAIL:", f)
        return 1

    if not os.path.exists(CHROMIUM):
        print(f"SKIP: {CHROMIUM} missing (the HTML checks passed)")
        return 77
    png = os.path.join(a.work, "report.png")
    profile = os.path.join(a.work, "chromium-profile")
    os.makedirs(profile)
    r = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={profile}", f"--screenshot={png}", "--window-size=1400,2000",
                        "file://" + os.path.abspath(page)],
                       capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)
    if r.returncode != 0 or not os.path.exists(png):
        print(f"FAIL: chromium exited {r.returncode} without a screenshot\n{r.stderr[-2000:]}")
        return 1
    check_screenshot(png)
    for f in failures:
        print("FAIL:", f)
    if failures:
        return 1
    print(f"ok: html report, screenshot {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
