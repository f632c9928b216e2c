// docs/formats.md "applications.csv" `submitted_at`: the accepted date forms and the
// sortable key the tie-break `submitted_at` compares.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "values/message.hpp"

namespace competition {

// Accepted (surrounding spaces and tabs ignored):
//   ISO 8601 extended:  2018-02-03 | 2018-02-03THH:MM[:SS][offset]  (`T` or one
//                       space between date and time; `t` accepted too);
//                       offset = Z | ±HH:MM | ±HHMM | ±HH  (up to 23:59; `z` accepted)
//   Ukrainian Excel:    D.M.YYYY or DD.MM.YYYY, optionally + one space + H:MM[:SS]
//                       (hour with one or two digits), no offset
// Not accepted: fractional seconds, hour 24, leap seconds, basic forms
// (20180203), a date with an offset but no time, year 0000.
// Returns `YYYY-MM-DDTHH:MM:SS`: a bare date is 00:00:00 of that day; a value
// with an offset is converted to UTC (which may change the date); one without
// is taken as written. nullopt when the text is no real calendar date/time or
// the UTC result falls outside years 0001–9999.
std::optional<std::string> normalize_submitted_at(std::string_view text);

// The canonical form the store keeps and the bundle's canonical CSV shows
// (docs/formats.md "Canonical forms"): `YYYY-MM-DD` for a date,
// `YYYY-MM-DDTHH:MM:SSZ` for a date-time with an offset (converted to UTC),
// `YYYY-MM-DDTHH:MM:SS` for one without: `19.01.2018` and `2018-01-19` give
// `2018-01-19`; `2018-01-19T10:00:00+02:00` and `2018-01-19T08:00Z` give
// `2018-01-19T08:00:00Z`. nullopt where normalize_submitted_at refuses.
std::optional<std::string> canonical_submitted_at(std::string_view text);
// The sorting key (submitted_key_number) of a canonical form: `2018-01-19` is
// 20180119000000, `2018-01-19T08:00:00Z` and `2018-01-19T08:00:00`
// 20180119080000; "" is 0; nullopt for text of any other shape.
std::optional<std::int64_t> submitted_key_of_canonical(std::string_view canonical);

// normalize_submitted_at's text as a number that sorts the same way (what an
// application holds: 8 bytes, where a million strings were 50 MB):
// `2018-02-03T14:25:07` is 20180203142507; "" (no date) is 0. nullopt for text
// of any other shape (a stored value edited by hand).
std::optional<std::int64_t> submitted_key_number(std::string_view normalised);
// Back to the text: `2018-02-03T14:25:07`, or "" for 0.
std::string submitted_key_text(std::int64_t key);

// The error for a cell normalize_submitted_at refused (text as given):
// `"31.02.2018" is not a date (expected e.g. 2018-02-03, 2018-02-03T14:25:00+02:00 or 03.02.2018)`.
Message submitted_at_error(std::string_view text);

// docs/formats.md "Dates" (agreements, payments, outcomes' `received_on`): a
// day, in the date forms of `submitted_at` without a time part, as
// `YYYY-MM-DD`: `19.01.2018` gives `2018-01-19`. nullopt for anything else.
std::optional<std::string> canonical_date(std::string_view text);
// The error for a cell canonical_date refused (text as given): a date with a
// time part says so, anything else is "not a date".
Message date_error(std::string_view text);

}  // namespace competition
