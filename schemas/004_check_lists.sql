-- Migration 4: the CHECK constraints on the tables written a row per
-- application (applications.sector, scores.status, allocations.status) say
-- `col = 'a' OR col = 'b' OR …` instead of `col IN ('a', 'b', …)`. The two
-- accept exactly the same values, but SQLite evaluates an IN list of three or
-- more constants by building a temporary index for every row it checks (a
-- page allocated and cleared per row: a sixth of a national import). Only the
-- constraint text changes, not the stored rows, so the table definitions are
-- edited in place, as SQLite documents for CHECK constraints ("Making Other
-- Kinds Of Table Schema Changes", https://sqlite.org/lang_altertable.html);
-- tests/unit/test_store.cpp checks the result.
PRAGMA writable_schema = ON;

UPDATE sqlite_schema
   SET sql = replace(sql, 'CHECK (sector IN (''ngo'', ''state'', ''business''))',
                     'CHECK (sector = ''ngo'' OR sector = ''state'' OR sector = ''business'')')
 WHERE type = 'table' AND name = 'applications';

UPDATE sqlite_schema
   SET sql = replace(sql, 'CHECK (status IN (''ranked'', ''rejected'', ''incomplete''))',
                     'CHECK (status = ''ranked'' OR status = ''rejected'' OR status = ''incomplete'')')
 WHERE type = 'table' AND name = 'scores';

UPDATE sqlite_schema
   SET sql = replace(sql, 'CHECK (status IN (''funded'', ''partial'', ''reserve'', ''rejected'', ''incomplete'',
                                               ''withdrawn'', ''declined''))',
                     'CHECK (status = ''funded'' OR status = ''partial'' OR status = ''reserve'' OR
                                   status = ''rejected'' OR status = ''incomplete'' OR status = ''withdrawn'' OR
                                   status = ''declined'')')
 WHERE type = 'table' AND name = 'allocations';

PRAGMA writable_schema = OFF;
