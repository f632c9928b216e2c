-- Migration 10: the services an application's project provides (docs/formats.md
-- "applications.csv", docs/report.md "By service"): canonical slugs (trimmed,
-- duplicates dropped, byte-sorted) joined with `|`; '' when none.
ALTER TABLE applications ADD COLUMN services TEXT NOT NULL DEFAULT '';
