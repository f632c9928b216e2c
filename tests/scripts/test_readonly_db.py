#!/usr/bin/python3
"""Read-only databases (docs/reliability.md "Read-only databases"): an
auditor's copy of a round (a WAL-mode database, mode 0444, in a directory of
mode 0555) is read by every command that only reads, by a user who cannot
write either: `status`, `report`, `audit`, `audit history` (exit 1: the
example's history has differences), `minutes`, `decisions`, `export bundle`
and `export pabulib` exit 0, the database stays
byte for byte as it was and no -wal or -shm file appears beside it; a writing
command (`score`) exits 4 saying the database is read-only.

Run as root, the commands run as `nobody` (setuid in the child); when that is
not possible the test prints SKIP and exits 77.

Arguments: --binary, --repo, --work (as tests/CMakeLists.txt passes them)."""
import argparse, hashlib, os, pwd, shutil, stat, subprocess, sys, tempfile

SKIP = 77
ENV = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "TZ": "UTC", "HOME": "/"}
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, flush=True)
    return cond


def run(binary, args, cwd, user=None):
    def drop():
        os.setgroups([])
        os.setgid(user.pw_gid)
        os.setuid(user.pw_uid)

    p = subprocess.run([binary, "--lang", "en", *args], cwd=cwd, env=ENV, capture_output=True,
                       preexec_fn=drop if user else None, timeout=300)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    binary, repo = os.path.abspath(a.binary), os.path.abspath(a.repo)
    ex = os.path.join(repo, "examples", "kharkiv-esm")

    user = None
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("nobody")
        except KeyError:
            print("SKIP: running as root and there is no user `nobody` to drop to")
            return SKIP
        # nobody must be able to run the binary (every directory above it searchable).
        if run("/usr/bin/test", ["-x", binary], "/", user)[0] != 0:
            print(f"SKIP: `nobody` cannot run {binary}")
            return SKIP

    # Under /tmp, searchable by everyone (the build tree may not be).
    top = tempfile.mkdtemp(prefix="competition-readonly-")
    try:
        os.chmod(top, 0o755)
        copy = os.path.join(top, "copy")
        os.makedirs(copy)
        db = os.path.join(copy, "c.db")
        for args in (["init", os.path.join(ex, "rules.toml")],
                     ["import", "applications", os.path.join(ex, "applications.csv")],
                     ["import", "reviewers", os.path.join(ex, "reviewers.csv")],
                     ["import", "reviews", os.path.join(ex, "reviews.csv")],
                     ["score"], ["allocate"],
                     ["import", "outcomes", os.path.join(ex, "outcomes.csv")],
                     ["import", "history", os.path.join(ex, "history.csv")]):
            code, out, err = run(binary, ["--db", db, "-q", *args], top)
            if code != 0:
                sys.exit(f"setup failed: {' '.join(args)}: exit {code}\n{err}")
        check(not os.path.exists(db + "-wal") and not os.path.exists(db + "-shm"),
              "setup: the last command left a -wal or -shm file")
        import sqlite3
        con = sqlite3.connect(db)
        check(con.execute("PRAGMA journal_mode").fetchone()[0] == "wal", "the database is not in WAL mode")
        con.close()
        for leftover in (db + "-wal", db + "-shm"):  # sqlite3's close removes them; be sure
            if os.path.exists(leftover):
                os.remove(leftover)
        os.chmod(db, 0o444)
        os.chmod(copy, 0o555)
        before = digest(db)

        out_dir = os.path.join(top, "out")  # where the auditor may write
        os.makedirs(out_dir)
        os.chmod(out_dir, 0o777)
        reads = [["status"], ["report"], ["report", "--format", "json"], ["audit"], ["audit", "history"],
                 ["minutes"], ["decisions"], ["export", "bundle", os.path.join(out_dir, "bundle")],
                 ["export", "pabulib", "-"]]
        for args in reads:
            code, out, err = run(binary, ["--db", db, *args], out_dir, user)
            # `audit history` finds the example's published differences (exit 1): it read them.
            ok = code == 0 or (args == ["audit", "history"] and code == 1)
            check(ok, f"{' '.join(args)} on a read-only database: exit {code}: {err[:300]}")
            check(out != "" or args[0] == "export", f"{' '.join(args)}: printed nothing")
        check(os.path.isfile(os.path.join(out_dir, "bundle", "manifest.json")), "export bundle wrote no manifest")

        code, out, err = run(binary, ["--db", db, "score"], out_dir, user)
        check(code == 4 and "read-only" in err, f"score on a read-only database: exit {code}: {err[:300]}")

        check(digest(db) == before, "the read-only database changed")
        check(sorted(os.listdir(copy)) == ["c.db"], f"files appeared beside the database: {os.listdir(copy)}")
        print(f"read-only database: {len(reads)} reading commands as {user.pw_name if user else 'this user'}, "
              f"{len(failures)} failures")
    finally:
        for root, dirs, _ in os.walk(top):
            for d in dirs:
                os.chmod(os.path.join(root, d), stat.S_IRWXU)
        shutil.rmtree(top, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
