#!/usr/bin/python3
"""Migration 5 on a database as the version before it left one (docs/formats.md
"Databases made by an earlier version"): `audit` still vouches for a decision
recorded before the migration (exit 0, the old fingerprint), the stored values
are in canonical form afterwards, and without the hashes the migration keeps
the same audit finds the inputs changed (exit 1).

The old database is made from the example round (examples/kharkiv-esm, as the
earlier version had it: without the reviewers' categories and capacities and
the rules' [assignment] table, which came later): it is
allocated with this version, then its values are put back as they were typed
in applications.csv and reviewers.csv (seven date-times with `+02:00`, R-07's
conflicts out of byte order), the decision record is signed again over the
canonical CSV of those typed values (computed here from docs/bundle.md, with
the standard library only), the log entry and the round's head are rehashed,
and the schema is put back to version 4. That is what the earlier version
stored and signed for the same files: the rebuilt record has the fingerprint
it gave the example, sha256:8a8c294f….

Arguments: --binary, --repo, --work (as tests/CMakeLists.txt passes them)."""
import csv, hashlib, io, json, os, shutil, sqlite3, subprocess, sys
import script_args


def canon_json(v):
    # RFC 8785 for what a record holds (strings, integers, null, lists, objects).
    return json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canon_csv(rows):
    def cell(v):
        return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n\r') else v
    return "".join(",".join(cell(v) for v in row) + "\n" for row in rows).encode("utf-8")


def sha(b):
    return hashlib.sha256(b).hexdigest()


def read_csv(path):
    return list(csv.reader(io.StringIO(open(path, encoding="utf-8").read(), newline="")))


def main():
    a = script_args.parse()
    binary, work = a.binary, a.work
    # The example as the earlier version had it: reviewers without categories
    # and capacities, rules without the [assignment] table (both came later).
    ex = os.path.join(work, "example")
    os.makedirs(ex, exist_ok=True)
    source = os.path.join(a.repo, "examples", "kharkiv-esm")
    for name in ("applications.csv", "reviews.csv"):
        shutil.copy(os.path.join(source, name), ex)
    with open(os.path.join(ex, "reviewers.csv"), "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(r[:3] for r in read_csv(os.path.join(source, "reviewers.csv")))
    rules = open(os.path.join(source, "rules.toml"), encoding="utf-8").read()
    start = rules.index("\n[assignment]\n")
    with open(os.path.join(ex, "rules.toml"), "w", encoding="utf-8") as f:
        f.write(rules[:start] + rules[rules.index("\n\n", start + 1) + 1:])
    db = os.path.join(work, "old.db")
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "TZ": "UTC", "COMPETITION_DB": db,
           "COMPETITION_NOW": "2026-03-02T10:15:00Z"}

    def run(*args):
        return subprocess.run([binary, *args], env=env, cwd=work, capture_output=True, timeout=120)

    def must(*args):
        r = run(*args)
        if r.returncode != 0:
            sys.exit(f"setup failed: {' '.join(args)}: exit {r.returncode}\n{r.stdout.decode()}{r.stderr.decode()}")

    must("init", os.path.join(ex, "rules.toml"))
    for kind in ("applications", "reviewers", "reviews"):
        must("import", kind, os.path.join(ex, kind + ".csv"))
    must("score", "-q")
    must("allocate", "-q")
    must("export", "bundle", os.path.join(work, "bundle"))

    # The typed values, and the canonical CSV the earlier version hashed (the
    # bundle's with those cells as typed).
    typed_at = {r[0]: r[11].strip() for r in read_csv(os.path.join(ex, "applications.csv"))[1:]}
    typed_conflicts = {r[0]: "|".join(p.strip() for p in r[2].split("|") if p.strip())
                       for r in read_csv(os.path.join(ex, "reviewers.csv"))[1:]}
    apps = read_csv(os.path.join(work, "bundle", "applications.csv"))
    # The earlier version had no services (migration 10): its CSV had no such column.
    if "services" in apps[0]:
        drop = apps[0].index("services")
        apps = [r[:drop] + r[drop + 1:] for r in apps]
    revs = read_csv(os.path.join(work, "bundle", "reviewers.csv"))
    changed_at = {r[0]: typed_at[r[0]] for r in apps[1:] if r[11] != typed_at[r[0]]}
    changed_conflicts = {r[0]: typed_conflicts[r[0]] for r in revs[1:] if r[2] != typed_conflicts[r[0]]}
    if len(changed_at) != 7 or list(changed_conflicts) != ["R-07"]:
        sys.exit(f"FAIL: expected 7 date-times and R-07 to differ from their canonical forms: {changed_at} {changed_conflicts}")
    old_apps = [apps[0]] + [r[:11] + [typed_at[r[0]]] + r[12:] for r in apps[1:]]
    old_revs = [revs[0]] + [r[:2] + [typed_conflicts[r[0]]] for r in revs[1:]]

    con = sqlite3.connect(db)
    for i, at in changed_at.items():
        con.execute("UPDATE applications SET submitted_at = ? WHERE id = ?", (at, i))
    for i, c in changed_conflicts.items():
        con.execute("UPDATE reviewers SET conflicts = ? WHERE id = ?", (c, i))
    seq, rnd, kind, payload, recorded_at, prev = con.execute(
        "SELECT seq, round_id, kind, payload, recorded_at, prev_hash FROM decision_log ORDER BY seq DESC LIMIT 1").fetchone()
    record = json.loads(payload)
    del record["fingerprint"]
    record["inputs"]["applications.csv"] = sha(canon_csv(old_apps))
    record["inputs"]["reviewers.csv"] = sha(canon_csv(old_revs))
    old_fingerprint = "sha256:" + sha(canon_json(record).encode("utf-8"))
    record["fingerprint"] = old_fingerprint
    # The fingerprint the earlier version printed for the example (its docs/bundle.md):
    # the typed values rebuilt here are what it signed.
    if old_fingerprint != "sha256:8a8c294f1a8b94de89569ce26dd53390a7e7652ea2b319a66e6b42dd90be5b21":
        sys.exit(f"FAIL: the rebuilt old record has fingerprint {old_fingerprint}, not the earlier version's")
    link = {"kind": kind, "payload": record, "prev_hash": prev, "recorded_at": recorded_at, "round": rnd, "seq": seq}
    entry_hash = sha(canon_json(link).encode("utf-8"))
    trigger = con.execute("SELECT sql FROM sqlite_schema WHERE name = 'decision_log_no_update'").fetchone()[0]
    con.execute("DROP TRIGGER decision_log_no_update")
    con.execute("UPDATE decision_log SET payload = ?, hash = ? WHERE seq = ?", (canon_json(record), entry_hash, seq))
    con.execute(trigger)
    con.execute("UPDATE rounds SET log_head = ? WHERE id = ?", (entry_hash, rnd))
    con.execute("DROP TABLE signed_inputs")
    con.execute("DROP TABLE organisation_merges")
    con.execute("ALTER TABLE scores ADD COLUMN total_display TEXT")  # dropped by migration 6
    con.execute("DROP TABLE assignments")  # added by migration 7
    con.execute("ALTER TABLE reviewers DROP COLUMN categories")
    con.execute("ALTER TABLE reviewers DROP COLUMN capacity")
    con.execute("DROP TABLE agreements")  # added by migration 8
    con.execute("DROP TABLE payments")
    con.execute("ALTER TABLE outcomes DROP COLUMN received_on")
    con.execute("DROP TABLE check_facts")  # added by the migration of the cross-year checks' facts
    con.execute("DROP TABLE checked_rounds")
    con.execute("ALTER TABLE applications DROP COLUMN services")  # added by migration 10
    con.execute("DROP TABLE scored_inputs")  # added by migration 11
    con.commit()
    con.execute("PRAGMA user_version = 4")
    con.close()
    shutil.copy(db, os.path.join(work, "old-copy.db"))

    failures = []
    r = run("audit", "--lang", "en")
    out = r.stdout.decode()
    if r.returncode != 0 or "everything matches" not in out or old_fingerprint not in out:
        failures.append(f"audit after the migration: exit {r.returncode}, expected 0 with {old_fingerprint}\n{out}{r.stderr.decode()}")
    con = sqlite3.connect(db)
    # The last migration of schemas/ (NNN_name.sql), whatever its number.
    last = max(int(f[:3]) for f in os.listdir(os.path.join(a.repo, "schemas")) if f.endswith(".sql"))
    if con.execute("PRAGMA user_version").fetchone()[0] != last:
        failures.append(f"the database is not at version {last}")
    at = con.execute("SELECT submitted_at FROM applications WHERE id = 'A-022'").fetchone()[0]
    if at != "2018-02-05T10:05:00Z":
        failures.append(f"A-022 submitted_at: {at}")
    conflicts = con.execute("SELECT conflicts FROM reviewers WHERE id = 'R-07'").fetchone()[0]
    if conflicts != "35562101|ГО «Теплі обіди»":
        failures.append(f"R-07 conflicts: {conflicts}")
    con.close()

    # Without the hashes the migration kept, the old decision no longer checks.
    env["COMPETITION_DB"] = os.path.join(work, "old-copy.db")
    must("status", "-q")  # migrates
    con = sqlite3.connect(env["COMPETITION_DB"])
    con.execute("DELETE FROM signed_inputs")
    con.commit()
    con.close()
    r = run("audit", "--lang", "en")
    if r.returncode != 1 or "hash of applications.csv in the decision record" not in r.stdout.decode():
        failures.append(f"audit without signed_inputs: exit {r.returncode}, expected 1\n{r.stdout.decode()}")

    for f in failures:
        print("FAIL:", f)
    if failures:
        sys.exit(1)
    print("ok: an old decision audits after migration 5; without the kept hashes it does not")


main()
