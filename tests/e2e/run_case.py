#!/usr/bin/python3
"""Runs one end-to-end golden case (`.test` file), in the style of ledger's tests.

A case is a sequence of blocks run in order against one fresh temporary directory
(the working directory; the database is $TMP/competition.db via COMPETITION_DB):

    # a comment
    setup ARGS...            run `competition ARGS`; it must exit 0, output ignored
    sh COMMAND               run a shell command (bash); it must exit 0
    require PROGRAM          skip the case (exit 77) when PROGRAM is not on PATH
                             (e.g. `require sqlite3` before tampering with the database)
    env NAME=VALUE           set an environment variable for every command that
                             follows (setup, sh, test), e.g. COMPETITION_NOW to fix
                             the time the decision log records; VALUE is substituted
    snapshot                 remember a logical dump of the database
    unchanged                the database's logical dump equals the snapshot
    test ARGS... [-> CODE]   run `competition ARGS`; compare exit code (default 0),
    <expected stdout>        stdout, and stderr (after __ERROR__; without it,
    __ERROR__                stderr must be empty)
    <expected stderr>
    end test

ARGS are split like a shell would (shlex); $HERE (the case's folder), $REPO,
$EX (examples/kharkiv-esm), $TMP and $COMPETITION (the binary) are substituted.
Environment: TZ=UTC, LC_ALL=C.UTF-8, no terminal. `--update` rewrites the
expected blocks with the actual output (then read the diff before committing).
"""
import argparse, os, shlex, shutil, sqlite3, subprocess, sys, tempfile


def dump(db):
    if not os.path.exists(db):
        return "<no database>"
    con = sqlite3.connect(db)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("case")
    a = ap.parse_args()
    a.binary = os.path.abspath(a.binary)
    a.repo = os.path.abspath(a.repo)
    case = os.path.abspath(a.case)
    here = os.path.dirname(case)
    lines = open(case, encoding="utf-8").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    failures = []
    out_lines = []
    with tempfile.TemporaryDirectory(prefix="e2e-") as tmp:
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TZ": "UTC", "LC_ALL": "C.UTF-8",
               "LANG": "C.UTF-8", "HOME": tmp, "COMPETITION_DB": os.path.join(tmp, "competition.db")}
        subst = {"$HERE": here, "$REPO": a.repo, "$EX": os.path.join(a.repo, "examples", "kharkiv-esm"),
                 "$TMP": tmp, "$COMPETITION": a.binary}

        def expand(s):
            for k in sorted(subst, key=len, reverse=True):
                s = s.replace(k, subst[k])
            return s

        def run(args):
            return subprocess.run([a.binary] + [expand(x) for x in shlex.split(args)], cwd=tmp, env=env,
                                  capture_output=True)

        snap = None
        i = 0
        while i < len(lines):
            line = lines[i]
            where = f"{os.path.basename(case)}:{i + 1}"
            if line.startswith("setup "):
                r = run(line[6:])
                if r.returncode != 0:
                    failures.append(f"{where}: setup exited {r.returncode}\n{r.stdout.decode(errors='replace')}{r.stderr.decode(errors='replace')}")
                out_lines.append(line)
                i += 1
            elif line.startswith("sh "):
                r = subprocess.run(["bash", "-c", expand(line[3:])], cwd=tmp, env=env, capture_output=True)
                if r.returncode != 0:
                    failures.append(f"{where}: sh exited {r.returncode}\n{r.stdout.decode(errors='replace')}{r.stderr.decode(errors='replace')}")
                out_lines.append(line)
                i += 1
            elif line.startswith("require "):
                program = line[8:].strip()
                if shutil.which(program, path=env["PATH"]) is None:
                    print(f"skipped: {program} is not installed ({os.path.basename(case)})")
                    return 77
                out_lines.append(line)
                i += 1
            elif line.startswith("env "):
                name, eq, value = line[4:].partition("=")
                if not eq or not name.strip():
                    sys.exit(f"{where}: expected 'env NAME=VALUE'")
                env[name.strip()] = expand(value)
                out_lines.append(line)
                i += 1
            elif line == "snapshot":
                snap = dump(env["COMPETITION_DB"])
                out_lines.append(line)
                i += 1
            elif line == "unchanged":
                if snap is None:
                    failures.append(f"{where}: 'unchanged' without 'snapshot'")
                elif dump(env["COMPETITION_DB"]) != snap:
                    failures.append(f"{where}: the database changed")
                out_lines.append(line)
                i += 1
            elif line.startswith("test "):
                spec = line[5:]
                code = 0
                if " -> " in spec:
                    spec, c = spec.rsplit(" -> ", 1)
                    code = int(c)
                j = i + 1
                exp_out, exp_err, in_err = [], [], False
                while j < len(lines) and lines[j] != "end test":
                    if lines[j] == "__ERROR__":
                        in_err = True
                    elif in_err:
                        exp_err.append(lines[j])
                    else:
                        exp_out.append(lines[j])
                    j += 1
                if j == len(lines):
                    sys.exit(f"{where}: 'test' without 'end test'")
                r = run(spec)
                got_out = r.stdout.decode("utf-8", errors="replace").replace(os.path.realpath(tmp), "$TMP").replace(tmp, "$TMP")
                got_err = r.stderr.decode("utf-8", errors="replace").replace(os.path.realpath(tmp), "$TMP").replace(tmp, "$TMP")
                # Paths of the checkout differ between clones: show them as $HERE / $REPO.
                got_out = got_out.replace(here, "$HERE").replace(a.repo, "$REPO")
                got_err = got_err.replace(here, "$HERE").replace(a.repo, "$REPO")
                got_out_l = got_out.split("\n")
                if got_out_l and got_out_l[-1] == "":
                    got_out_l.pop()
                got_err_l = got_err.split("\n")
                if got_err_l and got_err_l[-1] == "":
                    got_err_l.pop()
                if r.returncode != code:
                    failures.append(f"{where}: exit code {r.returncode}, expected {code}\nstderr:\n{got_err}")
                if got_out_l != exp_out:
                    failures.append(f"{where}: stdout differs\n--- expected\n" + "\n".join(exp_out) + "\n--- got\n" + "\n".join(got_out_l))
                if got_err_l != exp_err:
                    failures.append(f"{where}: stderr differs\n--- expected\n" + "\n".join(exp_err) + "\n--- got\n" + "\n".join(got_err_l))
                head = "test " + spec + (f" -> {r.returncode}" if r.returncode != 0 else "")
                out_lines.append(head)
                out_lines.extend(got_out_l)
                if got_err_l:
                    out_lines.append("__ERROR__")
                    out_lines.extend(got_err_l)
                out_lines.append("end test")
                i = j + 1
            else:
                out_lines.append(line)
                i += 1
    if a.update:
        open(case, "w", encoding="utf-8").write("\n".join(out_lines) + "\n")
        print(f"updated {case}")
        return 0
    for f in failures:
        print(f, file=sys.stderr)
    if failures:
        print(f"FAILED: {len(failures)} problem(s) in {case}", file=sys.stderr)
        return 1
    print(f"ok: {case}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
