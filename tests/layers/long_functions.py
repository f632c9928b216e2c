#!/usr/bin/env python3
"""The functions of lib/ and cli/ longer than a limit, listed.

CONTRIBUTING.md asks for functions a reader takes in at once: this lists
every function body in the .cpp files of lib/ and cli/ longer than LIMIT
lines (80 unless given), from the line of its name to its closing brace, as
`file:line name length`, longest first. A function kept whole on purpose says
why in a comment above it; this list is for finding them, not a test.

Bodies are found by balancing braces once comments, string and character
literals are blanked (line ends kept): a brace at namespace or class scope
whose head (the text since the last `;`, `{` or `}`) holds a `(` opens a
function, and everything inside it (lambdas, blocks) belongs to it.

    long_functions.py REPO [LIMIT]
"""
import os
import re
import sys

SKIPPED: set = set()  # every file of lib/ and cli/ is measured
SCOPE_WORDS = re.compile(r'\b(namespace|class|struct|union)\b')
NAME = re.compile(r'((?:[A-Za-z_~][A-Za-z_0-9]*(?:<[^()]*>)?::)*(?:operator\s*[^\s(]+|~?[A-Za-z_][A-Za-z_0-9]*))\s*\($')


def blank(text):
    """The text with comments and literals replaced by spaces, newlines kept."""
    out = []
    i, n = 0, len(text)

    def keep_lines(s):
        return ''.join(c if c == '\n' else ' ' for c in s)

    while i < n:
        c = text[i]
        if text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(keep_lines(text[i:j]))
            i = j
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(keep_lines(text[i:j]))
            i = j
        elif c == 'R' and text.startswith('"', i + 1) and not (i and (text[i - 1].isalnum() or text[i - 1] == '_')):
            open_paren = text.find('(', i + 2)
            delim = text[i + 2:open_paren]
            j = text.find(')' + delim + '"', open_paren)
            j = n if j < 0 else j + len(delim) + 2
            out.append(keep_lines(text[i:j]))
            i = j
        elif c == '"' or (c == "'" and not (i and text[i - 1].isalnum())):  # 1'000: a digit separator
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            j = min(j + 1, n)
            out.append(keep_lines(text[i:j]))
            i = j
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def function_name(head):
    """The name before the parameter list of a function head, or None."""
    head = re.sub(r'^\s*#.*$', '', head, flags=re.M)  # preprocessor lines
    depth, cut = 0, None
    for k, ch in enumerate(head):  # the first top-level `(`
        if ch == '(' and depth == 0:
            cut = k
            break
        if ch in '<[':
            depth += 1
        elif ch in '>]':
            depth = max(0, depth - 1)
    if cut is None:
        return None
    m = NAME.search(head[:cut + 1])
    if not m or m.group(1) in ('if', 'for', 'while', 'switch', 'catch', 'return', 'sizeof', 'decltype'):
        return None
    return re.sub(r'\s+', '', m.group(1))


def long_functions(path, limit):
    """Yields (line, name, length) of each function of one file over `limit` lines."""
    with open(path, encoding='utf-8') as f:
        text = blank(f.read())
    scopes = []  # 'ns' (namespace or class), 'func' or 'data', one per open brace
    starts = []  # for 'func': (line of its name, name)
    head_from = 0
    line = 1
    i = 0
    while i < len(text):
        c = text[i]
        if c == '\n':
            line += 1
        elif c in ';}' or (c == '{' and scopes and scopes[-1] != 'ns'):
            if c == '{':
                scopes.append(scopes[-1])
            elif c == '}' and scopes:
                kind = scopes.pop()
                if kind == 'func' and 'func' not in scopes:
                    name_line, name = starts.pop()
                    if line - name_line + 1 > limit:
                        yield name_line, name, line - name_line + 1
            head_from = i + 1
        elif c == '{':
            head = text[head_from:i]
            name = function_name(head)
            before = text[:i].rstrip()
            if name and re.search(r'\)\s*:', head) and before and (before[-1].isalnum() or before[-1] == '_'):
                # A member initialised with braces in a constructor's list: skip it.
                depth = 0
                for j in range(i, len(text)):
                    if text[j] == '\n':
                        line += 1
                    depth += {'{': 1, '}': -1}.get(text[j], 0)
                    if depth == 0:
                        i = j
                        break
            elif name and not SCOPE_WORDS.search(head.split('(')[0]):
                offset = len(head) - len(head.lstrip())
                name_at = head.find(name.split('::')[-1].split('<')[0], offset)
                starts.append((line - head[name_at:].count('\n'), name))
                scopes.append('func')
                head_from = i + 1
            else:
                scopes.append('ns' if SCOPE_WORDS.search(head) or 'extern' in head else 'data')
                head_from = i + 1
        i += 1


def main():
    repo = sys.argv[1] if len(sys.argv) > 1 else '.'
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 80
    found = []
    for top in ('lib', 'cli'):
        for folder, _, files in os.walk(os.path.join(repo, top)):
            for file in files:
                path = os.path.join(folder, file)
                rel = os.path.relpath(path, repo)
                if file.endswith('.cpp') and rel not in SKIPPED:
                    found += [(length, rel, line, name) for line, name, length in long_functions(path, limit)]
    for length, rel, line, name in sorted(found, key=lambda f: (-f[0], f[1], f[2])):
        print(f'{rel}:{line} {name} {length}')


if __name__ == '__main__':
    main()
