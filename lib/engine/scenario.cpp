// docs/sensitivity.md "Scenarios".
#include "engine/scenario.hpp"

#include <algorithm>

#include "engine/commission.hpp"

namespace competition {

ScenarioOutcome decide_scenario(const Rules& rules, const std::vector<Application>& applications,
                                const ScoreResult& ranking, const std::vector<CommissionDecision>& standing) {
  ScenarioOutcome out;
  std::vector<CommissionDecision> applicable;
  for (const CommissionDecision& d : standing) {
    bool applies = true;
    if (d.kind == DecisionKind::order) {
      applies = !order_problem(rules, applications, ranking, d.applications).has_value();
    } else if (d.kind == DecisionKind::withdraw || d.kind == DecisionKind::override_award) {
      const ScoredApplication* s = ranking.find(d.applications.front());
      applies = s && s->status == ScoreStatus::ranked;
    }
    if (applies)
      applicable.push_back(d);
    else
      out.skipped.push_back(d.n);
  }
  out.decided = decide(rules, applications, ranking, reduce_decisions(applicable).applied);
  return out;
}

ScoreResult reversed_ties(ScoreResult ranking) {
  auto& all = ranking.applications;
  std::size_t ranked = 0;
  while (ranked < all.size() && all[ranked].status == ScoreStatus::ranked) ++ranked;
  for (std::size_t start = 0; start < ranked;) {
    std::size_t end = start + 1;
    while (end < ranked && *all[end].total == *all[start].total) ++end;
    std::reverse(all.begin() + static_cast<std::ptrdiff_t>(start), all.begin() + static_cast<std::ptrdiff_t>(end));
    start = end;
  }
  for (std::size_t i = 0; i < ranked; ++i) all[i].rank = static_cast<int>(i + 1);
  return ranking;
}

bool has_equal_totals(const ScoreResult& ranking) {
  const auto& all = ranking.applications;
  for (std::size_t i = 1; i < all.size() && all[i].status == ScoreStatus::ranked; ++i)
    if (*all[i].total == *all[i - 1].total) return true;
  return false;
}

}  // namespace competition
