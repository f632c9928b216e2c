// docs/sensitivity.md "Scenarios": the tie order read backwards and the
// commission decisions that cannot apply in a scenario.
#include <doctest/doctest.h>

#include "engine/scenario.hpp"

using namespace competition;

namespace {

ScoredApplication ranked(const std::string& id, int rank, std::int64_t total) {
  ScoredApplication s;
  s.id = id;
  s.status = ScoreStatus::ranked;
  s.rank = rank;
  s.total = Rational(total);
  return s;
}

}  // namespace

TEST_CASE("reversed_ties: each run of equal totals backwards, ranks numbered again") {
  ScoreResult r;
  r.applications = {ranked("A", 1, 9), ranked("B", 2, 7), ranked("C", 3, 7), ranked("D", 4, 7), ranked("E", 5, 5)};
  ScoredApplication unranked;
  unranked.id = "F";
  r.applications.push_back(unranked);
  CHECK(has_equal_totals(r));
  ScoreResult t = reversed_ties(r);
  std::vector<std::string> ids;
  for (const auto& s : t.applications) ids.push_back(s.id);
  CHECK(ids == std::vector<std::string>{"A", "D", "C", "B", "E", "F"});
  CHECK(t.applications[1].rank == 2);
  CHECK(t.applications[3].rank == 4);
  CHECK_FALSE(t.applications[5].rank.has_value());
  ScoreResult distinct;
  distinct.applications = {ranked("A", 1, 9), ranked("B", 2, 8)};
  CHECK_FALSE(has_equal_totals(distinct));
}

TEST_CASE("decide_scenario: a withdrawal of an application not ranked there is skipped") {
  Rules rules;
  rules.id = "s";
  rules.budget = Money::from_hryvnias(100);
  Application a, b;
  a.id = "A";
  a.requested = Money::from_hryvnias(60);
  b.id = "B";
  b.requested = Money::from_hryvnias(60);
  ScoreResult r;
  r.applications = {ranked("A", 1, 9)};
  ScoredApplication incomplete;
  incomplete.id = "B";
  incomplete.reasons = {"too_few_reviews"};
  r.applications.push_back(incomplete);
  CommissionDecision withdraw_b;
  withdraw_b.n = 4;
  withdraw_b.kind = DecisionKind::withdraw;
  withdraw_b.applications = {"B"};
  ScenarioOutcome o = decide_scenario(rules, {a, b}, r, {withdraw_b});
  CHECK(o.skipped == std::vector<int>{4});
  CHECK(o.decided.decision.applications[0].status == AwardStatus::funded);
  CHECK(o.decided.decision.applications[1].status == AwardStatus::incomplete);
}
