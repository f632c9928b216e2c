// year.md §5 for people: the flags of the checks on earlier rounds (and
// cost_outlier) in words, and the line that says what they are and the cut-off
// date the earlier rounds were taken at (the minutes and `allocate`).
#pragma once
#include <string>
#include <vector>

#include "engine/cross_year_checks.hpp"
#include "values/lang.hpp"
#include "values/rules.hpp"

namespace competition {

// The words of `flags`, `; `-joined.
[[nodiscard]] std::string cross_year_flags_in_words(const Rules& rules, const std::vector<std::string>& flags,
                                                    Lang lang);

// `Flags of the checks ([checks]): information for the commission; earlier
// rounds as of the cut-off date 2018-01-19` (the cut-off part only with one).
[[nodiscard]] std::string cross_year_line(const CrossYearView& view, Lang lang);

// The column of the flags: `позначки` / `flags`.
[[nodiscard]] const char* cross_year_column(Lang lang);

}  // namespace competition
