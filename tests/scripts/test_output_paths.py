#!/usr/bin/python3
"""docs/reliability.md "Output paths": what `-o PATH`, `export pabulib PATH`,
`export bundle PATH` and standard output do with the file system.

 1. an output path that is the database, its -wal/-shm/-journal, or the same
    file by another name (symlink, hard link, ./name) is refused, exit 2, the
    database unchanged;
 2. the temporary file is not predictable: a symbolic link planted at the old
    name `OUT.tmp-<pid>` (the pid is known: planted just before exec) is not
    followed;
 3. a FIFO and a device are written through, a symbolic link's target is
    replaced (the link stays), a 0600 file stays 0600, a new file gets the umask;
 4. `export pabulib` on a full file system (a tmpfs, as root only) exits 4 and
    leaves the old file whole; `-o` on /dev/full exits 4;
 5. standard output: /dev/full and a closed stdout exit 4 with a message;
17. the message says why (errno text); an xlsx into a missing directory has
    no libxlsxwriter `[ERROR]` line; a killed `export bundle`'s hidden
    temporary directory is removed by the next export (only its own).

Arguments: --binary, --repo, --work (as tests/CMakeLists.txt passes them)."""
import os, shutil, stat, subprocess, sys, threading
import script_args

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


ENV = {**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"}


def run(binary, db, *args, code=None, **kw):
    r = subprocess.run([binary, "--lang", "en", "--db", db, *args], capture_output=True, env=ENV, **kw)
    if code is not None and r.returncode != code:
        failures.append(f"{' '.join(args)}: exit {r.returncode}, expected {code}\n{r.stdout!r}{r.stderr.decode()}")
    return r


def read(path):
    with open(path, "rb") as f:
        return f.read()


def setup(binary, repo, work):
    db = os.path.join(work, "c.db")
    ex = os.path.join(repo, "examples", "kharkiv-esm")
    for args in (("init", os.path.join(ex, "rules.toml")), ("import", "applications", os.path.join(ex, "applications.csv")),
                 ("import", "reviewers", os.path.join(ex, "reviewers.csv")),
                 ("import", "reviews", os.path.join(ex, "reviews.csv")), ("score", "-q"), ("allocate", "-q"),
                 ("import", "history", os.path.join(ex, "history.csv"))):
        r = subprocess.run([binary, "--lang", "en", "--db", db, *args], capture_output=True, env=ENV)
        if r.returncode != 0:
            sys.exit(f"setup failed: {' '.join(args)}: exit {r.returncode}\n{r.stderr.decode()}")
    return db


def database_outputs(binary, work, db):
    before = read(db)
    link = os.path.join(work, "link.db")
    os.symlink("c.db", link)
    hard = os.path.join(work, "hard.db")
    os.link(db, hard)
    for out in (db, db + "-wal", db + "-shm", db + "-journal", link, hard, os.path.join(work, ".", "c.db"),
                os.path.join(work, "sub", "..", "c.db")):
        os.makedirs(os.path.join(work, "sub"), exist_ok=True)
        for args in (("report", "-o", out), ("status", "--json", "-o", out), ("export", "pabulib", out),
                     ("export", "bundle", out), ("report", "--format", "xlsx", "-o", out),
                     ("ledger", "--format", "xlsx", "-o", out), ("ledger", "-o", out)):
            r = run(binary, db, *args, code=2)
            check(b"database" in r.stderr, f"{' '.join(args)}: message does not say it is the database: {r.stderr!r}")
    # SQLite names the WAL after the path it opened: `--db link.db` or `--db hard.db`, output onto c.db's
    # companions (or hard.db's) is refused all the same.
    for other, out in ((link, db + "-wal"), (hard, db + "-wal"), (hard, db + "-shm"), (db, hard + "-journal")):
        r = run(binary, other, "report", "-o", out, code=2)
        check(b"database" in r.stderr, f"--db {other} report -o {out}: {r.stderr!r}")
    check(read(db) == before, "the database changed")
    check(os.path.islink(link) and os.stat(hard).st_nlink == 2, "the links changed")
    os.unlink(link)
    os.unlink(hard)


def planted_temporary(binary, work, db):
    victim = os.path.join(work, "victim.txt")
    with open(victim, "w") as f:
        f.write("precious\n")
    out = os.path.join(work, "planted.txt")

    def plant():  # runs in the child between fork and exec: the pid stays the same
        os.symlink(victim, f"{out}.tmp-{os.getpid()}")

    r = subprocess.run([binary, "--lang", "en", "--db", db, "status", "-o", out], capture_output=True, env=ENV, preexec_fn=plant)
    check(r.returncode == 0, f"status -o with a planted link: exit {r.returncode} {r.stderr!r}")
    check(read(victim) == b"precious\n", "the planted symbolic link was followed: victim.txt overwritten")
    check(os.path.isfile(out) and not os.path.islink(out) and len(read(out)) > 0, "no output written")
    for name in os.listdir(work):
        if name.startswith("planted.txt.tmp-"):
            os.unlink(os.path.join(work, name))  # the planted link itself
    for name in os.listdir(work):
        if name.startswith(".planted.txt.tmp-"):
            failures.append(f"temporary file left behind: {name}")


def write_through(binary, work, db):
    # A FIFO: the reader gets the text; the FIFO stays a FIFO. The reader is
    # opened first, non-blocking, so that nothing waits if the FIFO is replaced
    # (a small output fits the pipe's buffer).
    fifo = os.path.join(work, "fifo")
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    run(binary, db, "status", "--json", "-o", fifo, code=0)
    try:
        got = os.read(reader, 1 << 16)
    except BlockingIOError:
        got = b""
    os.close(reader)
    check(stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced")
    check(got.startswith(b"{"), f"the FIFO's reader got {got!r}")
    # A link through /proc to standard output (as /dev/stdout is; a link of our
    # own, since the old code, run as root, replaced /dev/stdout itself): written
    # through, so the output reaches the pipe.
    stdout_link = os.path.join(work, "stdout")
    os.symlink("/proc/self/fd/1", stdout_link)
    r = run(binary, db, "status", "--json", "-o", stdout_link, code=0)
    check(r.stdout.startswith(b"{"), f"-o /proc/self/fd/1: {r.stdout!r}")
    check(os.path.islink(stdout_link), "the link to /proc/self/fd/1 was replaced")
    # Devices: written through, never replaced. As root the old code would have
    # replaced /dev/null itself, so root uses device nodes made in the work directory.
    null, full = "/dev/null", "/dev/full"
    if os.geteuid() == 0:
        null, full = os.path.join(work, "null"), os.path.join(work, "full")
        try:
            os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
            os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
        except OSError:
            print("note: device cases skipped (mknod not allowed)")
            return
    run(binary, db, "status", "-o", null, code=0)
    check(stat.S_ISCHR(os.lstat(null).st_mode), f"{null} was replaced")
    r = run(binary, db, "report", "-o", full, code=4)
    check(b"No space left on device" in r.stderr, f"-o {full}: no reason given: {r.stderr!r}")
    check(stat.S_ISCHR(os.lstat(full).st_mode), f"{full} was replaced")


def links_and_modes(binary, work, db):
    target = os.path.join(work, "target.txt")
    with open(target, "w") as f:
        f.write("old\n")
    link = os.path.join(work, "link.txt")
    os.symlink("target.txt", link)
    run(binary, db, "status", "--json", "-o", link, code=0)
    check(os.path.islink(link) and os.readlink(link) == "target.txt", "the symbolic link was replaced")
    check(read(target).startswith(b"{"), "the link's target was not written")
    # A dangling link: its target is created.
    dangling = os.path.join(work, "dangling.txt")
    os.symlink("made.txt", dangling)
    run(binary, db, "status", "-o", dangling, code=0)
    check(os.path.islink(dangling) and os.path.isfile(os.path.join(work, "made.txt")), "a dangling link's target")

    private = os.path.join(work, "minutes.md")
    with open(private, "w") as f:
        f.write("old\n")
    os.chmod(private, 0o600)
    run(binary, db, "minutes", "--date", "2026-03-10", "-o", private, code=0)
    check(stat.S_IMODE(os.stat(private).st_mode) == 0o600,
          f"a 0600 file became {oct(stat.S_IMODE(os.stat(private).st_mode))}")
    check(read(private).startswith(b"# "), "the minutes were not written")
    os.chmod(private, 0o640)
    run(binary, db, "export", "pabulib", private, code=0)
    check(stat.S_IMODE(os.stat(private).st_mode) == 0o640, "export pabulib changed a 0640 file's mode")

    fresh = os.path.join(work, "fresh.txt")
    r = subprocess.run(["/bin/sh", "-c", 'umask 027 && exec "$0" --lang en --db "$1" status -o "$2"', binary, db, fresh],
                       capture_output=True, env=ENV)
    check(r.returncode == 0, f"umask 027: exit {r.returncode}")
    check(stat.S_IMODE(os.stat(fresh).st_mode) == 0o640,
          f"a new file under umask 027 is {oct(stat.S_IMODE(os.stat(fresh).st_mode))}, expected 0o640")
    r = subprocess.run(["/bin/sh", "-c", 'umask 022 && exec "$0" --lang en --db "$1" report --format xlsx -o "$2"', binary, db,
                        os.path.join(work, "fresh.xlsx")], capture_output=True, env=ENV)
    check(r.returncode == 0, f"xlsx: exit {r.returncode} {r.stderr!r}")
    check(stat.S_IMODE(os.stat(os.path.join(work, "fresh.xlsx")).st_mode) == 0o644, "a new workbook under umask 022")


def messages(binary, work, db):
    missing = os.path.join(work, "no-such-dir", "r.txt")
    r = run(binary, db, "report", "-o", missing, code=4)
    check(r.stderr.decode().strip().endswith(": cannot write the output file: No such file or directory"),
          f"-o into a missing directory: {r.stderr!r}")
    r = run(binary, db, "report", "--format", "xlsx", "-o", missing + ".xlsx", code=4)
    check(b"[ERROR]" not in r.stderr and b"permissions" not in r.stderr and b"No such file or directory" in r.stderr,
          f"xlsx into a missing directory: {r.stderr!r}")
    r = run(binary, db, "export", "pabulib", missing, code=4)
    check(b"No such file or directory" in r.stderr, f"export pabulib into a missing directory: {r.stderr!r}")
    r = run(binary, db, "report", "-o", work, code=4)
    check(b"Is a directory" in r.stderr, f"-o a directory: {r.stderr!r}")


def standard_output(binary, work, db):
    with open("/dev/full", "wb") as full:
        r = subprocess.run([binary, "--lang", "en", "--db", db, "report", "--format", "json"], stdout=full, stderr=subprocess.PIPE,
                           env=ENV)
    check(r.returncode == 4, f"report --format json > /dev/full: exit {r.returncode}")
    check(b"standard output" in r.stderr and b"No space left on device" in r.stderr, f"/dev/full: {r.stderr!r}")
    # A closed standard output (`>&-`).
    r = subprocess.run(["/bin/sh", "-c", 'exec "$0" --lang en --db "$1" status >&-', binary, db], stderr=subprocess.PIPE,
                       env=ENV)
    check(r.returncode == 4, f"status with stdout closed: exit {r.returncode}")
    check(b"standard output" in r.stderr, f"closed stdout: {r.stderr!r}")
    # A small output buffered until exit is checked too.
    with open("/dev/full", "wb") as full:
        r = subprocess.run([binary, "--lang", "en", "--db", db, "status"], stdout=full, stderr=subprocess.PIPE, env=ENV)
    check(r.returncode == 4, f"status > /dev/full: exit {r.returncode}")
    # A writing command whose output fails after its transaction committed says the changes were recorded.
    for lang, app, want in (("uk", "A-001", "стандартний вивід: не вдається записати вивід: Bad file descriptor "
                                            "(зміни команди збережено)"),
                            ("en", "A-002", "standard output: cannot write the output: Bad file descriptor "
                                            "(the command's changes were recorded)")):
        r = subprocess.run(["/bin/sh", "-c", 'exec "$0" --db "$1" --lang "$2" withdraw "$3" --reason x >&-', binary, db,
                            lang, app], stderr=subprocess.PIPE, env=ENV)
        check(r.returncode == 4, f"withdraw with stdout closed: exit {r.returncode}")
        check(want in r.stderr.decode(), f"withdraw with stdout closed ({lang}): {r.stderr.decode()!r}")
        listed = run(binary, db, "decisions", "--format", "json", code=0)
        check(f'"{app}"'.encode() in listed.stdout, f"withdraw {app} with stdout closed was not recorded")
    # A command that changed nothing gets no such note.
    r = subprocess.run(["/bin/sh", "-c", 'exec "$0" --db "$1" --lang en status >&-', binary, db],
                       stderr=subprocess.PIPE, env=ENV)
    check(b"recorded" not in r.stderr, f"status with stdout closed: {r.stderr!r}")


def stale_bundle_temporaries(binary, work, db):
    parent = os.path.join(work, "bundles")
    os.makedirs(parent)
    stale = os.path.join(parent, ".b.tmp-abc123")  # what a killed export of `b` leaves
    os.makedirs(stale)
    with open(os.path.join(stale, "rules.toml"), "w") as f:
        f.write("partial")
    foreign = os.path.join(parent, ".b.tmp-zzzzzz")  # not ours: holds a file no bundle has
    os.makedirs(foreign)
    with open(os.path.join(foreign, "notes.txt"), "w") as f:
        f.write("keep")
    other = os.path.join(parent, ".c.tmp-abc123")  # another bundle's: left to that export
    os.makedirs(other)
    run(binary, db, "export", "bundle", os.path.join(parent, "b"), code=0)
    check(not os.path.exists(stale), "the stale temporary directory of a killed export was not removed")
    check(os.path.exists(foreign), "a directory holding other files was removed")
    check(os.path.exists(other), "another bundle's temporary directory was removed")
    check(sorted(os.listdir(parent)) == [".b.tmp-zzzzzz", ".c.tmp-abc123", "b"], f"left: {os.listdir(parent)}")


def written_while_storing(binary, repo, work, db):
    """`score -o PATH` and `allocate -o PATH` write their output while they store the
    result (cli/app EarlyOutput): the file is the output printed, a FIFO gets it only
    after the commit, and a failure of the file still comes after the note that the
    result was stored."""
    ex = os.path.join(repo, "examples", "kharkiv-esm")
    fresh = os.path.join(work, "early.db")
    for args in (("init", os.path.join(ex, "rules.toml")), ("import", "applications", os.path.join(ex, "applications.csv")),
                 ("import", "reviewers", os.path.join(ex, "reviewers.csv")),
                 ("import", "reviews", os.path.join(ex, "reviews.csv"))):
        run(binary, fresh, *args, code=0)
    # Each command: (its first run, a run again that stores, the same printed only, the stage after).
    commands = (("score", ["score"], ["score"], "scored"),
                ("allocate", ["allocate"], ["allocate", "--force"], "allocated"))
    for name, first, again, stage in commands:
        # The first run: its file cannot be made, the result is still stored.
        missing = os.path.join(work, "no-such-dir", f"{name}.csv")
        r = run(binary, fresh, *first, "--format", "csv", "-o", missing, code=4)
        check(r.stderr.decode().strip().endswith("No such file or directory (the command's changes were recorded)"),
              f"{name} -o into a missing directory: {r.stderr!r}")
        check(f'"stage":"{stage}"'.encode() in run(binary, fresh, "status", "--json", code=0).stdout.replace(b" ", b""),
              f"{name} -o into a missing directory did not store its result")
        # allocate --force --dry-run prints the decision --force stores (score on a
        # scored round stores it again).
        shown_args = again + (["--dry-run"] if name == "allocate" else [])
        for fmt in ("csv", "text", "md", "json"):
            path = os.path.join(work, f"{name}.{fmt}")
            run(binary, fresh, *again, "--format", fmt, "-o", path, code=0)
            shown = run(binary, fresh, *shown_args, "--format", fmt, code=0).stdout
            check(read(path) == shown, f"{name} --format {fmt} -o differs from what it prints")
        check([n for n in os.listdir(work) if ".tmp-" in n] == [], f"{name} -o left a temporary file")
        fifo = os.path.join(work, f"{name}.fifo")
        os.mkfifo(fifo)
        got = []
        reader = threading.Thread(target=lambda: got.append(read(fifo)))
        reader.start()
        run(binary, fresh, *again, "--format", "csv", "-o", fifo, code=0)
        reader.join()
        check(got == [read(os.path.join(work, f"{name}.csv"))], f"{name} -o FIFO got other bytes than the file")


def full_disk(binary, work, db):
    if os.geteuid() != 0 or not shutil.which("mount"):
        print("note: full-disk case skipped (needs root to mount a tmpfs)")
        return
    mnt = os.path.join(work, "small")
    os.makedirs(mnt)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt], capture_output=True).returncode != 0:
        print("note: full-disk case skipped (mount failed)")
        return
    try:
        old = os.path.join(mnt, "round.pb")
        with open(old, "wb") as f:
            f.write(b"OLD\n" * 1000)
        fd = os.open(os.path.join(mnt, "filler"), os.O_WRONLY | os.O_CREAT)  # fill what is left
        try:
            while os.write(fd, b"x" * 512) > 0:
                pass
        except OSError:
            pass
        os.close(fd)
        r = run(binary, db, "export", "pabulib", old, code=4)
        check(b"No space left on device" in r.stderr, f"full disk: {r.stderr!r}")
        check(read(old) == b"OLD\n" * 1000, "export pabulib on a full disk damaged the old file")
        r = run(binary, db, "report", "-o", old, code=4)
        check(read(old) == b"OLD\n" * 1000, "report -o on a full disk damaged the old file")
        check([n for n in os.listdir(mnt) if ".tmp-" in n] == [], "a temporary file was left on the full disk")
    finally:
        subprocess.run(["umount", mnt], capture_output=True)


def main():
    a = script_args.parse()
    db = setup(a.binary, a.repo, a.work)
    shutil.copyfile(db, db + ".orig")
    for case in (database_outputs, planted_temporary, write_through, links_and_modes, messages, standard_output,
                 stale_bundle_temporaries, written_while_storing, full_disk):
        for suffix in ("-wal", "-shm", "-journal"):  # each case on the same database, whatever the one before did
            if os.path.lexists(db + suffix):
                os.unlink(db + suffix)
        shutil.copyfile(db + ".orig", db)
        before = len(failures)
        try:
            if case is written_while_storing:
                case(a.binary, a.repo, a.work, db)
            else:
                case(a.binary, a.work, db)
        except OSError as e:  # a file a check expected is missing
            failures.append(f"{case.__name__}: {e}")
        print(f"{case.__name__}: {'ok' if len(failures) == before else 'FAILED'}")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
