// "Now" for the records of docs/cli.md "Commission decisions" and the decision log:
// the current UTC time, or the fixed time of $COMPETITION_NOW so that tests and
// demonstrations give the same bytes on every run (docs/decisions.md).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace competition {

// `YYYY-MM-DDTHH:MM:SSZ`: $COMPETITION_NOW when it is set and not empty (it must
// be in exactly that form and a real time, else Error(invalid) naming it), else
// the system clock in UTC.
std::string now_utc();

// The date part of now_utc(): `YYYY-MM-DD` (the minutes' default date).
std::string today_utc();

// The day `--as-of DATE` names (any date form of docs/formats.md "Dates", as
// `YYYY-MM-DD`; Error(invalid) naming the option when it is none), or today without it.
std::string as_of_date(const std::optional<std::string>& given);

// True for `YYYY-MM-DD` naming a real calendar day (years 0001–9999).
bool is_iso_date(std::string_view text);

}  // namespace competition
