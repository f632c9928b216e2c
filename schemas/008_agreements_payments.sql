-- Migration 8: after the decision (docs/formats.md "agreements.csv",
-- "payments.csv", outcomes' `received_on`; docs/cli.md "ledger").
-- A winner's grant agreement: one per application, its number unique in the
-- round; `amount` in kopiykas as resolved at import (an empty cell is the award).
CREATE TABLE agreements (
  round_id     TEXT NOT NULL,
  application  TEXT NOT NULL,
  number       TEXT NOT NULL,
  signed_on    TEXT NOT NULL,            -- YYYY-MM-DD
  amount       INTEGER NOT NULL CHECK (amount >= 0),
  report_due   TEXT NOT NULL,            -- YYYY-MM-DD
  PRIMARY KEY (round_id, application),
  UNIQUE (round_id, number),
  FOREIGN KEY (round_id, application) REFERENCES applications(round_id, id)
) STRICT, WITHOUT ROWID;

-- Money paid under an agreement (a tranche) or returned (a refund), keyed by
-- the payment order's reference, unique in the round.
CREATE TABLE payments (
  round_id     TEXT NOT NULL,
  reference    TEXT NOT NULL,
  application  TEXT NOT NULL,
  paid_on      TEXT NOT NULL,            -- YYYY-MM-DD
  amount       INTEGER NOT NULL CHECK (amount > 0),
  kind         TEXT NOT NULL CHECK (kind IN ('payment', 'refund')),
  PRIMARY KEY (round_id, reference),
  FOREIGN KEY (round_id, application) REFERENCES applications(round_id, id)
) STRICT, WITHOUT ROWID;
CREATE INDEX payments_application ON payments(round_id, application);

-- The day the final report arrived (YYYY-MM-DD; NULL: not received).
ALTER TABLE outcomes ADD COLUMN received_on TEXT;

-- The decision log takes `money` entries (each import of agreements or
-- payments): its CHECK on `kind` is widened by rebuilding the table as
-- migration 7 did, rows, index and the append-only triggers as they were.
DROP TRIGGER decision_log_no_update;
DROP TRIGGER decision_log_no_delete;
CREATE TABLE decision_log_new (
  seq          INTEGER PRIMARY KEY,
  round_id     TEXT NOT NULL REFERENCES rounds(id),
  kind         TEXT NOT NULL CHECK (kind IN ('allocate', 'withdraw', 'override', 'order', 'undo', 'assign', 'money')),
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
