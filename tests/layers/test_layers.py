#!/usr/bin/env python3
"""CTest: lib/ keeps the include direction of docs/ARCHITECTURE.md.

Runs check_layers.py over the repository (must pass), then over a copy of
lib/ with wrong includes planted (engine/ including store/, values/ including
SQLite, render/ including commands/, anything including cli/): each must be
named with its file and line, and the check must fail.

    test_layers.py REPO
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK = os.path.join(HERE, 'check_layers.py')


def run(repo):
    p = subprocess.run([sys.executable, CHECK, repo], capture_output=True, text=True)
    return p.returncode, p.stdout


def main():
    repo = sys.argv[1]
    code, out = run(repo)
    if code != 0:
        print(out)
        print('FAIL: the repository breaks the include direction')
        return 1
    planted = {
        'lib/engine/allocation.cpp': ('#include "store/store.hpp"',
                                      'lib/engine/allocation.cpp:1: "store/store.hpp": engine/ may not include store/'),
        'lib/values/money.cpp': ('#include <SQLiteCpp/SQLiteCpp.h>',
                                 'lib/values/money.cpp:1: <SQLiteCpp/SQLiteCpp.h>: SQLite belongs to store/ and commands/'),
        'lib/render/render_score.cpp': ('#include "commands/audit.hpp"',
                                        'lib/render/render_score.cpp:1: "commands/audit.hpp": render/ may not include commands/'),
        'lib/store/store.cpp': ('#include "cli/app.hpp"', 'lib/store/store.cpp:1: "cli/app.hpp": lib/ never includes cli/'),
        'lib/formats/csv_reader.cpp': ('#include "engine/scoring.hpp"',
                                       'lib/formats/csv_reader.cpp:1: "engine/scoring.hpp": formats/ may not include engine/'),
    }
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(os.path.join(repo, 'lib'), os.path.join(tmp, 'lib'))
        for rel, (line, _) in planted.items():
            path = os.path.join(tmp, rel)
            with open(path, encoding='utf-8') as f:
                text = f.read()
            with open(path, 'w', encoding='utf-8') as f:
                f.write(line + '\n' + text)
        code, out = run(tmp)
        if code != 1:
            print(f'FAIL: planted wrong includes pass the check (exit {code})')
            failures += 1
        for rel, (_, expected) in planted.items():
            if expected not in out:
                print(f'FAIL: not reported: {expected}\n--- output:\n{out}')
                failures += 1
        if 'include(s) against the direction' not in out:
            failures += 1
    if failures:
        return 1
    print('include direction holds; 5 planted wrong includes are each reported')
    return 0


if __name__ == '__main__':
    sys.exit(main())
