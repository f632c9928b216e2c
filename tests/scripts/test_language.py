#!/usr/bin/python3
"""Every command of the example round in each language (docs/cli.md "Error
messages", "Languages"): in `--lang uk` (the default) no English word may appear
in what a command prints, on standard output or standard error, and in
`--lang en` no Cyrillic word.

What may stay as it is in either language, and so is not counted:
  - data: every word of the example's input files (their cells and the rules'
    values, not the comments of rules.toml), and of the failing and tampered
    inputs made here;
  - ids, tokens, file names, option and command names: text in `backticks`,
    `--options`, words with `_`, `.`, `-`, `/`, `:`, `=` or digits in them
    (`esm-2018`, `A-001`, `rules.toml`, `scoring.pass_total`, `sha256:…`);
  - ENGLISH_KEPT below: the few English words a Ukrainian text keeps on purpose
    (the program's name, codes and units);
  - in English, the Kharkiv terms docs/cli.md "Languages" lists (the report
    keeps them as the published tables write them).

Arguments: --binary, --repo, --work (tests/CMakeLists.txt)."""
import csv
import os
import re
import shutil
import subprocess
import sys
import tomllib

import script_args

# English words a Ukrainian output keeps on purpose: the program's name, format
# and encoding names, currency and hash codes, status and reason tokens printed
# as the JSON writes them.
ENGLISH_KEPT = {
    "competition", "UAH", "CSV", "JSON", "TOML", "UTF", "SHA", "HTML", "Markdown", "PDF", "XLSX", "xlsx", "csv",
    "md", "html", "json", "sha256", "ok", "UTC", "RFC",
    "seed",  # `assign`'s heading names its --seed
}

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]|[A-Za-z]")
CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF\u0027\u2019ʼ]+")
# A token that is an id, a file name, a key or a number with letters: kept as it is.
TOKEN = re.compile(r"[^\s,;()\[\]«»\"“”„]*[A-Za-z\u0400-\u04FF][^\s,;()\[\]«»\"“”„]*")


def tokens_kept(word):
    return any(c in word for c in "_./:=-@#+*") or any(c.isdigit() for c in word)


def words_of_text(text):
    """The words of a text, as letters only (Latin and Cyrillic)."""
    return set(LATIN_WORD.findall(text)) | set(CYRILLIC_WORD.findall(text))


def data_words(paths):
    """Every word of the example inputs: the cells of the CSV files and the values
    (strings and keys) of the TOML files, not their comments."""
    words = set()
    for path in paths:
        if path.endswith(".csv"):
            with open(path, encoding="utf-8-sig", newline="") as f:
                for row in csv.reader(f):
                    for cell in row:
                        words |= words_of_text(cell)
        elif path.endswith(".toml"):
            with open(path, "rb") as f:
                doc = tomllib.load(f)

            def walk(value):
                if isinstance(value, dict):
                    for k, v in value.items():
                        words.update(words_of_text(k))
                        walk(v)
                elif isinstance(value, list):
                    for v in value:
                        walk(v)
                elif isinstance(value, str):
                    words.update(words_of_text(value))

            walk(doc)
    return words


def kharkiv_terms(repo):
    """The Cyrillic words docs/cli.md "Languages" says the English report keeps."""
    text = open(os.path.join(repo, "docs", "cli.md"), encoding="utf-8").read()
    m = re.search(r"^## Languages\n(.*?)(?=^## )", text, re.S | re.M)
    if not m:
        sys.exit('docs/cli.md has no "## Languages" section listing the Kharkiv terms')
    terms = set()
    for line in m.group(1).splitlines():
        if line.startswith("- ") and "`" in line:
            for term in re.findall(r"`([^`]+)`", line):
                terms |= set(CYRILLIC_WORD.findall(term))
    if not terms:
        sys.exit('docs/cli.md "Languages" lists no Kharkiv term in backticks')
    return terms


def strip_kept(text):
    """The text without what is kept as it is: `code`, --options, URLs, hashes,
    ids and file names (any token with a digit or one of _ . / : = - in it)."""
    text = re.sub(r"`[^`\n]*`", " ", text)
    text = re.sub(r"<(style|script)\b.*?</\1>", " ", text, flags=re.S)  # CSS is not words
    text = re.sub(r"<[^>]*>", " ", text)  # HTML tags and their attributes
    text = re.sub(r"&[a-z]+;", " ", text)
    text = re.sub(r"--[A-Za-z][A-Za-z0-9-]*", " ", text)
    out = []
    for token in TOKEN.findall(text):
        core = token.strip("'’.:!?…")
        if tokens_kept(core):
            continue
        out.append(core)
    return " ".join(out)


class Round:
    """One language's run of the example round, in its own database."""

    def __init__(self, a, lang):
        self.binary, self.repo, self.lang = a.binary, a.repo, lang
        self.dir = os.path.join(a.work, lang)
        os.makedirs(self.dir)
        self.env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "TZ": "UTC",
                    "COMPETITION_DB": os.path.join(self.dir, "competition.db"),
                    "COMPETITION_NOW": "2026-03-02T10:15:00Z"}
        self.outputs = []  # (command line, text printed)
        self.typed = set()

    def run(self, *args, expect=(0,)):
        for arg in args:  # what the user typed (a reason, a folder's name) is data
            self.typed |= words_of_text(arg)
        argv = [self.binary, *args] + (["--lang", "en"] if self.lang == "en" else [])
        r = subprocess.run(argv, env=self.env, cwd=self.dir, capture_output=True, timeout=300)
        text = r.stdout.decode("utf-8") + r.stderr.decode("utf-8")
        if r.returncode not in expect:
            sys.exit(f"{' '.join(args)} ({self.lang}): exit {r.returncode}, expected {expect}\n{text}")
        self.outputs.append((" ".join(args), text))
        return text


def run_round(a, lang, example, bad_applications):
    r = Round(a, lang)
    ex = lambda name: os.path.join(example, name)
    r.run("init", ex("rules.toml"))
    r.run("import", "applications", ex("applications.csv"))
    r.run("import", "applications", bad_applications, expect=(2,))  # a bad money value: nothing written
    r.run("import", "reviewers", ex("reviewers.csv"))
    r.run("import", "reviews", ex("reviews.csv"))
    r.run("assign", "--force")
    r.run("sheets", "sheets")
    r.run("status")
    r.run("score")
    r.run("sensitivity")
    r.run("allocate", "--dry-run")
    r.run("withdraw", "A-068", "--reason", "Заявник відмовився від гранту (лист від 12.03.2018)")
    r.run("override", "A-054", "--award", "40000", "--reason", "Заявник скоротив кошторис; комісія погодила 40 000,00 грн")
    r.run("decisions")
    r.run("allocate")
    r.run("minutes", "--format", "md", "--date", "2018-03-10")
    r.run("minutes", "--format", "html", "--date", "2018-03-10")
    r.run("import", "outcomes", ex("outcomes.csv"))
    r.run("import", "history", ex("history.csv"))
    r.run("import", "agreements", ex("agreements.csv"))
    r.run("import", "payments", ex("payments.csv"))
    r.run("ledger", "--as-of", "2018-12-31")
    r.run("audit")
    r.run("export", "bundle", "bundle")
    r.run("audit", "bundle", "bundle")
    tampered = os.path.join(r.dir, "tampered")
    shutil.copytree(os.path.join(r.dir, "bundle"), tampered)
    apps = os.path.join(tampered, "applications.csv")
    text = open(apps, encoding="utf-8").read()
    open(apps, "w", encoding="utf-8").write(text.replace("26400.00", "26500.00", 1))
    md = os.path.join(tampered, "decision.md")
    text = open(md, encoding="utf-8").read()
    open(md, "w", encoding="utf-8").write(text.replace("2018", "2019", 1))
    r.run("audit", "bundle", "tampered", expect=(1,))  # a hash and a record that do not say what decision.json says
    r.run("report")
    r.run("report", "--format", "md")
    r.run("status")
    return r


def main():
    a = script_args.parse()
    example = os.path.join(a.repo, "examples", "kharkiv-esm")
    bad_applications = os.path.join(a.work, "applications-bad.csv")
    lines = open(os.path.join(example, "applications.csv"), encoding="utf-8").read().splitlines(True)
    lines[1] = lines[1].replace("26400.00", "26 4OO,00", 1)
    open(bad_applications, "w", encoding="utf-8").write("".join(lines))
    inputs = [os.path.join(example, n) for n in sorted(os.listdir(example)) if n.endswith((".csv", ".toml"))]
    data = data_words(inputs + [bad_applications])
    kept_terms = kharkiv_terms(a.repo)

    failures = []
    uk = run_round(a, "uk", example, bad_applications)
    en = run_round(a, "en", example, bad_applications)
    data |= uk.typed | en.typed
    # A table may cut a long name (`Слобожа…`): the start of a data word is data.
    prefixes = {w[:n] for w in data for n in range(3, len(w))}

    def is_data(word):
        return word in data or (len(word) >= 3 and word in prefixes)

    for command, text in uk.outputs:
        for word in sorted(set(LATIN_WORD.findall(strip_kept(text)))):
            if is_data(word) or word in ENGLISH_KEPT:
                continue
            failures.append(f"uk: `{command}` prints the English word {word!r}")
    for command, text in en.outputs:
        for word in sorted(set(CYRILLIC_WORD.findall(strip_kept(text)))):
            word = word.strip("'’ʼ")
            if not word or is_data(word) or word in kept_terms:
                continue
            failures.append(f"en: `{command}` prints the Ukrainian word {word!r}")
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print(f"checked {len(uk.outputs)} runs in uk and {len(en.outputs)} in en")


if __name__ == "__main__":
    main()
