#include "engine/decide.hpp"

namespace competition {

Decided decide(const Rules& rules, const std::vector<Application>& applications, const ScoreResult& ranking,
               const AppliedDecisions& decisions) {
  Decided out;
  if (!decisions.orders.empty()) out.reordered = with_tie_orders(rules, applications, ranking, decisions.orders);
  out.decision = allocate(rules, applications, out.walked(ranking), decisions);
  return out;
}

void drop_criteria_unless_ordered(ScoreResult& ranking, const AppliedDecisions& decisions) {
  if (!decisions.orders.empty()) return;
  for (ScoredApplication& s : ranking.applications) std::vector<Rational>().swap(s.criteria);
}

}  // namespace competition
