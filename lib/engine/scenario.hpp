// docs/sensitivity.md "Scenarios": one allocation over a ranking other than the
// baseline's, with the commission decisions that still apply to it. Pure.
#pragma once
#include <string>
#include <vector>

#include "engine/decide.hpp"
#include "values/commission_decision.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

struct ScenarioOutcome {
  Decided decided;
  std::vector<int> skipped;  // numbers of the standing decisions that cannot apply
};

// `ranking`: score_round over `applications` without orders (any ranking of the
// same applications in which ties on every key are runs); `standing`: the
// decisions standing, in log order. A withdrawal or override whose application
// is not ranked, or an order whose members are no longer tied on every key, is
// skipped; the others apply as reduce_decisions reduces them.
[[nodiscard]] ScenarioOutcome decide_scenario(const Rules& rules, const std::vector<Application>& applications,
                                              const ScoreResult& ranking,
                                              const std::vector<CommissionDecision>& standing);

// docs/sensitivity.md `ties:reversed`: `ranking` with every run of equal totals
// in the opposite order (every tie-break key, `id` included, flipped), ranks
// numbered again.
[[nodiscard]] ScoreResult reversed_ties(ScoreResult ranking);

// True when two ranked applications of `ranking` have exactly equal totals.
[[nodiscard]] bool has_equal_totals(const ScoreResult& ranking);

}  // namespace competition
