-- Migration 9: the facts of the cross-year checks (year.md §5, docs/rules.md
-- "checks"), stored with the scores so that `allocate` and `audit` decide from
-- what `score` saw, whatever is imported into the earlier rounds later.

-- A round scored with checks that read earlier rounds: `log_seq` is the
-- decision log's last seq at that `score` (0 when empty), so that today's
-- facts are gathered from the same earlier rounds (an allocation of the same
-- year counts when recorded before the score).
CREATE TABLE checked_rounds (
  round_id  TEXT PRIMARY KEY REFERENCES rounds(id),
  log_seq   INTEGER NOT NULL CHECK (log_seq >= 0)
) STRICT, WITHOUT ROWID;

-- Each earlier winner the checks used (the rows of the bundle's history.json):
-- its organisation's identity key (`code:ЄДРПОУ` or `name:` and the name key),
-- its title key and its report as of the cut-off.
CREATE TABLE check_facts (
  round_id       TEXT NOT NULL REFERENCES checked_rounds(round_id),
  earlier_round  TEXT NOT NULL,
  application    TEXT NOT NULL,
  organisation   TEXT NOT NULL,
  title_key      TEXT NOT NULL,
  report         TEXT NOT NULL CHECK (report IN ('not_due', 'received', 'missing')),
  PRIMARY KEY (round_id, earlier_round, application)
) STRICT, WITHOUT ROWID;
