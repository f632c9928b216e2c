// The machine tokens of docs/rules.md (reasons of §2 and §4.5 with the commission's
// `withdrawn` and `declined`, the statuses of an allocation, the `spread:ID` flag)
// in words for people, in Ukrainian or English (docs/cli.md "Global options"). Machine
// outputs (JSON, CSV) keep the tokens.
#pragma once
#include <string>
#include <string_view>

#include "engine/allocation.hpp"
#include "values/lang.hpp"
#include "values/rules.hpp"

namespace competition {

// `criterion_below_threshold:relevance` -> `оцінка за критерієм «Актуальність проблеми» нижча за поріг`.
// Criterion ids are shown by their names from `rules`; an unknown token is returned as it is.
std::string reason_in_words(const Rules& rules, std::string_view token, Lang lang);

// The same for the reason of one application whose sector is known: `sector_not_allowed`
// names it (`організації сектору business до конкурсу не допускаються`).
std::string reason_in_words(const Rules& rules, std::string_view token, Sector sector, Lang lang);

// The status of an allocation line (docs/rules.md §4.6) for people: `профінансовано`, `резерв`, …
std::string award_status_in_words(AwardStatus s, Lang lang);

// `spread:relevance` -> `розкид оцінок: «Актуальність проблеми»`.
std::string flag_in_words(const Rules& rules, std::string_view token, Lang lang);

}  // namespace competition
