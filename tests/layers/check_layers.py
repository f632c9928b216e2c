#!/usr/bin/env python3
"""The include direction of docs/ARCHITECTURE.md, checked.

Every `#include "folder/file.hpp"` in lib/ must name a folder that the
including file's folder may use (the table ALLOWED below, which is the table
of docs/ARCHITECTURE.md); SQLite's headers only in store/ and commands/;
nothing in lib/ includes cli/ or CLI11; lib/ holds folders and at most three
files at its top. Prints every breach as `path:line: message` and exits 1
when there is one, 0 otherwise.

    check_layers.py REPO
"""
import os
import re
import sys

# folder -> the folders its files may include (its own always allowed).
ALLOWED = {
    'base': [],
    'values': ['base'],
    'formats': ['base', 'values'],
    'engine': ['base', 'values', 'formats'],
    'store': ['base', 'values', 'formats', 'engine'],
    'render': ['base', 'values', 'formats', 'engine'],
    'commands': ['base', 'values', 'formats', 'engine', 'store', 'render'],
}
SQL_FOLDERS = {'store', 'commands'}
LOCAL = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
SYSTEM = re.compile(r'^\s*#\s*include\s+<([^>]+)>')


def check_file(rel, text, folder):
    """Yields (line number, message) for each breach in one file of lib/FOLDER."""
    for number, line in enumerate(text.splitlines(), 1):
        m = LOCAL.match(line)
        if m:
            target = m.group(1)
            parts = target.split('/')
            if len(parts) != 2:
                yield number, f'"{target}": include lib headers as "folder/file.hpp"'
                continue
            used = parts[0]
            if used == 'cli':
                yield number, f'"{target}": lib/ never includes cli/'
            elif used not in ALLOWED:
                yield number, f'"{target}": no folder lib/{used}/'
            elif used != folder and used not in ALLOWED[folder]:
                yield number, f'"{target}": {folder}/ may not include {used}/ (docs/ARCHITECTURE.md)'
        m = SYSTEM.match(line)
        if m:
            target = m.group(1)
            if target.startswith('CLI/'):
                yield number, f'<{target}>: CLI11 belongs to cli/'
            elif (target.startswith('SQLiteCpp') or target == 'sqlite3.h') and folder not in SQL_FOLDERS:
                yield number, f'<{target}>: SQLite belongs to store/ and commands/'


def main():
    repo = sys.argv[1]
    lib = os.path.join(repo, 'lib')
    breaches = []
    top_files = [x for x in os.listdir(lib) if os.path.isfile(os.path.join(lib, x))]
    if len(top_files) > 3:
        breaches.append(f'lib/: {len(top_files)} files at the top (at most 3): {", ".join(sorted(top_files))}')
    for entry in sorted(os.listdir(lib)):
        path = os.path.join(lib, entry)
        if os.path.isdir(path) and entry not in ALLOWED:
            breaches.append(f'lib/{entry}/: not a folder of docs/ARCHITECTURE.md')
    for dirpath, _, names in os.walk(lib):
        for name in sorted(names):
            if not name.endswith(('.hpp', '.cpp')):
                continue
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, repo)
            folder = os.path.relpath(dirpath, lib).split(os.sep)[0]
            if folder not in ALLOWED:
                continue
            with open(full, encoding='utf-8') as f:
                text = f.read()
            for number, message in check_file(rel, text, folder):
                breaches.append(f'{rel}:{number}: {message}')
    for b in breaches:
        print(b)
    if breaches:
        print(f'{len(breaches)} include(s) against the direction of docs/ARCHITECTURE.md')
        return 1
    print('include direction: ok')
    return 0


if __name__ == '__main__':
    sys.exit(main())
