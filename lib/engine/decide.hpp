// docs/rules.md §3–4 as an allocation applies them: the commission's orders
// re-arrange the full ties of a ranking of the rules alone (what `score`
// stores), then the budget is allocated over that ranking. The one path from a
// ranking to a decision, for `allocate`, `audit` and `audit bundle` alike.
#pragma once
#include <optional>
#include <vector>

#include "engine/allocation.hpp"
#include "engine/scoring.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

struct Decided {
  // The ranking the allocation walked when orders re-arranged it; none when
  // there are no orders (the given ranking was walked: a national ranking is
  // not copied for nothing).
  std::optional<ScoreResult> reordered;
  Decision decision;
  // The ranking the allocation walked, given the one decide() was given.
  const ScoreResult& walked(const ScoreResult& given) const { return reordered ? *reordered : given; }
};

// `ranking`: score_round over `applications` without orders. Throws what
// with_tie_orders and allocate throw.
Decided decide(const Rules& rules, const std::vector<Application>& applications, const ScoreResult& ranking,
               const AppliedDecisions& decisions);

// decide() reads the ranking's order, statuses and reasons; the criteria only
// when commission orders rank again (with_tie_orders). Without orders they are
// dropped from `ranking` here (80 MB at a million applications).
void drop_criteria_unless_ordered(ScoreResult& ranking, const AppliedDecisions& decisions);

}  // namespace competition
