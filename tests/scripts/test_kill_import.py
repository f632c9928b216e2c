#!/usr/bin/python3
"""Crash safety (docs/reliability.md): SIGKILL `competition import
applications` of a large round (100 000 rows) and `competition allocate` at
random moments, and check after each kill that the database is intact
(`PRAGMA integrity_check`), still opens with the tool, and holds either none
or all of the file's rows (for allocate: either the previous decision or the
complete new one, with a consistent decision log).

Also: the same import with a file size limit (RLIMIT_FSIZE, as a full disk
would) fails with exit 4, writes nothing, and the database stays intact.

Half of the kills fall anywhere in the measured duration of a full run, the
other half in its write phase (from the moment the WAL file starts growing,
measured on the full run), where a half-written transaction would show.

Arguments: --binary, --repo, --work (as tests/CMakeLists.txt passes them);
--seed to repeat a run, --kills (default 8 per command), --rows (default 100 000)."""
import argparse, os, random, resource, shutil, signal, sqlite3, subprocess, sys, time

failures = []
ENV = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "TZ": "UTC"}
ENV.pop("COMPETITION_DB", None)


def fail(what):
    failures.append(what)
    print("FAIL:", what, flush=True)


def query(db, sql, *params):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def settle(db):
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def must(binary, db, *args, cwd):
    r = subprocess.run([binary, "--lang", "en", "--db", db, "-q", *args], cwd=cwd, env=ENV, capture_output=True)
    if r.returncode != 0:
        sys.exit(f"setup failed: {' '.join(args)}: exit {r.returncode}\n{r.stdout.decode()}{r.stderr.decode()}")


def fresh_copy(src, dst):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(dst + suffix):
            os.remove(dst + suffix)
    shutil.copyfile(src, dst)


def wal_size(db):
    try:
        return os.path.getsize(db + "-wal")
    except OSError:
        return 0


def measure(binary, db, args, cwd):
    """Runs a command to the end; returns (duration, seconds until the WAL first grew)."""
    start = time.monotonic()
    p = subprocess.Popen([binary, "--lang", "en", "--db", db, "-q", *args], cwd=cwd, env=ENV,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    first_write = None
    while p.poll() is None:
        if first_write is None and wal_size(db) > 0:
            first_write = time.monotonic() - start
        time.sleep(0.002)
    duration = time.monotonic() - start
    if p.returncode != 0:
        sys.exit(f"{' '.join(args)}: exit {p.returncode}: {p.stderr.read().decode()}")
    return duration, first_write if first_write is not None else 0.0


def kill_at(binary, db, args, cwd, when):
    """Starts the command and SIGKILLs it at `when`: ("at", seconds after the start) or
    ("write", seconds after the WAL first grew). True when it was still running then."""
    p = subprocess.Popen([binary, "--lang", "en", "--db", db, "-q", *args], cwd=cwd, env=ENV,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    mode, delay = when
    if mode == "write":
        while p.poll() is None and wal_size(db) == 0:
            time.sleep(0.001)
    time.sleep(delay)
    still_running = p.poll() is None
    if still_running:
        p.kill()
    rc = p.wait()
    return still_running and rc == -9


def intact(binary, db, what):
    """integrity_check is ok and the tool itself opens the database again."""
    ok = True
    result = query(db, "PRAGMA integrity_check")
    if result != [("ok",)]:
        fail(f"{what}: integrity_check: {result[:3]}")
        ok = False
    r = subprocess.run([binary, "--lang", "en", "--db", db, "status", "--json"], env=ENV, capture_output=True)
    if r.returncode != 0:
        fail(f"{what}: `competition status` after the kill exited {r.returncode}: {r.stderr.decode()[:300]}")
        ok = False
    return ok


def moments(rng, kills, duration, first_write):
    """Half anywhere in the run, half in its write phase (timed from the moment
    the WAL starts growing, so that the variance of the parsing phase does not
    push the kill past the end)."""
    out = []
    for i in range(kills):
        if i % 2 == 0:
            out.append(("at", rng.uniform(0.0, duration)))
        else:
            out.append(("write", rng.uniform(0.0, max(duration - first_write, 0.001) * 0.9)))
    return out


def describe(when):
    return f"at {when[1]:.2f} s" if when[0] == "at" else f"{when[1]:.2f} s into the writes"


def kill_imports(binary, work, rnd, rows, kills, rng):
    base = os.path.join(work, "init.db")
    must(binary, base, "init", "rules.toml", cwd=rnd)
    settle(base)
    db = os.path.join(work, "import.db")
    fresh_copy(base, db)
    duration, first_write = measure(binary, db, ["import", "applications", "applications.csv"], rnd)
    full = query(db, "SELECT COUNT(*) FROM applications")[0][0]
    if full != rows:
        sys.exit(f"the full import stored {full} applications, expected {rows}")
    print(f"import applications ({rows} rows): {duration:.2f} s, writes from {first_write:.2f} s", flush=True)

    survived = 0
    for n, when in enumerate(moments(rng, kills, duration, first_write), 1):
        fresh_copy(base, db)
        killed = kill_at(binary, db, ["import", "applications", "applications.csv"], rnd, when)
        what = f"import kill {n} {describe(when)}"
        ok = intact(binary, db, what)
        apps = query(db, "SELECT COUNT(*) FROM applications")[0][0]
        orgs = query(db, "SELECT COUNT(*) FROM organisations")[0][0]
        if apps not in (0, rows):
            fail(f"{what}: {apps} applications stored, expected 0 or {rows}")
            ok = False
        if apps == 0 and orgs != 0:
            fail(f"{what}: {orgs} organisations stored without their applications")
            ok = False
        state = "none" if apps == 0 else "all"
        print(f"  {what}: {'killed' if killed else 'had finished'}, {state} of the rows", flush=True)
        if killed and ok:
            survived += 1
    # After the last kill the same command simply runs again to the end.
    fresh_copy(base, db)
    kill_at(binary, db, ["import", "applications", "applications.csv"], rnd, ("write", 0.0))
    r = subprocess.run([binary, "--lang", "en", "--db", db, "-q", "import", "applications", "applications.csv"], cwd=rnd, env=ENV,
                       capture_output=True)
    if r.returncode != 0 or query(db, "SELECT COUNT(*) FROM applications")[0][0] != rows:
        fail(f"re-running the import after a kill: exit {r.returncode} {r.stderr.decode()[:300]}")
    return survived


def full_disk(binary, work, rnd, rows):
    """A write that fails half way (the WAL may not grow past 2 MB) rolls back."""
    db = os.path.join(work, "full.db")
    fresh_copy(os.path.join(work, "init.db"), db)

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (2_000_000, 2_000_000))

    r = subprocess.run([binary, "--lang", "en", "--db", db, "import", "applications", "applications.csv"], cwd=rnd, env=ENV,
                       capture_output=True, text=True, preexec_fn=limit)
    what = "import with a 2 MB file size limit"
    message = r.stderr.strip()
    if r.returncode != 4 or "nothing was written" not in r.stderr:
        fail(f"{what}: exit {r.returncode}, expected 4 and \"nothing was written\": {r.stderr[:300]}")
    intact(binary, db, what)
    if query(db, "SELECT COUNT(*) FROM applications")[0][0] != 0:
        fail(f"{what}: rows were stored")
    r = subprocess.run([binary, "--lang", "en", "--db", db, "-q", "import", "applications", "applications.csv"], cwd=rnd, env=ENV,
                       capture_output=True, text=True)
    if r.returncode != 0 or query(db, "SELECT COUNT(*) FROM applications")[0][0] != rows:
        fail(f"{what}: the import without the limit then failed: exit {r.returncode} {r.stderr[:300]}")
    print(f"{what}: {message}", flush=True)


def log_state(db):
    entries = query(db, "SELECT seq, prev_hash, hash FROM decision_log ORDER BY seq")
    head = query(db, "SELECT stage, log_head, log_count FROM rounds")[0]
    allocs = query(db, "SELECT COUNT(*), COALESCE(SUM(award), 0) FROM allocations")[0]
    return entries, head, allocs


def awarded_of_last_entry(db):
    import json
    rows = query(db, "SELECT payload FROM decision_log ORDER BY seq DESC LIMIT 1")
    if not rows:
        return None
    awarded = json.loads(rows[0][0])["awarded"]
    whole, _, cents = awarded.partition(".")
    return int(whole) * 100 + int(cents or 0)


def check_decision(db, what, apps, previous):
    """Either the previous state or the complete new decision, with a consistent log."""
    entries, (stage, log_head, log_count), (alloc_rows, award_sum) = log_state(db)
    ok = True

    def bad(msg):
        nonlocal ok
        fail(f"{what}: {msg}")
        ok = False

    if len(entries) not in (len(previous), len(previous) + 1):
        bad(f"{len(entries)} decision log entries, expected {len(previous)} or {len(previous) + 1}")
    elif entries[:len(previous)] != previous:
        bad("the entries logged before the command changed")
    if log_count != len(entries):
        bad(f"rounds.log_count is {log_count} but the log holds {len(entries)} entries")
    if entries and log_head != entries[-1][2]:
        bad("rounds.log_head is not the hash of the last log entry")
    for a, b in zip(entries, entries[1:]):
        if b[1] != a[2]:
            bad(f"log entry {b[0]} does not link to entry {a[0]}")
    if not entries:
        if stage == "allocated" or alloc_rows != 0:
            bad(f"no decision logged, but stage {stage} and {alloc_rows} allocation rows")
    else:
        if stage != "allocated":
            bad(f"a decision is logged but the stage is {stage}")
        if alloc_rows != apps:
            bad(f"{alloc_rows} allocation rows, expected {apps} (one per application)")
        if awarded_of_last_entry(db) != award_sum:
            bad(f"the allocations award {award_sum} kopiykas, the last logged decision {awarded_of_last_entry(db)}")
    return ok, len(entries)


def kill_allocations(binary, work, rnd, rows, kills, rng):
    scored = os.path.join(work, "scored.db")
    must(binary, scored, "init", "rules.toml", cwd=rnd)
    for kind in ("applications", "reviewers", "reviews"):
        must(binary, scored, "import", kind, f"{kind}.csv", cwd=rnd)
    must(binary, scored, "score", cwd=rnd)
    settle(scored)
    allocated = os.path.join(work, "allocated.db")
    fresh_copy(scored, allocated)
    must(binary, allocated, "allocate", cwd=rnd)
    settle(allocated)
    previous = query(allocated, "SELECT seq, prev_hash, hash FROM decision_log ORDER BY seq")
    db = os.path.join(work, "allocate.db")
    plans = []
    for source, args in ((scored, ["allocate"]), (allocated, ["allocate", "--force"])):
        fresh_copy(source, db)
        duration, first_write = measure(binary, db, args, rnd)
        print(f"{' '.join(args)} ({rows} applications): {duration:.2f} s, writes from {first_write:.2f} s", flush=True)
        plans.append((source, args, moments(rng, (kills + 1) // 2, duration, first_write)))

    survived = 0
    n = 0
    for source, args, whens in plans:
        for when in whens[:kills - n if source is allocated else len(whens)]:
            n += 1
            first = source is scored
            fresh_copy(source, db)
            killed = kill_at(binary, db, args, rnd, when)
            what = f"{' '.join(args)} kill {n} {describe(when)}"
            ok = intact(binary, db, what)
            good, entries = check_decision(db, what, rows, [] if first else previous)
            state = "new decision" if entries == (1 if first else 2) else "previous state"
            print(f"  {what}: {'killed' if killed else 'had finished'}, {state}", flush=True)
            if killed and ok and good:
                survived += 1
    return survived


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--kills", type=int, default=8)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--allocate-rows", type=int, default=10_000)
    a = ap.parse_args()
    binary, repo, work = os.path.abspath(a.binary), os.path.abspath(a.repo), os.path.abspath(a.work)
    seed = a.seed if a.seed is not None else int(time.time())
    rng = random.Random(seed)
    print(f"seed {seed} (repeat with --seed {seed})", flush=True)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    sys.path.insert(0, os.path.join(repo, "tests", "bench"))
    from gen_big_round import write_round
    started = time.monotonic()

    big = write_round(os.path.join(work, "big"), a.rows, reviews_per_app=2)
    survived = kill_imports(binary, work, big, a.rows, a.kills, rng)
    full_disk(binary, work, big, a.rows)
    total = a.kills

    r = subprocess.run([binary, "allocate", "--help"], env=ENV, capture_output=True)
    if r.returncode == 0:
        small = write_round(os.path.join(work, "alloc"), a.allocate_rows, reviews_per_app=2)
        survived += kill_allocations(binary, work, small, a.allocate_rows, a.kills, rng)
        total += a.kills
    else:
        print("allocate: not available; only imports were killed")

    print(f"kill_import: {survived} kills survived of {total} attempted "
          f"(a kill that came after the command finished is checked but not counted), "
          f"{len(failures)} failures, {time.monotonic() - started:.0f} s")
    shutil.rmtree(work, ignore_errors=True)
    if failures:
        return 1
    if survived < total // 2:
        print(f"FAIL: only {survived} of {total} kills hit a running command (the machine is too fast for the "
              "measured durations?)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
