#!/usr/bin/python3
"""Concurrency (docs/reliability.md): two processes writing one database at
once. Each writer either waits for the other (busy timeout 5 s) and then
succeeds, or exits 4 with "database is busy" and writes nothing; readers are
never blocked; afterwards the database passes `PRAGMA integrity_check` and
holds exactly the files that were reported as imported.

Scenarios:
 1. a lock held longer than the timeout (by a plain SQLite connection): the
    import exits 4 after about 5 s, "database is busy", nothing written;
 2. a lock held shorter than the timeout: the import waits, then succeeds;
 3. two imports of different files into the same round, the first large
    enough to hold the write lock for a while;
 4. an import and an `init` of another round;
 5. an import and an `allocate` of another round;
 6. a reader (`status`) while a large import writes: it answers at once
    (and the database, its WAL and its index have mode 0600);
 7. several `init`s at once on a database that does not exist yet (the
    first commands on a new file race to create the schema): every one waits
    and succeeds.

Arguments: --binary, --repo, --work (as tests/CMakeLists.txt passes them)."""
import argparse, os, shutil, sqlite3, subprocess, sys, threading, time

failures = []
ENV = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "TZ": "UTC"}
ENV.pop("COMPETITION_DB", None)
BUSY = "database is busy"


def fail(what):
    failures.append(what)
    print("FAIL:", what, flush=True)


def check(cond, what):
    if not cond:
        fail(what)
    return cond


def query(db, sql, *params):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def count(db, table, round_id):
    return query(db, f"SELECT COUNT(*) FROM {table} WHERE round_id = ?", round_id)[0][0]


def start(binary, db, *args, cwd):
    return subprocess.Popen([binary, "--lang", "en", "--db", db, "-q", *args], cwd=cwd, env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(p):
    out, err = p.communicate(timeout=300)
    return p.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def must(binary, db, *args, cwd):
    code, out, err = finish(start(binary, db, *args, cwd=cwd))
    if code != 0:
        sys.exit(f"setup failed: {' '.join(args)}: exit {code}\n{out}{err}")


def waited_or_busy(what, code, err):
    """A writer that met another: it waited and succeeded, or gave up with exit 4 and a clear message."""
    if code == 0:
        return True
    check(code == 4 and BUSY in err, f"{what}: exit {code}, expected 0 or 4 with \"{BUSY}\": {err[:300]}")
    return False


def intact(db, what):
    check(query(db, "PRAGMA integrity_check") == [("ok",)], f"{what}: integrity_check is not ok")


def wait_for_wal(db, p, timeout=60):
    """Until the process has begun writing (its WAL grows), so that it holds the write lock."""
    end = time.monotonic() + timeout
    while p.poll() is None and time.monotonic() < end:
        if os.path.exists(db + "-wal") and os.path.getsize(db + "-wal") > 0:
            return True
        time.sleep(0.002)
    return False


def hold_lock(db, seconds, ready):
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("BEGIN IMMEDIATE")
    ready.set()
    time.sleep(seconds)
    con.execute("ROLLBACK")
    con.close()


def fresh(work, name):
    db = os.path.join(work, name)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    return db


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--rows", type=int, default=100_000)
    a = ap.parse_args()
    binary, repo, work = os.path.abspath(a.binary), os.path.abspath(a.repo), os.path.abspath(a.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    sys.path.insert(0, os.path.join(repo, "tests", "bench"))
    from gen_big_round import write_round
    started = time.monotonic()
    big = write_round(os.path.join(work, "big"), a.rows, round_id="big", prefix="B")
    other = write_round(os.path.join(work, "other"), 2_000, round_id="big", prefix="C", seed=7)
    small = write_round(os.path.join(work, "small"), 300, round_id="small", prefix="S", seed=11)
    rows_other = 2_000

    # 1. A lock held past the timeout: exit 4, after waiting about 5 s, nothing written.
    db = fresh(work, "held.db")
    must(binary, db, "init", "rules.toml", cwd=big)
    ready = threading.Event()
    holder = threading.Thread(target=hold_lock, args=(db, 8.0, ready))
    holder.start()
    ready.wait()
    t0 = time.monotonic()
    code, out, err = finish(start(binary, db, "import", "applications", "applications.csv", cwd=other))
    waited = time.monotonic() - t0
    holder.join()
    check(code == 4, f"1: import against a lock held for 8 s: exit {code}, expected 4: {err[:300]}")
    check(BUSY in err, f"1: stderr does not say \"{BUSY}\": {err[:300]}")
    check(4.5 <= waited < 8.0, f"1: gave up after {waited:.1f} s, expected after the 5 s busy timeout")
    check(count(db, "applications", "big") == 0, "1: rows were written although the import failed")
    intact(db, "1")
    print(f"1. lock held 8 s: exit {code} after {waited:.1f} s: {err.strip()}", flush=True)

    # 2. A lock held shorter than the timeout: the import waits, then succeeds.
    ready = threading.Event()
    holder = threading.Thread(target=hold_lock, args=(db, 1.5, ready))
    holder.start()
    ready.wait()
    t0 = time.monotonic()
    code, out, err = finish(start(binary, db, "import", "applications", "applications.csv", cwd=other))
    waited = time.monotonic() - t0
    holder.join()
    check(code == 0, f"2: import against a lock held for 1.5 s: exit {code}, expected 0: {err[:300]}")
    check(waited >= 1.4, f"2: finished after {waited:.1f} s although the lock was held 1.5 s")
    check(count(db, "applications", "big") == rows_other, "2: the import did not store its rows")
    intact(db, "2")
    print(f"2. lock held 1.5 s: exit {code} after {waited:.1f} s", flush=True)

    # 3. Two imports of different files into the same round.
    db = fresh(work, "two.db")
    must(binary, db, "init", "rules.toml", cwd=big)
    first = start(binary, db, "import", "applications", "applications.csv", cwd=big)
    check(wait_for_wal(db, first), "3: the large import never started writing")
    second = start(binary, db, "import", "applications", "applications.csv", cwd=other)
    c1, _, e1 = finish(first)
    c2, _, e2 = finish(second)
    check(c1 == 0, f"3: the first import: exit {c1}: {e1[:300]}")
    second_in = waited_or_busy("3: the second import", c2, e2)
    expected = a.rows + (rows_other if second_in else 0)
    got = count(db, "applications", "big")
    check(got == expected, f"3: {got} applications stored, expected {expected}")
    intact(db, "3")
    print(f"3. two imports: exits {c1} and {c2}; {got} applications", flush=True)

    # 4. An import and an init of another round.
    db = fresh(work, "init.db")
    must(binary, db, "init", "rules.toml", cwd=big)
    first = start(binary, db, "import", "applications", "applications.csv", cwd=big)
    check(wait_for_wal(db, first), "4: the large import never started writing")
    second = start(binary, db, "init", "rules.toml", cwd=small)
    c1, _, e1 = finish(first)
    c2, _, e2 = finish(second)
    check(c1 == 0, f"4: the import: exit {c1}: {e1[:300]}")
    init_in = waited_or_busy("4: init", c2, e2)
    rounds = {r[0] for r in query(db, "SELECT id FROM rounds")}
    check(rounds == ({"big", "small"} if init_in else {"big"}), f"4: rounds {sorted(rounds)} after init exit {c2}")
    check(count(db, "applications", "big") == a.rows, "4: the import is incomplete")
    intact(db, "4")
    print(f"4. import and init: exits {c1} and {c2}; rounds {sorted(rounds)}", flush=True)

    # 5. An import and an allocate of another round (when allocate exists).
    if subprocess.run([binary, "allocate", "--help"], env=ENV, capture_output=True).returncode == 0:
        db = fresh(work, "alloc.db")
        must(binary, db, "init", "rules.toml", cwd=big)
        must(binary, db, "init", "rules.toml", cwd=small)
        for kind in ("applications", "reviewers", "reviews"):
            must(binary, db, "--round", "small", "import", kind, f"{kind}.csv", cwd=small)
        must(binary, db, "--round", "small", "score", cwd=small)
        first = start(binary, db, "--round", "big", "import", "applications", "applications.csv", cwd=big)
        check(wait_for_wal(db, first), "5: the large import never started writing")
        second = start(binary, db, "--round", "small", "allocate", cwd=small)
        c1, _, e1 = finish(first)
        c2, _, e2 = finish(second)
        check(c1 == 0, f"5: the import: exit {c1}: {e1[:300]}")
        allocated = waited_or_busy("5: allocate", c2, e2)
        stage, log_count = query(db, "SELECT stage, log_count FROM rounds WHERE id = 'small'")[0]
        allocations = count(db, "allocations", "small")
        if allocated:
            check((stage, log_count, allocations) == ("allocated", 1, 300),
                  f"5: after allocate: stage {stage}, {log_count} log entries, {allocations} allocations")
        else:
            check((stage, log_count, allocations) == ("scored", 0, 0),
                  f"5: after a busy allocate: stage {stage}, {log_count} log entries, {allocations} allocations")
        check(count(db, "applications", "big") == a.rows, "5: the import is incomplete")
        intact(db, "5")
        print(f"5. import and allocate: exits {c1} and {c2}; small is {stage}", flush=True)
    else:
        print("5. allocate: not available; skipped", flush=True)

    # 6. A reader during a large write answers at once, from the last committed state.
    db = fresh(work, "read.db")
    must(binary, db, "init", "rules.toml", cwd=big)
    writer = start(binary, db, "import", "applications", "applications.csv", cwd=big)
    check(wait_for_wal(db, writer), "6: the large import never started writing")
    for suffix in ("", "-wal", "-shm"):  # private from the start, the WAL and its index too
        if os.path.exists(db + suffix):
            mode = os.stat(db + suffix).st_mode & 0o777
            check(mode & 0o077 == 0, f"6: {os.path.basename(db + suffix)} has mode {oct(mode)}, expected 0600")
    t0 = time.monotonic()
    code, out, err = finish(start(binary, db, "status", "--json", cwd=work))
    took = time.monotonic() - t0
    writer_running = writer.poll() is None
    cw, _, ew = finish(writer)
    check(code == 0, f"6: status during an import: exit {code}: {err[:300]}")
    check(took < 2.0 or not writer_running, f"6: status took {took:.1f} s during an import (readers must not wait)")
    check('"applications":0' in out.replace(" ", ""), f"6: status saw uncommitted rows: {out[:300]}")
    check(cw == 0, f"6: the import: exit {cw}: {ew[:300]}")
    print(f"6. status during an import: exit {code} in {took:.2f} s", flush=True)

    # 7. Several inits at once on a new database: each waits for the schema, none fails
    # (the switch to WAL and the first read of a file being switched used to return
    # "database is busy" at once, in about 1 of 100 inits: 40 rounds of 4 show it).
    for attempt in range(40):
        db = fresh(work, f"new{attempt}.db")
        dirs = []
        for k in range(4):
            d = os.path.join(work, f"r{attempt}-{k}")
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, "rules.toml"), "w", encoding="utf-8") as f:
                f.write(f'[competition]\nid = "r{k}"\ntitle = "R"\nyear = 2025\nbudget = 1000\n\n'
                        '[[criteria]]\nid = "q"\nweight = 1\nmin = 0\nmax = 10\n')
            dirs.append(d)
        procs = [start(binary, db, "init", "rules.toml", cwd=d) for d in dirs]
        results = [finish(p) for p in procs]
        for k, (code, _, err) in enumerate(results):
            check(code == 0, f"7.{attempt}: init r{k} on a new database: exit {code}: {err[:300]}")
        made = {r[0] for r in query(db, "SELECT id FROM rounds")}
        expected = {f"r{k}" for k, (code, _, _) in enumerate(results) if code == 0}
        check(made == expected, f"7.{attempt}: rounds {sorted(made)}, expected {sorted(expected)}")
        intact(db, f"7.{attempt}")
    print("7. four inits at once on a new database, 40 times", flush=True)

    print(f"concurrency: {len(failures)} failures, {time.monotonic() - started:.0f} s")
    shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
