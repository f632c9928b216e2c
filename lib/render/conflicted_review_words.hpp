// The warning of `status` and `score` when reviews counted in a round are by
// reviewers who have since declared a conflict of interest with the
// application's organisation (commands/conflicted_reviews.hpp).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "values/lang.hpp"

namespace competition {

// `попередження: у конкурсі esm-2018 враховано оцінки …` and one line per
// (application, reviewer) pair (capped like other warnings), without a final
// newline; English with Lang::en. Empty when there are none.
[[nodiscard]] std::string conflicted_review_warning(const std::string& round,
                                                    const std::vector<std::pair<std::string, std::string>>& pairs,
                                                    Lang lang);

}  // namespace competition
