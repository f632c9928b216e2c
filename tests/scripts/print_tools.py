"""What the tests that print pages share (test_minutes_pdf.py, test_print_pdf.py):
the tools' paths, running the binary on the example's database, and headless
Chromium printing or photographing a page."""
import os, shutil, subprocess, sys

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PDFTOPPM = shutil.which("pdftoppm") or "/usr/bin/pdftoppm"
PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"
PDFINFO = shutil.which("pdfinfo") or "/usr/bin/pdfinfo"


def run(binary, db, *args):
    """`competition --db DB ARGS` at the minutes' fixed time; exits the test on a non-zero exit."""
    env = {**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC", "COMPETITION_NOW": "2026-03-10T09:00:00Z"}
    r = subprocess.run([binary, "--db", db, *args], capture_output=True, text=True, env=env)
    if r.returncode != 0:
        sys.exit(f"FAIL: {' '.join(args)}: exit {r.returncode}\n{r.stdout}{r.stderr}")
    return r


def chromium(work, page, *what):
    """Headless Chromium on the file `page` doing `what` (`--print-to-pdf=…`, `--screenshot=…`), with a
    profile of its own in `work` and no page header or footer printed (the page is the document)."""
    profile = os.path.join(work, "chromium-profile")
    os.makedirs(profile, exist_ok=True)
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           "--no-pdf-header-footer", f"--user-data-dir={profile}", *what,
                           "file://" + os.path.abspath(page)],
                          capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)


def scored_example(binary, work, repo):
    """The example round (examples/kharkiv-esm) imported and scored in a database in `work`; returns
    the database's path and the example's folder."""
    ex = os.path.join(repo, "examples", "kharkiv-esm")
    db = os.path.join(work, "kharkiv.db")
    run(binary, db, "init", os.path.join(ex, "rules.toml"))
    for kind in ("applications", "reviewers", "reviews"):
        run(binary, db, "import", kind, os.path.join(ex, f"{kind}.csv"))
    run(binary, db, "score", "-q")
    return db, ex
