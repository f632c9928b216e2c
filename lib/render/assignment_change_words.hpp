// The warning of `status` and `score` when a round's reviewer assignment no
// longer covers the round (docs/cli.md "assign"), on standard error.
#pragma once
#include <string>
#include <vector>

#include "values/assignment_change.hpp"
#include "values/lang.hpp"

namespace competition {

// `попередження: призначення експертів конкурсу esm-2018 більше не покриває
// конкурс …` and one line per change (capped like other warnings), without a
// final newline; English with Lang::en. Empty when there are no changes.
[[nodiscard]] std::string assignment_change_warning(const std::string& round,
                                                    const std::vector<AssignmentChange>& changes, Lang lang);

}  // namespace competition
