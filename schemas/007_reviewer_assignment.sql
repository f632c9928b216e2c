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
