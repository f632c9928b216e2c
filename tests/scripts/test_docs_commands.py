#!/usr/bin/python3
"""Runs every command the documentation shows, so that the docs cannot rot.

Documents: README.md, docs/guide.md, docs/guide.uk.md, docs/rules.md, docs/sensitivity.md.

Conventions (written for the authors of those documents):
- Only fenced blocks opened with ```bash are run; in them, only the lines that
  start with `competition ` (after leading spaces). Other lines, and blocks
  fenced as ```sh, ```text, ```toml …, are for reading only. The README's
  "Quick start" block is run by CI itself and is skipped here.
- The commands of one document run in order, in one fresh directory that holds
  a copy of examples/kharkiv-esm/ (so `rules.toml`, `applications.csv`,
  `excel/applications.csv` … are relative names), with the database at its
  default place (./competition.db). A document may name other folders of the
  repository to copy instead, in an HTML comment:
      <!-- docs-test: files=docs/examples/worked -->
  (several folders separated by commas; their files are copied side by side).
- A command exits 0 unless its line ends with a comment `# exits N`.
- A ```text block that follows a ```bash block (nothing but blank lines
  between) is the output of that block's last command as a terminal shows it
  (standard output and standard error together), compared line by line with
  trailing spaces ignored; a line holding only `...` or `…` stands for any
  number of lines.
- Commands run as `bash -c LINE` with the built binary first on PATH as
  `competition`, TZ=UTC, LC_ALL=C.UTF-8 and COMPETITION_NOW=2018-03-12T10:00:00Z
  (the time recorded for commission decisions), so outputs are the same on
  every run. A line `export COMPETITION_NOW=…` in a ```bash block moves that
  clock for the document's later commands, as it would in the reader's shell
  (a section that happens a year after the meeting runs on its own day).
A hash the prose abbreviates (`sha256:e5eb8e…`) must begin a full one the
same document shows (in an output block, which is checked against the real
one), so that a fingerprint quoted in a sentence cannot go stale.
Besides, every command listed by `competition --help` (and its subcommands)
must have a one-line purpose and an `Example:` in its --help (in English with
`--lang en`, and its own Ukrainian purpose and `Приклад:` by default), and a `.SS`
section in the man page docs/competition.1, which must format without groff
warnings.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

DOCUMENTS = ["README.md", "docs/guide.md", "docs/guide.uk.md", "docs/rules.md", "docs/sensitivity.md"]
DEFAULT_FILES = ["examples/kharkiv-esm"]
NOW = "2018-03-12T10:00:00Z"
FENCE = re.compile(r"^( {0,3})(```+|~~~+)\s*([^\s`]*)")
EXITS = re.compile(r"#\s*exits\s+(\d+)\s*$")
EXPORT = re.compile(r"^export\s+(COMPETITION_NOW)=(\S+)\s*$")


class Block:
    def __init__(self, lang, start, lines, heading):
        self.lang = lang          # the fence's info string: bash, text, …
        self.start = start        # 1-based line of the opening fence
        self.lines = lines        # the content lines
        self.heading = heading    # the nearest heading above
        self.follows = None       # for a text block: the bash block right before it


def blocks_of(text):
    """The fenced blocks of a Markdown text, in order."""
    lines = text.split("\n")
    out = []
    heading = ""
    i = 0
    previous_end = None  # line index after the previous block's closing fence
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
        m = FENCE.match(line)
        if not m:
            i += 1
            continue
        indent, fence, lang = m.group(1), m.group(2), m.group(3).lower()
        j = i + 1
        content = []
        while j < len(lines) and not lines[j].strip().startswith(fence[0] * len(fence)):
            content.append(lines[j][len(indent):] if lines[j].startswith(indent) else lines[j])
            j += 1
        block = Block(lang, i + 1, content, heading)
        if out and previous_end is not None and all(not l.strip() for l in lines[previous_end:i]):
            if lang == "text" and out[-1].lang == "bash":
                block.follows = out[-1]
        out.append(block)
        previous_end = j + 1
        i = j + 1
    return out


def exports_of(block):
    """The `export COMPETITION_NOW=…` lines of a bash block: (name, value)."""
    return [m.groups() for m in (EXPORT.match(l.strip()) for l in block.lines) if m]


def commands_of(block):
    """The `competition …` lines of a bash block: (line number, command, expected exit code)."""
    out = []
    pending = ""
    for k, raw in enumerate(block.lines):
        line = raw.strip()
        if pending:
            line = pending + " " + line
            pending = ""
        if line.endswith("\\"):
            pending = line[:-1].rstrip()
            continue
        if not line.startswith("competition "):
            continue
        m = EXITS.search(line)
        out.append((block.start + 1 + k, line, int(m.group(1)) if m else 0))
    return out


def matches(expected, actual):
    """Line-by-line comparison where a `...` or `…` line matches any number of lines."""
    exp = [l.rstrip() for l in expected]
    act = [l.rstrip() for l in actual]
    while exp and not exp[-1]:
        exp.pop()
    while act and not act[-1]:
        act.pop()

    memo = {}

    def go(i, j):
        if (i, j) in memo:
            return memo[(i, j)]
        if i == len(exp):
            r = j == len(act)
        elif exp[i] in ("...", "…"):
            r = any(go(i + 1, k) for k in range(j, len(act) + 1))
        else:
            r = j < len(act) and exp[i] == act[j] and go(i + 1, j + 1)
        memo[(i, j)] = r
        return r

    sys.setrecursionlimit(max(10000, 4 * (len(exp) + len(act))))
    return go(0, 0)


def files_of(text):
    m = re.search(r"<!--\s*docs-test:\s*files=([^>]*?)\s*-->", text)
    if not m:
        return DEFAULT_FILES
    return [f.strip() for f in m.group(1).split(",") if f.strip()]


def run_document(doc, repo, work, binary):
    path = os.path.join(repo, doc)
    text = open(path, encoding="utf-8").read()
    name = re.sub(r"[^A-Za-z0-9]+", "-", doc).strip("-")
    where = os.path.join(work, name)
    shutil.rmtree(where, ignore_errors=True)
    os.makedirs(where)
    for folder in files_of(text):
        src = os.path.join(repo, folder)
        if not os.path.isdir(src):
            return [f"{doc}: docs-test folder {folder} does not exist"], 0
        for entry in sorted(os.listdir(src)):
            s = os.path.join(src, entry)
            if os.path.isdir(s):
                shutil.copytree(s, os.path.join(where, entry))
            else:
                shutil.copy(s, os.path.join(where, entry))
    bindir = os.path.join(work, "bin")
    os.makedirs(bindir, exist_ok=True)
    link = os.path.join(bindir, "competition")
    if not os.path.lexists(link):
        os.symlink(binary, link)
    env = {"PATH": bindir + ":" + os.environ.get("PATH", "/usr/bin:/bin"), "TZ": "UTC", "LC_ALL": "C.UTF-8",
           "LANG": "C.UTF-8", "HOME": where, "COMPETITION_NOW": NOW}

    failures = []
    ran = 0
    outputs = {}  # id(bash block) -> combined output of its last command
    for block in blocks_of(text):
        if block.lang == "bash":
            if doc == "README.md" and block.heading.lower() == "quick start":
                continue
            for name, value in exports_of(block):
                env[name] = value
            for line_no, command, code in commands_of(block):
                r = subprocess.run(["bash", "-c", command], cwd=where, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT)
                ran += 1
                out = r.stdout.decode("utf-8", errors="replace")
                outputs[id(block)] = out
                if r.returncode != code:
                    failures.append(f"{doc}:{line_no}: `{command}` exited {r.returncode}, expected {code}\n{out}")
        elif block.lang == "text" and block.follows is not None and id(block.follows) in outputs:
            actual = outputs[id(block.follows)].split("\n")
            if not matches(block.lines, actual):
                failures.append(f"{doc}:{block.start}: the output shown differs from the real one:\n"
                                + "".join(f"  | {l}\n" for l in actual))
    failures += stale_abbreviations(doc, text)
    return failures, ran


def stale_abbreviations(doc, text):
    """An abbreviated hash of the prose that begins none of the document's full ones."""
    full = set(re.findall(r"sha256:([0-9a-f]{64})", text))
    failures = []
    for m in re.finditer(r"sha256:([0-9a-f]{3,63})(?:…|\.\.\.)", text):
        if not any(f.startswith(m.group(1)) for f in full):
            line = text.count("\n", 0, m.start()) + 1
            failures.append(f"{doc}:{line}: `sha256:{m.group(1)}…` begins none of the hashes this document shows")
    return failures


def subcommands_of(help_text):
    """The names listed under `Subcommands:` in a CLI11 help text."""
    names, inside = [], False
    for line in help_text.split("\n"):
        if line.startswith("Subcommands:"):
            inside = True
            continue
        if inside:
            if not line.strip():
                break
            if line.startswith("  ") and not line.startswith("    "):
                names.append(line.split()[0])
    return names


def check_help_and_man(repo, binary):
    """Every command's --help has a purpose and an example, and the man page has a section for it."""
    failures = []
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}

    def help_of(path, lang="en"):
        r = subprocess.run([binary, *path, "--help", "--lang", lang], capture_output=True, env=env)
        return r.returncode, r.stdout.decode("utf-8", errors="replace")

    code, top = help_of([])
    commands = [[c] for c in subcommands_of(top)]
    if code != 0 or not commands:
        return [f"`competition --help` exited {code} or lists no commands"]
    man_path = os.path.join(repo, "docs", "competition.1")
    man = open(man_path, encoding="utf-8").read() if os.path.exists(man_path) else ""
    if not man:
        failures.append("docs/competition.1 is missing")
    i = 0
    while i < len(commands):
        path = commands[i]
        i += 1
        code, text = help_of(path)
        name = " ".join(path)
        lines = text.split("\n")
        if code != 0 or not lines[0].strip() or lines[0].startswith("Usage"):
            failures.append(f"`competition {name} --help`: no one-line purpose (exit {code})")
        if not re.search(r"^Examples?:\n  competition ", text, re.M):
            failures.append(f"`competition {name} --help`: no `Example:` with a `competition …` line")
        # The same help in Ukrainian (the default): its own purpose line and example heading.
        uk_code, uk_text = help_of(path, "uk")
        if uk_code != 0 or uk_text.split("\n")[0] == lines[0] or not re.search(r"^Приклади?:\n  competition ", uk_text, re.M):
            failures.append(f"`competition {name} --help --lang uk`: no Ukrainian purpose or `Приклад:` (exit {uk_code})")
        commands += [path + [c] for c in subcommands_of(text)]
        if man and not re.search(r'^\.SS "?' + re.escape(name) + r'(\b|")', man, re.M):
            failures.append(f"docs/competition.1: no `.SS {name}` section for the command `{name}`")
    if man and shutil.which("groff"):
        r = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", man_path], capture_output=True, env=env)
        if r.returncode != 0 or r.stderr.strip():
            failures.append(f"groff warns about docs/competition.1:\n{r.stderr.decode(errors='replace')}")
    return failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    repo = os.path.abspath(a.repo)
    work = os.path.abspath(a.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    failures = []
    for doc in DOCUMENTS:
        if not os.path.exists(os.path.join(repo, doc)):
            failures.append(f"{doc}: missing")
            continue
        f, ran = run_document(doc, repo, work, binary)
        print(f"{doc}: {ran} commands run, {len(f)} failures")
        if ran == 0 and doc != "README.md":
            f.append(f"{doc}: no `competition` commands found in ```bash blocks")
        failures += f
    f = check_help_and_man(repo, binary)
    print(f"--help and docs/competition.1: {len(f)} failures")
    failures += f
    for f in failures:
        print("FAIL " + f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
