-- Migration 5: the canonical forms (docs/formats.md "Canonical forms"). The
-- stored values are rewritten to them by C++ code that runs right after this
-- SQL, in the same transaction (store/canonical_migration.cpp: SQL cannot
-- read dates): applications.submitted_at, applications.edrpou,
-- reviewers.conflicts, and organisations.name_key under the name rule that
-- counts quote marks as spaces. A decision recorded before keeps what it was
-- signed with; the two tables below let `audit` check it (docs/audit.md).

-- Per allocated round: the SHA-256 of each input's canonical CSV as the
-- decisions logged up to `logged_through` signed it (before the rewrite), and
-- as it is right after the rewrite. `audit` takes `signed_sha256` for such a
-- decision when the stored inputs still hash to `migrated_sha256`.
CREATE TABLE signed_inputs (
  round_id         TEXT NOT NULL REFERENCES rounds(id),
  file             TEXT NOT NULL CHECK (file = 'applications.csv' OR file = 'reviewers.csv'),
  logged_through   INTEGER NOT NULL,  -- the round's last decision_log seq at the migration
  signed_sha256    TEXT NOT NULL,     -- hex, before the rewrite
  migrated_sha256  TEXT NOT NULL,     -- hex, after the rewrite
  PRIMARY KEY (round_id, file)
) STRICT, WITHOUT ROWID;

-- Organisations that the new name rule made one: `merged_id` (its row
-- deleted, its applications moved) is now `into_id`. `audit` notes them.
-- The organisations of pabulib projects (name_key `pabulib:ROUND/ID`) are
-- keyed by project, not by name, and keep their keys.
CREATE TABLE organisation_merges (
  merged_id  INTEGER PRIMARY KEY,
  into_id    INTEGER NOT NULL,           -- organisations.id
  name       TEXT NOT NULL               -- the merged row's name
) STRICT;
