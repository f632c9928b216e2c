-- Migration 6: `scores.total_display`, a copy of the exact total rounded to 2
-- decimals, is dropped. Nothing read it back, and `audit` did not check it, so a
-- hand-edited copy was a number shown to an auditor with sqlite3 that nothing
-- vouched for. Every displayed total is derived from the exact `total`
-- (docs/audit.md "Stored scores").
ALTER TABLE scores DROP COLUMN total_display;
