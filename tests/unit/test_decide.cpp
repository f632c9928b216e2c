// engine/decide.hpp: the commission's orders applied to a ranking of the rules
// alone, then the allocation over it; a copy of the ranking only with orders.
#include "engine/decide.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace competition;

namespace {

// Two applications A and B tied on every key (the same total, no tie-break
// keys), each asking 1000.00 of a budget of 1000.00.
struct TiedPair {
  Rules rules;
  std::vector<Application> apps;
  ScoreResult ranking;  // as score_round ranks them: A, then B by id
  TiedPair() {
    rules.id = "t";
    rules.title = "test";
    rules.budget = Money::from_hryvnias(1000);
    for (const char* id : {"A", "B"}) {
      Application a;
      a.id = id;
      a.organisation = std::string("Org ") + id;
      a.organisation_key = std::string("org:") + id;
      a.requested = Money::from_hryvnias(1000);
      apps.push_back(a);
      ScoredApplication s;
      s.id = id;
      s.status = ScoreStatus::ranked;
      s.rank = static_cast<int>(ranking.applications.size()) + 1;
      s.total = Rational(5);
      ranking.applications.push_back(s);
    }
  }
};

const AllocationLine& line(const Decision& d, const std::string& id) {
  auto it = std::find_if(d.applications.begin(), d.applications.end(), [&](const auto& l) { return l.id == id; });
  REQUIRE_MESSAGE(it != d.applications.end(), "no line for ", id);
  return *it;
}

}  // namespace

TEST_CASE("decide: without orders the given ranking is walked, not copied") {
  TiedPair t;
  Decided d = decide(t.rules, t.apps, t.ranking, {});
  CHECK_FALSE(d.reordered.has_value());
  CHECK(&d.walked(t.ranking) == &t.ranking);
  CHECK(line(d.decision, "A").status == AwardStatus::funded);
  CHECK(line(d.decision, "A").award == Money::from_hryvnias(1000));
  CHECK(line(d.decision, "B").status == AwardStatus::reserve);
  CHECK(line(d.decision, "B").award == Money{});
  CHECK(d.decision.awarded == Money::from_hryvnias(1000));
}

TEST_CASE("decide: an order re-arranges the tie before the allocation walks it") {
  TiedPair t;
  AppliedDecisions orders;
  orders.orders = {TieOrder{{"B", "A"}}};
  Decided d = decide(t.rules, t.apps, t.ranking, orders);
  REQUIRE(d.reordered.has_value());
  CHECK(&d.walked(t.ranking) == &*d.reordered);
  REQUIRE(d.reordered->applications.size() == 2);
  CHECK(d.reordered->applications[0].id == "B");
  CHECK(d.reordered->applications[0].rank == 1);
  CHECK(d.reordered->applications[1].id == "A");
  CHECK(d.reordered->applications[1].rank == 2);
  CHECK(t.ranking.applications[0].id == "A");  // the given ranking is left as it was
  CHECK(line(d.decision, "B").status == AwardStatus::funded);
  CHECK(line(d.decision, "B").award == Money::from_hryvnias(1000));
  CHECK(line(d.decision, "A").status == AwardStatus::reserve);
  CHECK(d.decision.applications[0].id == "B");
}
