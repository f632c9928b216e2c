-- Migration 7: reviewer assignment (docs/formats.md "reviewers.csv",
-- docs/cli.md "assign"). A reviewer may name the categories it knows
-- (canonical: trimmed, duplicates dropped, byte-sorted, `|`-separated) and a
-- capacity (the most applications it takes in the round; NULL: no limit).
ALTER TABLE reviewers ADD COLUMN categories TEXT NOT NULL DEFAULT '';
ALTER TABLE reviewers ADD COLUMN capacity INTEGER CHECK (capacity > 0);

-- The round's stored assignment: which reviewer reviews which application.
-- `audit` checks it against the last `assign` entry of the decision log.
CREATE TABLE assignments (
  round_id     TEXT NOT NULL,
  application  TEXT NOT NULL,
  reviewer     TEXT NOT NULL,
  PRIMARY KEY (round_id, application, reviewer),
  FOREIGN KEY (round_id, application) REFERENCES applications(round_id, id),
  FOREIGN KEY (round_id, reviewer) REFERENCES reviewers(round_id, id)
) STRICT, WITHOUT ROWID;

-- The decision log takes `assign` entries: its CHECK on `kind` is widened by
-- rebuilding the table (SQLite cannot alter a CHECK), rows, index and the
-- append-only triggers as they were.
DROP TRIGGER decision_log_no_update;
DROP TRIGGER decision_log_no_delete;
CREATE TABLE decision_log_new (
  seq          INTEGER PRIMARY KEY,
  round_id     TEXT NOT NULL REFERENCES rounds(id),
  kind         TEXT NOT NULL CHECK (kind IN ('allocate', 'withdraw', 'override', 'order', 'undo', 'assign')),
  payload      TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,            -- ISO 8601 UTC, e.g. 2026-03-02T10:15:00Z
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL UNIQUE
) STRICT;
INSERT INTO decision_log_new (seq, round_id, kind, payload, recorded_at, prev_hash, hash)
  SELECT seq, round_id, kind, payload, recorded_at, prev_hash, hash FROM decision_log;
DROP TABLE decision_log;
ALTER TABLE decision_log_new RENAME TO decision_log;
CREATE INDEX decision_log_round ON decision_log(round_id, seq);
CREATE TRIGGER decision_log_no_update BEFORE UPDATE ON decision_log
BEGIN
  SELECT RAISE(ABORT, 'decision_log is append-only: entries cannot be changed');
END;
CREATE TRIGGER decision_log_no_delete BEFORE DELETE ON decision_log
BEGIN
  SELECT RAISE(ABORT, 'decision_log is append-only: entries cannot be deleted');
END;
