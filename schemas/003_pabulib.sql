-- Migration 3: what `import pabulib` keeps of a pabulib instance beyond the
-- round and its applications (formats.md "pabulib .pb files"; docs/pabulib.md):
-- where it came from, each project's official outcome and cells, and the
-- ballots, so that the official result can be compared and the vote totals
-- recounted. The META section is rounds.meta (a JSON object, keys in file order).

-- One row per round imported from a pabulib file.
CREATE TABLE pabulib_sources (
  round_id         TEXT PRIMARY KEY REFERENCES rounds(id),
  file             TEXT NOT NULL,   -- base name of the file that last wrote the round
  sha256           TEXT NOT NULL,   -- hex SHA-256 of that file's bytes
  vote_type        TEXT NOT NULL CHECK (vote_type IN ('approval', 'ordinal', 'cumulative', 'scoring')),
  projects_header  TEXT NOT NULL,   -- JSON array: the PROJECTS column names, in file order
  votes_header     TEXT NOT NULL    -- JSON array: the VOTES column names, in file order
) STRICT;

-- One row per project (= application).
CREATE TABLE pabulib_projects (
  round_id     TEXT NOT NULL,
  application  TEXT NOT NULL,
  selected     INTEGER CHECK (selected >= 0),  -- the official outcome (1: selected, 0: not); NULL when not given
  cells        TEXT NOT NULL,                  -- JSON object: every cell of the row as written, in column order
  PRIMARY KEY (round_id, application),
  FOREIGN KEY (round_id, application) REFERENCES applications(round_id, id)
) STRICT, WITHOUT ROWID;

-- One row per ballot of the VOTES section, in file order.
CREATE TABLE pabulib_votes (
  round_id  TEXT NOT NULL REFERENCES rounds(id),
  position  INTEGER NOT NULL CHECK (position >= 1),  -- 1-based order in the VOTES section
  voter_id  TEXT NOT NULL,
  vote      TEXT NOT NULL,               -- as written: project ids separated by commas (ordinal: in preference order)
  points    TEXT,                        -- as written; NULL when the file has no points column
  extra     TEXT NOT NULL DEFAULT '{}',  -- JSON object: the other columns, in column order
  PRIMARY KEY (round_id, position)
) STRICT, WITHOUT ROWID;
