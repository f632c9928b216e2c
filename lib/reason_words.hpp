// The machine tokens of rules.md (reasons of §2 and §4.5, the `spread:ID` flag)
// in words for people, in Ukrainian or English (cli.md `--lang`). Machine
// outputs (JSON, CSV) keep the tokens.
#pragma once
#include <string>
#include <string_view>

#include "rules.hpp"

namespace competition {

// `criterion_below_threshold:relevance` -> `критерій «Актуальність проблеми» нижче порогу`.
// Criterion ids are shown by their names from `rules`; an unknown token is returned as it is.
std::string reason_in_words(const Rules& rules, std::string_view token, bool english);

// `spread:relevance` -> `розкид оцінок: «Актуальність проблеми»`.
std::string flag_in_words(const Rules& rules, std::string_view token, bool english);

}  // namespace competition
