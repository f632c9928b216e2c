-- Migration 1: rounds, organisations, the imported inputs and the yearly history.
-- Money is INTEGER kopiykas everywhere. Applied in a transaction; user_version = 1.

CREATE TABLE rounds (
  id            TEXT PRIMARY KEY,
  year          INTEGER NOT NULL,
  title         TEXT NOT NULL,
  currency      TEXT NOT NULL DEFAULT 'UAH',
  budget        INTEGER NOT NULL CHECK (budget >= 0),       -- kopiykas
  rules_text    TEXT NOT NULL,                                -- the rules file, byte for byte
  rules_sha256  TEXT NOT NULL,                                -- hex SHA-256 of rules_text
  stage         TEXT NOT NULL DEFAULT 'open' CHECK (stage IN ('open', 'scored', 'allocated')),
  meta          TEXT                                          -- JSON (pabulib META and the like)
) STRICT;

-- One row per organisation across rounds and years: identified by its ЄДРПОУ when
-- known, else by its normalised name (formats.md "applications.csv").
CREATE TABLE organisations (
  id        INTEGER PRIMARY KEY,
  edrpou    TEXT UNIQUE,                   -- 8 digits, or NULL when never given
  name      TEXT NOT NULL,                 -- the name as first seen
  name_key  TEXT NOT NULL                  -- lower-cased, spaces collapsed
) STRICT;
CREATE INDEX organisations_name_key ON organisations(name_key);

CREATE TABLE applications (
  round_id           TEXT NOT NULL REFERENCES rounds(id),
  id                 TEXT NOT NULL,
  organisation_id    INTEGER NOT NULL REFERENCES organisations(id),
  organisation       TEXT NOT NULL,        -- the name as written in this application
  edrpou             TEXT,                 -- 8 digits or NULL
  sector             TEXT NOT NULL CHECK (sector IN ('ngo', 'state', 'business')),
  title              TEXT NOT NULL,
  category           TEXT NOT NULL DEFAULT '',
  requested          INTEGER NOT NULL CHECK (requested > 0),
  cofinancing        INTEGER NOT NULL DEFAULT 0 CHECK (cofinancing >= 0),
  planned_clients    INTEGER NOT NULL DEFAULT 0 CHECK (planned_clients >= 0),
  planned_jobs       INTEGER NOT NULL DEFAULT 0 CHECK (planned_jobs >= 0),
  planned_volunteers INTEGER NOT NULL DEFAULT 0 CHECK (planned_volunteers >= 0),
  submitted_at       TEXT NOT NULL DEFAULT '',  -- as written
  submitted_key      TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DDTHH:MM:SS (UTC when an offset was given)
  votes              INTEGER CHECK (votes >= 0),
  input_order        INTEGER NOT NULL,          -- 1-based position at first import
  PRIMARY KEY (round_id, id)
) STRICT, WITHOUT ROWID;

CREATE TABLE reviewers (
  round_id   TEXT NOT NULL REFERENCES rounds(id),
  id         TEXT NOT NULL,
  name       TEXT NOT NULL,
  conflicts  TEXT NOT NULL DEFAULT '',           -- canonical form, `|`-separated (docs/formats.md)
  PRIMARY KEY (round_id, id)
) STRICT, WITHOUT ROWID;

-- scores: `criterion=value` pairs joined by `;`, values as exact decimals.
CREATE TABLE reviews (
  round_id     TEXT NOT NULL,
  application  TEXT NOT NULL,
  reviewer     TEXT NOT NULL,
  scores       TEXT NOT NULL,
  comment      TEXT NOT NULL DEFAULT '',
  excluded     INTEGER NOT NULL DEFAULT 0 CHECK (excluded IN (0, 1)),  -- conflict of interest
  PRIMARY KEY (round_id, application, reviewer),
  FOREIGN KEY (round_id, application) REFERENCES applications(round_id, id),
  FOREIGN KEY (round_id, reviewer) REFERENCES reviewers(round_id, id)
) STRICT, WITHOUT ROWID;

-- Reported after the year; NULL means the cell was empty.
CREATE TABLE outcomes (
  round_id     TEXT NOT NULL,
  application  TEXT NOT NULL,
  clients      INTEGER CHECK (clients >= 0),
  jobs         INTEGER CHECK (jobs >= 0),
  volunteers   INTEGER CHECK (volunteers >= 0),
  attracted    INTEGER CHECK (attracted >= 0),   -- kopiykas
  PRIMARY KEY (round_id, application),
  FOREIGN KEY (round_id, application) REFERENCES applications(round_id, id)
) STRICT, WITHOUT ROWID;

-- Yearly aggregates as published (formats.md history.csv).
CREATE TABLE history (
  year             INTEGER PRIMARY KEY,
  participants     INTEGER NOT NULL CHECK (participants >= 0),
  winners          INTEGER NOT NULL CHECK (winners >= 0),
  budget           INTEGER NOT NULL CHECK (budget >= 0),     -- kopiykas
  attracted        INTEGER NOT NULL CHECK (attracted >= 0),  -- kopiykas
  clients          INTEGER NOT NULL CHECK (clients >= 0),
  jobs             INTEGER NOT NULL CHECK (jobs >= 0),
  volunteers       INTEGER NOT NULL CHECK (volunteers >= 0),
  coefficient      TEXT NOT NULL DEFAULT '',   -- as published
  cost_per_client  TEXT NOT NULL DEFAULT '',   -- as published
  note             TEXT NOT NULL DEFAULT ''
) STRICT;

-- The stored result of `score`: one row per application of the round.
CREATE TABLE scores (
  round_id     TEXT NOT NULL,
  application  TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('ranked', 'rejected', 'incomplete')),
  rank         INTEGER,                 -- NULL unless ranked
  total        TEXT,                    -- exact value as num/den, NULL when incomplete
  total_display TEXT,                   -- rounded to 2 decimals
  criteria     TEXT NOT NULL DEFAULT '',  -- `id=num/den;…` exact aggregates
  reviews      INTEGER NOT NULL,
  flags        TEXT NOT NULL DEFAULT '',  -- `|`-joined
  reasons      TEXT NOT NULL DEFAULT '',  -- `|`-joined
  PRIMARY KEY (round_id, application),
  FOREIGN KEY (round_id, application) REFERENCES applications(round_id, id)
) STRICT, WITHOUT ROWID;
