-- Migration 11: the inputs a `score` read, by the SHA-256 of their canonical
-- CSV (docs/bundle.md "The canonical CSV"), stored with the scores in the same
-- transaction, so that `allocate` records in its decision the inputs the
-- scores were computed from without reading the round's reviews again
-- (docs/decisions.md "Choices in `allocate`"). Deleted with the scores whenever
-- they no longer hold (an import, new rules); a migration that rewrites stored
-- inputs must delete these rows too.
CREATE TABLE scored_inputs (
  round_id             TEXT PRIMARY KEY REFERENCES rounds(id),
  applications_sha256  TEXT NOT NULL CHECK (length(applications_sha256) = 64),
  reviews_sha256       TEXT NOT NULL CHECK (length(reviews_sha256) = 64)
) STRICT, WITHOUT ROWID;
