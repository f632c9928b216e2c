// docs/sensitivity.md "The money line": the segment-tree search and the walk with
// moved applications on hand-built rounds, worked out by hand (one pot of
// 100 000, requests of 50 000 and 30 000; a cap of one award per organisation).
#include <doctest/doctest.h>

#include "engine/money_line.hpp"

using namespace competition;

namespace {

Application app(const std::string& id, std::int64_t requested, const std::string& organisation) {
  Application a;
  a.id = id;
  a.organisation = organisation;
  a.category = "social";
  a.requested = Money::from_hryvnias(requested);
  return a;
}

ScoredApplication ranked(const std::string& id, int rank) {
  ScoredApplication s;
  s.id = id;
  s.status = ScoreStatus::ranked;
  s.rank = rank;
  s.total = Rational(100 - rank);
  return s;
}

struct Hand {
  Rules rules;
  std::vector<Application> apps;
  ScoreResult scores;
  Decision decision;
  Hand() {
    rules.id = "hand";
    rules.budget = Money::from_hryvnias(100000);
    rules.max_awards_per_organisation = 1;
    apps = {app("A", 50000, "Org 1"), app("B", 50000, "Org 2"), app("C", 30000, "Org 1"), app("D", 30000, "Org 3")};
    for (int i = 0; i < 4; ++i) scores.applications.push_back(ranked(apps[static_cast<std::size_t>(i)].id, i + 1));
    decision = allocate(rules, apps, scores);
  }
};

}  // namespace

TEST_CASE("FirstAtMost: the first position from `from` with a value at most the limit") {
  const FirstAtMost empty(std::vector<std::int64_t>{});
  CHECK(empty.find(0, 100) == 0);  // size(): none
  const FirstAtMost t({5, 3, 9, 1, 7});
  CHECK(t.find(0, 4) == 1);
  CHECK(t.find(2, 4) == 3);
  CHECK(t.find(0, 0) == 5);  // none
  CHECK(t.find(4, 7) == 4);
  CHECK(t.find(5, 100) == 5);  // past the end
  CHECK(t.find(0, 1) == 3);    // exactly at the limit
}

TEST_CASE("MoneyLine: one application moved gets money where the baseline's state admits it") {
  Hand h;  // A 50 000 and B 50 000 funded; C capped (Org 1 has A); D: nothing left
  const MoneyLine line(h.rules, h.apps, h.scores, {}, h.decision);
  REQUIRE(line.ranked() == 4);
  CHECK(line.position("C") == 2);
  CHECK(line.position("X") == MoneyLine::absent);
  // D at the top: funded (100 000 left); at its own place (x = 3, y = 3 or 4): not.
  CHECK(line.gets_money(h.apps[3], 3, 0));
  CHECK_FALSE(line.gets_money(h.apps[3], 3, 3));
  CHECK_FALSE(line.gets_money(h.apps[3], 3, 4));
  // D before B: 50 000 left, it takes 30 000.
  CHECK(line.gets_money(h.apps[3], 3, 1));
  // C before A: funded, and it is A that the cap then stops.
  CHECK(line.gets_money(h.apps[2], 2, 0));
  // B moved to the end: A, then D takes 30 000 (C capped), then B finds 20 000: none.
  CHECK_FALSE(line.gets_money(h.apps[1], 1, 4));
  // A moved after C: C gets 30 000 first, and the cap stops A.
  CHECK_FALSE(line.gets_money(h.apps[0], 0, 3));
}

TEST_CASE("MoneyLine::walk: the others whose money changes when applications move") {
  Hand h;
  const MoneyLine line(h.rules, h.apps, h.scores, {}, h.decision);
  // A no longer ranked: B funded, C funded (Org 1 now free), D finds 20 000: none.
  auto out = line.walk({MoneyLine::Moved{&h.apps[0], 0, MoneyLine::absent}});
  CHECK(out.money == std::vector<char>{0});
  CHECK(out.changed == std::vector<std::uint32_t>{2});  // C
  // B after D: A, then C capped, D 30 000, B finds 20 000: D gains, B loses.
  out = line.walk({MoneyLine::Moved{&h.apps[1], 1, 4}});
  CHECK(out.money == std::vector<char>{0});
  CHECK(out.changed == std::vector<std::uint32_t>{3});  // D
}
