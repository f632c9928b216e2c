// The words of the sensitivity report (docs/cli.md "sensitivity") shared by its
// own forms and the minutes' section (`minutes --sensitivity`): labels,
// scenarios and margins for people, in Ukrainian or English.
#pragma once
#include <string>

#include "engine/sensitivity.hpp"
#include "values/lang.hpp"
#include "values/rules.hpp"

namespace competition {

// `стійка`, `вразлива`, … (`robust`, `fragile`, …).
[[nodiscard]] std::string label_in_words(SensitivityLabel l, Lang lang);
// `без R-03`, `медіана`, `зворотний порядок рівних` (`without R-03`, …).
[[nodiscard]] std::string scenario_in_words(const std::string& id, Lang lang);
// The scenarios joined with `; `.
[[nodiscard]] std::string scenarios_in_words(const std::vector<std::string>& ids, Lang lang);
// `1, 2`: the numbers of the commission decisions a scenario could not apply.
[[nodiscard]] std::string decision_numbers(const std::vector<int>& numbers);
// `↓ 2 · R-03 · Актуальність проблеми` (steps, reviewer, criterion name), or `↓ 2`
// in a round ranked by votes; empty for none.
[[nodiscard]] std::string margin_in_words(const std::optional<SensitivityMargin>& m, const Rules& rules);
// The heading of the margin column: steps of the scale, or votes.
[[nodiscard]] std::string margin_heading(const Rules& rules, Lang lang);

}  // namespace competition
