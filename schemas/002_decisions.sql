-- Migration 2: the stored decision of `allocate` and the decision log.
-- Money is INTEGER kopiykas. Applied in a transaction; user_version = 2.

-- The latest allocation of each round (cli.md `allocate`): one row per
-- application, replaced as a whole by the next `allocate --force`. An auditor
-- can read it with sqlite3: `SELECT application, status, award / 100.0 FROM allocations`.
CREATE TABLE allocations (
  round_id     TEXT NOT NULL,
  application  TEXT NOT NULL,
  rank         INTEGER,                  -- the score rank; NULL for rejected and incomplete
  status       TEXT NOT NULL CHECK (status IN ('funded', 'partial', 'reserve', 'rejected', 'incomplete',
                                               'withdrawn', 'declined')),
  lot          TEXT,                     -- lot id, 'main', 'pool', or NULL without money
  award        INTEGER NOT NULL DEFAULT 0 CHECK (award >= 0),   -- kopiykas
  reasons      TEXT NOT NULL DEFAULT '', -- `|`-joined
  PRIMARY KEY (round_id, application),
  FOREIGN KEY (round_id, application) REFERENCES applications(round_id, id)
) STRICT, WITHOUT ROWID;

-- The decision log: append-only, one hash chain per round. `payload` is RFC 8785
-- canonical JSON (for `allocate`: the decision record with its fingerprint);
-- `hash` is the hex SHA-256 of the canonical JSON object
-- {"kind", "payload" (the payload as a JSON value), "prev_hash", "recorded_at",
-- "round", "seq"}; `prev_hash` is the hash of the round's previous entry, or 64
-- zeros for its first.
CREATE TABLE decision_log (
  seq          INTEGER PRIMARY KEY,
  round_id     TEXT NOT NULL REFERENCES rounds(id),
  kind         TEXT NOT NULL CHECK (kind IN ('allocate', 'withdraw', 'override', 'order', 'undo')),
  payload      TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,            -- ISO 8601 UTC, e.g. 2026-03-02T10:15:00Z
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX decision_log_round ON decision_log(round_id, seq);

-- Append-only. (Whoever can write the file can drop these triggers; `audit`
-- verifies the chain and the round's head regardless.)
CREATE TRIGGER decision_log_no_update BEFORE UPDATE ON decision_log
BEGIN
  SELECT RAISE(ABORT, 'decision_log is append-only: entries cannot be changed');
END;
CREATE TRIGGER decision_log_no_delete BEFORE DELETE ON decision_log
BEGIN
  SELECT RAISE(ABORT, 'decision_log is append-only: entries cannot be deleted');
END;

-- The hash and count of the round's last log entry, so that deleting the newest
-- entry is caught too.
ALTER TABLE rounds ADD COLUMN log_head TEXT;
ALTER TABLE rounds ADD COLUMN log_count INTEGER NOT NULL DEFAULT 0;
