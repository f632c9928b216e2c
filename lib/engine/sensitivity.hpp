// docs/sensitivity.md: would the winners change? The allocation recomputed
// without each reviewer, under the other aggregates and with the ties the
// other way round, and the margin of each application: the smallest change of
// one score that changes whether it gets money. Pure: nothing is stored.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/allocation.hpp"
#include "values/commission_decision.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

enum class SensitivityLabel { robust, fragile, contested, out };
[[nodiscard]] std::string_view to_string(SensitivityLabel l);

struct SensitivityScenario {
  std::string id;            // `without:R-01`, `aggregate:median`, `ties:reversed`
  std::vector<int> skipped;  // numbers of the commission decisions that cannot apply in it
};

// docs/sensitivity.md "The margin": `steps` steps of the criterion's scale (votes
// in a round ranked by votes) of one score of `reviewer` on `criterion`.
struct SensitivityMargin {
  std::int64_t steps = 0;
  std::optional<std::string> reviewer, criterion;  // none in a round ranked by votes
  bool down = false;                               // down for an application with money
  bool operator==(const SensitivityMargin&) const = default;
};

struct SensitivityLine {
  std::string id;
  AwardStatus status = AwardStatus::reserve;  // in the baseline
  Money award;
  int funded_in = 0;  // scenarios in which it gets money
  int of = 0;         // scenarios
  SensitivityLabel label = SensitivityLabel::out;
  std::vector<std::string> flips;  // scenarios changing whether it gets money, sorted
  std::optional<SensitivityMargin> margin;
};

struct Sensitivity {
  std::string round;
  std::vector<SensitivityScenario> scenarios;
  std::vector<SensitivityLine> applications;  // in the order of the baseline's decision
};

// docs/sensitivity.md over one round: `reviews` all of the round's (excluded ones
// flagged), `standing` the commission decisions standing (in log order) that the
// baseline applies. Error(conflict) naming the decision when one of them cannot
// apply to the baseline (as `allocate` refuses it); `ties = "refuse"` is taken as
// `break`.
[[nodiscard]] Sensitivity sensitivity(const Rules& rules, const std::vector<Application>& applications,
                                      const std::vector<Review>& reviews,
                                      const std::vector<CommissionDecision>& standing);

}  // namespace competition
