// The commission's decisions for people (docs/cli.md "Commission decisions"), in
// Ukrainian or English (`--lang`): what a decision did, whether it stands, and
// the dates of the log. Shared by `decisions`, `allocate` and the minutes, so
// that every human output says the same thing.
#pragma once
#include <string>
#include <string_view>

#include "engine/commission.hpp"
#include "values/lang.hpp"

namespace competition {

// The kind of a decision: `відкликання заявки`, `встановлення суми`, `відмова у
// фінансуванні` (an override of 0), `порядок рівних`, `скасування рішення №2`.
std::string decision_kind_in_words(const CommissionDecision& d, Lang lang);

// `чинне` or `скасовано рішенням №4` (`standing`, `undone by decision 4`).
std::string decision_state_in_words(const CommissionDecision& d, Lang lang);

// A log time `2026-03-02T10:15:00Z` as `02.03.2026 10:15` (English `2026-03-02 10:15`), UTC.
std::string recorded_at_in_words(std::string_view iso, Lang lang);

// A date `2026-03-10` as `10.03.2026` (English: as it is).
std::string date_in_words(std::string_view iso_date, Lang lang);

// Free text (a reason) on one line, by the one visible-text rule (base/visible_text.hpp
// append_visible_line): line breaks and tabs become spaces, other control characters `\x1b`.
std::string one_line(std::string_view text);

}  // namespace competition
