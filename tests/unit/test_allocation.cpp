// docs/rules.md §4 (allocation) on hand-built rounds: every rule and edge of the
// passes, the reserve reasons and the commission decisions. Scores are built by
// hand (ranked in the order given), so these tests do not depend on scoring.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/allocation.hpp"
#include "values/diagnostic.hpp"

using namespace competition;

namespace {

Money uah(std::int64_t h) { return Money::from_hryvnias(h); }
Money kop(std::int64_t k) { return Money::from_kopiykas(k); }

Rules rules_with_budget(Money budget) {
  Rules r;
  r.id = "test-round";
  r.title = "Test";
  r.year = 2024;
  r.budget = budget;
  return r;
}

Lot lot_budget(std::string id, std::vector<std::string> categories, Money amount) {
  Lot l;
  l.id = std::move(id);
  l.name = l.id;
  l.categories = std::move(categories);
  l.budget = amount;
  return l;
}

Lot lot_share(std::string id, std::vector<std::string> categories, Rational share) {
  Lot l;
  l.id = std::move(id);
  l.name = l.id;
  l.categories = std::move(categories);
  l.share = share;
  return l;
}

// A hand-built round: applications and their score result.
struct Round {
  std::vector<Application> apps;
  ScoreResult scores;

  // The next ranked application (ranks follow the order of calls).
  Round& ranked(const std::string& id, Money requested, const std::string& category = "", const std::string& org = "",
                Money cofinancing = Money{}) {
    add(id, requested, category, org, cofinancing);
    ScoredApplication s;
    s.id = id;
    s.status = ScoreStatus::ranked;
    s.rank = ++last_rank;
    s.total = Rational(100 - last_rank);
    scores.applications.push_back(s);
    return *this;
  }
  Round& unranked(const std::string& id, ScoreStatus status, std::vector<std::string> reasons) {
    add(id, uah(1000), "", "", Money{});
    ScoredApplication s;
    s.id = id;
    s.status = status;
    for (const auto& r : reasons) s.reasons.push_back(r);
    scores.applications.push_back(s);
    return *this;
  }

 private:
  void add(const std::string& id, Money requested, const std::string& category, const std::string& org,
           Money cofinancing) {
    Application a;
    a.id = id;
    a.organisation = org.empty() ? "Org " + id : org;
    a.organisation_key = org.empty() ? "org:" + id : "org:" + org;
    a.title = "Project " + id;
    a.category = category;
    a.requested = requested;
    a.cofinancing = cofinancing;
    apps.push_back(a);
  }
  int last_rank = 0;
};

const AllocationLine& line(const Decision& d, const std::string& id) {
  for (const auto& l : d.applications)
    if (l.id == id) return l;
  FAIL("no line for " << id);
  return d.applications.front();
}

std::string reason(const Decision& d, const std::string& id) {
  const auto& l = line(d, id);
  REQUIRE(l.reasons.size() == 1);
  return std::string(l.reasons.front());
}

const LotAllocation& lot_of(const Decision& d, const std::string& id) {
  for (const auto& l : d.lots)
    if (l.id == id) return l;
  FAIL("no lot " << id);
  return d.lots.front();
}

}  // namespace

TEST_CASE("allocation: without lots one lot `main` holds the whole budget and no pool pass runs") {
  Rules r = rules_with_budget(uah(100));
  Round round;
  round.ranked("A", uah(60), "x").ranked("B", uah(30), "y").ranked("C", uah(20), "z").ranked("D", uah(10));
  Decision d = allocate(r, round.apps, round.scores);
  REQUIRE(d.lots.size() == 1);
  CHECK(d.lots[0].id == "main");
  CHECK(d.lots[0].amount == uah(100));
  CHECK(d.lots[0].awarded == uah(100));
  CHECK_FALSE(d.pool_amount.has_value());
  CHECK(line(d, "A").status == AwardStatus::funded);
  CHECK(line(d, "A").lot == "main");
  CHECK(line(d, "B").status == AwardStatus::funded);
  // C (20) does not fit in 10: skipped; D (10) fits exactly.
  CHECK(line(d, "C").status == AwardStatus::reserve);
  CHECK(reason(d, "C") == "budget_exhausted");
  CHECK_FALSE(line(d, "C").lot.has_value());
  CHECK(line(d, "D").status == AwardStatus::funded);
  CHECK(d.awarded == uah(100));
  CHECK(d.leftover == Money{});
}

TEST_CASE("allocation: output order is rank order, then the unranked by id, which keep their reasons") {
  Rules r = rules_with_budget(uah(100));
  Round round;
  round.unranked("Z-1", ScoreStatus::rejected, {"total_below_pass"});
  round.ranked("B", uah(10)).ranked("A", uah(10));
  round.unranked("C-9", ScoreStatus::incomplete, {"too_few_reviews"});
  Decision d = allocate(r, round.apps, round.scores);
  REQUIRE(d.applications.size() == 4);
  CHECK(d.applications[0].id == "B");
  CHECK(d.applications[0].rank == 1);
  CHECK(d.applications[1].id == "A");
  CHECK(d.applications[2].id == "C-9");
  CHECK(d.applications[2].status == AwardStatus::incomplete);
  CHECK(d.applications[2].reasons == std::vector<std::string>{"too_few_reviews"});
  CHECK_FALSE(d.applications[2].rank.has_value());
  CHECK(d.applications[3].id == "Z-1");
  CHECK(d.applications[3].status == AwardStatus::rejected);
  CHECK(d.applications[3].award == Money{});
  CHECK_FALSE(d.applications[3].lot.has_value());
}

TEST_CASE("allocation: a lot with amount zero walks its applications and funds none; the pool does") {
  Rules r = rules_with_budget(uah(100));
  r.lots = {lot_budget("empty", {"a"}, Money{}), lot_budget("full", {"b"}, uah(50))};
  Round round;
  round.ranked("A1", uah(40), "a").ranked("B1", uah(30), "b").ranked("B2", uah(30), "b");
  Decision d = allocate(r, round.apps, round.scores);
  CHECK(lot_of(d, "empty").amount == Money{});
  CHECK(lot_of(d, "empty").awarded == Money{});
  CHECK(line(d, "B1").lot == "full");
  // Pool = unassigned 50 + remainders (0 + 20) = 70: A1 (40) then B2 (30).
  REQUIRE(d.pool_amount.has_value());
  CHECK(*d.pool_amount == uah(70));
  CHECK(line(d, "A1").lot == "pool");
  CHECK(line(d, "B2").lot == "pool");
  CHECK(d.pool_awarded == uah(70));
  CHECK(d.awarded == uah(100));
}

TEST_CASE("allocation: shares that do not add up to 1 are floored and the rest goes to the pool") {
  // 100.01 UAH, two lots of share 0.5: each floor(5000.5 kop) = 5000 kop; 1 kop unassigned.
  Rules r = rules_with_budget(kop(10001));
  r.lots = {lot_share("a", {"a"}, Rational(1, 2)), lot_share("b", {"b"}, Rational(1, 2))};
  Round round;
  round.ranked("A1", kop(5000), "a").ranked("B1", kop(4999), "b").ranked("C1", kop(2), "c");
  Decision d = allocate(r, round.apps, round.scores);
  CHECK(lot_of(d, "a").amount == kop(5000));
  CHECK(lot_of(d, "b").amount == kop(5000));
  // Pool = 1 (unassigned) + 0 + 1 (b's remainder) = 2 kop: exactly C1's request.
  CHECK(*d.pool_amount == kop(2));
  CHECK(line(d, "C1").status == AwardStatus::funded);
  CHECK(line(d, "C1").lot == "pool");
  CHECK(d.leftover == Money{});
}

TEST_CASE("allocation: share 0.3333 of 1000.00 is floor(333.30) per lot") {
  Rules r = rules_with_budget(uah(1000));
  r.lots = {lot_share("a", {"a"}, Rational(3333, 10000)), lot_share("b", {"b"}, Rational(3333, 10000)),
            lot_share("c", {"c"}, Rational(3333, 10000))};
  Round round;
  round.ranked("A", uah(1), "a");
  Decision d = allocate(r, round.apps, round.scores);
  for (const auto& l : d.lots) CHECK(l.amount == kop(33330));
  // Pool = 0.10 unassigned + 332.30 + 333.30 + 333.30.
  CHECK(*d.pool_amount == kop(99900));
}

TEST_CASE("allocation: the pool collects every lot's remainder and the unassigned budget") {
  Rules r = rules_with_budget(uah(1000));
  r.lots = {lot_budget("a", {"a"}, uah(400)), lot_budget("b", {"b"}, uah(300))};
  Round round;
  round
      .ranked("A1", uah(350), "a")  // a: 400 → 50 left
      .ranked("A2", uah(100), "a")  // does not fit in a's 50
      .ranked("B1", uah(250), "b")  // b: 300 → 50 left
      .ranked("X1", uah(380), "x")  // no lot: pool only
      .ranked("B2", uah(60), "b");  // does not fit in b's 50
  Decision d = allocate(r, round.apps, round.scores);
  // Pool = 300 unassigned + 50 + 50 = 400: A2 100, X1 380 no (300 left), B2 60.
  CHECK(*d.pool_amount == uah(400));
  CHECK(line(d, "A2").lot == "pool");
  CHECK(line(d, "X1").status == AwardStatus::reserve);
  CHECK(reason(d, "X1") == "budget_exhausted");
  CHECK(line(d, "B2").lot == "pool");
  CHECK(d.pool_awarded == uah(160));
  CHECK(lot_of(d, "a").awarded == uah(350));
  CHECK(lot_of(d, "b").awarded == uah(250));
  CHECK(d.awarded == uah(760));
  CHECK(d.leftover == uah(240));
}

TEST_CASE("allocation: greedy_stop ends the pass where greedy_skip goes on, on the same round") {
  Round round;
  round.ranked("A", uah(50)).ranked("B", uah(40)).ranked("C", uah(20)).ranked("D", uah(10));
  Rules skip = rules_with_budget(uah(100));
  Decision ds = allocate(skip, round.apps, round.scores);
  CHECK(line(ds, "C").status == AwardStatus::reserve);
  CHECK(line(ds, "D").status == AwardStatus::funded);
  CHECK(ds.awarded == uah(100));

  Rules stop = skip;
  stop.rule = AllocationRule::greedy_stop;
  Decision dt = allocate(stop, round.apps, round.scores);
  CHECK(line(dt, "C").status == AwardStatus::reserve);
  CHECK(reason(dt, "C") == "budget_exhausted");
  // D would fit, but the pass ended at C; never reached: budget_exhausted.
  CHECK(line(dt, "D").status == AwardStatus::reserve);
  CHECK(reason(dt, "D") == "budget_exhausted");
  CHECK(dt.awarded == uah(90));
  CHECK(dt.leftover == uah(10));
}

TEST_CASE("allocation: greedy_stop ends one lot's pass; later lots and the pool still run") {
  Rules r = rules_with_budget(uah(200));
  r.rule = AllocationRule::greedy_stop;
  r.lots = {lot_budget("a", {"a"}, uah(100)), lot_budget("b", {"b"}, uah(50))};
  Round round;
  round.ranked("A1", uah(90), "a").ranked("A2", uah(20), "a").ranked("A3", uah(5), "a").ranked("B1", uah(50), "b");
  Decision d = allocate(r, round.apps, round.scores);
  CHECK(line(d, "A1").lot == "a");
  CHECK(line(d, "B1").lot == "b");
  // Pool = 50 + 10 + 0 = 60: A2 then A3.
  CHECK(line(d, "A2").lot == "pool");
  CHECK(line(d, "A3").lot == "pool");
  CHECK(d.awarded == uah(165));
}

TEST_CASE("allocation: a partial award exactly at min_partial_share is given; a kopiyka less is not") {
  Rules r = rules_with_budget(uah(150));
  r.partial = true;
  r.min_partial_share = Rational(1, 2);
  SUBCASE("exactly half") {
    Round round;
    round.ranked("A", uah(100)).ranked("B", uah(100));
    Decision d = allocate(r, round.apps, round.scores);
    CHECK(line(d, "B").status == AwardStatus::partial);
    CHECK(line(d, "B").award == uah(50));
    CHECK(line(d, "B").lot == "main");
    CHECK(line(d, "B").reasons.empty());
  }
  SUBCASE("one kopiyka short of half") {
    r.budget = uah(150) - kop(1);
    Round round;
    round.ranked("A", uah(100)).ranked("B", uah(100));
    Decision d = allocate(r, round.apps, round.scores);
    CHECK(line(d, "B").status == AwardStatus::reserve);
    CHECK(reason(d, "B") == "budget_exhausted");
    CHECK(d.leftover == uah(50) - kop(1));
  }
}

TEST_CASE("allocation: every application that does not fit is tried for a partial award, not only the first") {
  Rules r = rules_with_budget(uah(100));
  r.partial = true;
  r.min_partial_share = Rational(6, 10);
  Round round;
  // After A: 40 left. B (100): 40 < 60 → skip. C (50): 40 ≥ 30 → partial 40.
  round.ranked("A", uah(60)).ranked("B", uah(100)).ranked("C", uah(50)).ranked("D", uah(1));
  Decision d = allocate(r, round.apps, round.scores);
  CHECK(line(d, "B").status == AwardStatus::reserve);
  CHECK(line(d, "C").status == AwardStatus::partial);
  CHECK(line(d, "C").award == uah(40));
  CHECK(line(d, "D").status == AwardStatus::reserve);
  CHECK(reason(d, "D") == "budget_exhausted");
}

TEST_CASE("allocation: partial awards round down to a multiple of round_to") {
  Rules r = rules_with_budget(kop(1234567));  // 12 345.67
  r.partial = true;
  r.round_to = uah(100);
  Round round;
  round.ranked("A", uah(10000)).ranked("B", uah(5000)).ranked("C", uah(1000));
  Decision d = allocate(r, round.apps, round.scores);
  // 2 345.67 left: B gets 2 300.00; 45.67 left, floor to 100 is 0: C gets nothing.
  CHECK(line(d, "B").status == AwardStatus::partial);
  CHECK(line(d, "B").award == uah(2300));
  CHECK(line(d, "C").status == AwardStatus::reserve);
  CHECK(d.leftover == kop(4567));
}

TEST_CASE("allocation: a partial award below min_partial_share ends a greedy_stop pass") {
  Rules r = rules_with_budget(uah(100));
  r.rule = AllocationRule::greedy_stop;
  r.partial = true;
  r.min_partial_share = Rational(9, 10);
  Round round;
  round.ranked("A", uah(50)).ranked("B", uah(100)).ranked("C", uah(10));
  Decision d = allocate(r, round.apps, round.scores);
  // B: 50 < 90 (partial too small) → stop; C not reached.
  CHECK(line(d, "B").status == AwardStatus::reserve);
  CHECK(line(d, "C").status == AwardStatus::reserve);
  CHECK(d.awarded == uah(50));
}

TEST_CASE("allocation: organisation caps count awards across lots, the pool and overrides") {
  Rules r = rules_with_budget(uah(1000));
  r.max_awards_per_organisation = 1;
  r.lots = {lot_budget("a", {"a"}, uah(200)), lot_budget("b", {"b"}, uah(200))};
  Round round;
  round
      .ranked("A1", uah(100), "a", "acme")    // lot a
      .ranked("B1", uah(100), "b", "acme")    // lot b: capped (acme holds 1)
      .ranked("B2", uah(100), "b", "beta")    // lot b
      .ranked("X1", uah(100), "x", "beta")    // pool: capped
      .ranked("X2", uah(100), "x", "gamma");  // pool
  Decision d = allocate(r, round.apps, round.scores);
  CHECK(line(d, "A1").lot == "a");
  CHECK(line(d, "B1").status == AwardStatus::reserve);
  CHECK(reason(d, "B1") == "organisation_cap");
  CHECK(line(d, "B2").lot == "b");
  CHECK(reason(d, "X1") == "organisation_cap");
  CHECK(line(d, "X2").lot == "pool");

  SUBCASE("a cap of 2 lets the second award through in a later pass") {
    r.max_awards_per_organisation = 2;
    Decision d2 = allocate(r, round.apps, round.scores);
    CHECK(line(d2, "B1").lot == "b");
    CHECK(line(d2, "X1").lot == "pool");
  }
  SUBCASE("an override counts towards the cap") {
    AppliedDecisions dec;
    dec.overrides["X2"] = uah(50);
    Round r2;
    r2.ranked("P1", uah(100), "a", "gamma").ranked("P2", uah(100), "x", "gamma");
    r2.apps.insert(r2.apps.end(), round.apps.begin(), round.apps.end());
    // Ranks of r2 come first; append round's scores after them.
    for (auto s : round.scores.applications) {
      s.rank = *s.rank + 2;
      r2.scores.applications.push_back(s);
    }
    Decision d3 = allocate(r, r2.apps, r2.scores, dec);
    CHECK(line(d3, "X2").status == AwardStatus::partial);
    CHECK(line(d3, "X2").lot == "pool");
    CHECK(line(d3, "P1").status == AwardStatus::reserve);
    CHECK(reason(d3, "P1") == "organisation_cap");
    CHECK(reason(d3, "P2") == "organisation_cap");
  }
}

TEST_CASE("allocation: the reason is that of the last pass that reached the application") {
  Rules r = rules_with_budget(uah(300));
  r.max_awards_per_organisation = 1;
  r.lots = {lot_budget("a", {"a"}, uah(100))};
  Round round;
  round.ranked("A1", uah(100), "a", "acme").ranked("A2", uah(100), "a", "beta").ranked("X1", uah(150), "x", "beta");
  Decision d = allocate(r, round.apps, round.scores);
  // Lot a: A1 funded, A2 does not fit (budget_exhausted). Pool 200: A2 funded (beta 1);
  // X1 (beta) capped in the pool: its last pass skipped it for the cap.
  CHECK(line(d, "A2").lot == "pool");
  CHECK(reason(d, "X1") == "organisation_cap");

  SUBCASE("capped in a lot pass stays capped in the pool: a cap only grows") {
    Rules r2 = rules_with_budget(uah(150));
    r2.max_awards_per_organisation = 1;
    r2.lots = {lot_budget("a", {"a"}, uah(100)), lot_budget("b", {"b"}, uah(50))};
    Round rd;
    // a: A1 (acme) 100 funded; b: B1 (acme) capped, B2 funded; pool 0: B1 capped again.
    rd.ranked("A1", uah(100), "a", "acme").ranked("B1", uah(40), "b", "acme").ranked("B2", uah(50), "b", "beta");
    Decision e = allocate(r2, rd.apps, rd.scores);
    CHECK(reason(e, "B1") == "organisation_cap");
    CHECK(line(e, "B2").lot == "b");
  }
  SUBCASE("out of money in a lot, then capped by a pool award before it: organisation_cap") {
    Rules r3 = rules_with_budget(uah(200));
    r3.max_awards_per_organisation = 1;
    r3.lots = {lot_budget("a", {"a"}, uah(50))};
    Round rd;
    // a (50): A1 (acme, 60) does not fit → budget_exhausted. Pool (150 + 50 = 200):
    // X0 (acme, rank 1) is funded before A1 is reached, so the pool caps A1.
    rd.ranked("X0", uah(100), "x", "acme").ranked("A1", uah(60), "a", "acme");
    Decision e = allocate(r3, rd.apps, rd.scores);
    CHECK(line(e, "X0").lot == "pool");
    CHECK(reason(e, "A1") == "organisation_cap");
  }
  SUBCASE("capped in a lot, not reached by a greedy_stop pool pass: organisation_cap stands") {
    Rules r4 = rules_with_budget(uah(300));
    r4.rule = AllocationRule::greedy_stop;
    r4.max_awards_per_organisation = 1;
    r4.lots = {lot_budget("a", {"a"}, uah(200))};
    Round rd;
    // a: A1 (acme) funded, A2 (acme) capped. Pool 100 + 100: X1 (300) stops it before A2.
    rd.ranked("A1", uah(100), "a", "acme").ranked("X1", uah(300), "x", "beta").ranked("A2", uah(10), "a", "acme");
    Decision e = allocate(r4, rd.apps, rd.scores);
    CHECK(reason(e, "X1") == "budget_exhausted");
    CHECK(reason(e, "A2") == "organisation_cap");
  }
}

TEST_CASE("allocation: a budget of 0 leaves every ranked application in reserve, budget_exhausted") {
  Rules r = rules_with_budget(Money{});
  r.partial = true;
  Round round;
  round.ranked("A", uah(1)).ranked("B", kop(1));
  round.unranked("R", ScoreStatus::rejected, {"request_above_max"});
  Decision d = allocate(r, round.apps, round.scores);
  CHECK(line(d, "A").status == AwardStatus::reserve);
  CHECK(reason(d, "A") == "budget_exhausted");
  CHECK(reason(d, "B") == "budget_exhausted");
  CHECK(line(d, "R").status == AwardStatus::rejected);
  CHECK(d.awarded == Money{});
  CHECK(d.leftover == Money{});
  CHECK_FALSE(d.coefficient().has_value());
}

TEST_CASE("allocation: a category in several lots is walked by each, in file order, until funded") {
  Rules r = rules_with_budget(uah(300));
  r.leftover = Leftover::keep;
  r.lots = {lot_budget("first", {"shared"}, uah(100)), lot_budget("second", {"shared", "other"}, uah(200))};
  Round round;
  round.ranked("S1", uah(80), "shared").ranked("S2", uah(80), "shared").ranked("O1", uah(100), "other");
  Decision d = allocate(r, round.apps, round.scores);
  CHECK(line(d, "S1").lot == "first");
  CHECK(line(d, "S2").lot == "second");  // did not fit in first's 20
  CHECK(line(d, "O1").lot == "second");
  CHECK(lot_of(d, "first").awarded == uah(80));
  CHECK(lot_of(d, "second").awarded == uah(180));
  CHECK_FALSE(d.pool_amount.has_value());
  CHECK(d.leftover == uah(40));
}

TEST_CASE("allocation: with leftover = keep, a category in no lot is no_lot and nothing pools") {
  Rules r = rules_with_budget(uah(500));
  r.leftover = Leftover::keep;
  r.lots = {lot_budget("a", {"a"}, uah(100))};
  Round round;
  round.ranked("X1", uah(10), "x").ranked("A1", uah(60), "a").ranked("A2", uah(60), "a").ranked("E1", uah(10), "");
  Decision d = allocate(r, round.apps, round.scores);
  CHECK(reason(d, "X1") == "no_lot");
  CHECK(reason(d, "E1") == "no_lot");
  CHECK(reason(d, "A2") == "budget_exhausted");
  CHECK(d.awarded == uah(60));
  CHECK(d.leftover == uah(440));
  CHECK_FALSE(d.pool_amount.has_value());

  SUBCASE("with the pool, the same application is walked by the pool pass") {
    r.leftover = Leftover::pool;
    Decision p = allocate(r, round.apps, round.scores);
    CHECK(line(p, "X1").lot == "pool");
    CHECK(line(p, "E1").lot == "pool");
    CHECK(line(p, "A2").lot == "pool");
  }
}

TEST_CASE("allocation: a withdrawn application keeps its rank and place; its money goes to the next") {
  Rules r = rules_with_budget(uah(100));
  Round round;
  round.ranked("A", uah(60)).ranked("B", uah(60)).ranked("C", uah(40));
  AppliedDecisions dec;
  dec.withdrawn.insert("A");
  Decision d = allocate(r, round.apps, round.scores, dec);
  CHECK(d.applications[0].id == "A");
  CHECK(d.applications[0].rank == 1);
  CHECK(d.applications[0].status == AwardStatus::withdrawn);
  CHECK(d.applications[0].reasons == std::vector<std::string>{"withdrawn"});
  CHECK(d.applications[0].award == Money{});
  CHECK_FALSE(d.applications[0].lot.has_value());
  CHECK(line(d, "B").status == AwardStatus::funded);
  CHECK(line(d, "B").rank == 2);
  CHECK(line(d, "C").status == AwardStatus::funded);
}

TEST_CASE("allocation: overrides are fixed first, charged to the first lot holding the category, else the pool") {
  Rules r = rules_with_budget(uah(1000));
  r.lots = {lot_budget("a", {"a"}, uah(300)), lot_budget("b", {"a", "b"}, uah(300))};
  Round round;
  round.ranked("A1", uah(200), "a")
      .ranked("A2", uah(150), "a")
      .ranked("B1", uah(100), "b")
      .ranked("X1", uah(500), "x")
      .ranked("X2", uah(100), "x");
  AppliedDecisions dec;
  dec.overrides["A2"] = uah(150);  // funded, charged to lot a (first holding `a`)
  dec.overrides["X2"] = uah(40);   // partial, charged to the pool
  dec.overrides["B1"] = Money{};   // declined
  Decision d = allocate(r, round.apps, round.scores, dec);
  CHECK(line(d, "A2").status == AwardStatus::funded);
  CHECK(line(d, "A2").lot == "a");
  CHECK(line(d, "X2").status == AwardStatus::partial);
  CHECK(line(d, "X2").award == uah(40));
  CHECK(line(d, "X2").lot == "pool");
  CHECK(line(d, "B1").status == AwardStatus::declined);
  CHECK(line(d, "B1").reasons == std::vector<std::string>{"declined"});
  CHECK(line(d, "B1").rank == 3);
  // Lot a: 300 − 150 = 150 left; A1 (200) does not fit; lot b walks A1: funded.
  CHECK(line(d, "A1").lot == "b");
  CHECK(lot_of(d, "a").awarded == uah(150));
  CHECK(lot_of(d, "b").awarded == uah(200));
  // Pool: 400 unassigned + 150 + 100 = 650, of which the override took 40; X1 (500)
  // fits in the 610 left; the pool awarded 40 + 500.
  CHECK(*d.pool_amount == uah(650));
  CHECK(line(d, "X1").lot == "pool");
  CHECK(d.pool_awarded == uah(540));
  CHECK(d.awarded == uah(890));
}

TEST_CASE("allocation: commission decisions that cannot apply are conflicts (exit 3)") {
  Rules r = rules_with_budget(uah(100));
  r.lots = {lot_budget("a", {"a"}, uah(50))};
  Round round;
  round.ranked("A1", uah(60), "a").ranked("A2", uah(10), "a");
  round.unranked("R", ScoreStatus::rejected, {"total_below_pass"});
  auto code_of = [&](const AppliedDecisions& dec) -> std::optional<ErrorKind> {
    try {
      static_cast<void>(allocate(r, round.apps, round.scores, dec));
    } catch (const Error& e) {
      return e.kind();
    }
    return std::nullopt;
  };
  AppliedDecisions too_much;
  too_much.overrides["A1"] = uah(55);  // more than lot a's 50
  CHECK(code_of(too_much) == ErrorKind::conflict);
  AppliedDecisions above_request;
  above_request.overrides["A2"] = uah(11);
  CHECK(code_of(above_request) == ErrorKind::conflict);
  AppliedDecisions rejected;
  rejected.withdrawn.insert("R");
  CHECK(code_of(rejected) == ErrorKind::conflict);
  AppliedDecisions fits;
  fits.overrides["A1"] = uah(50);
  CHECK(code_of(fits) == std::nullopt);
  r.leftover = Leftover::keep;
  Round x;
  x.ranked("X", uah(10), "x");
  try {
    AppliedDecisions dec;
    dec.overrides["X"] = uah(5);
    static_cast<void>(allocate(r, x.apps, x.scores, dec));
    FAIL("expected a conflict");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::conflict);
  }
}

TEST_CASE("allocation: inputs that do not match the scores are conflicts") {
  Rules r = rules_with_budget(uah(100));
  Round round;
  round.ranked("A", uah(10));
  Application extra = round.apps[0];
  extra.id = "B";
  round.apps.push_back(extra);
  CHECK_THROWS_AS(allocate(r, round.apps, round.scores), Error);
}

TEST_CASE("allocation: matched funds and the coefficient count funded and partial applications only") {
  Rules r = rules_with_budget(uah(150));
  r.partial = true;
  Round round;
  round.ranked("A", uah(100), "", "", uah(40))
      .ranked("B", uah(100), "", "", uah(30))
      .ranked("C", uah(100), "", "", uah(1000));
  Decision d = allocate(r, round.apps, round.scores);
  CHECK(line(d, "B").status == AwardStatus::partial);
  CHECK(line(d, "C").status == AwardStatus::reserve);
  CHECK(d.cofinancing == uah(70));
  REQUIRE(d.coefficient().has_value());
  CHECK(d.coefficient()->to_fixed(4) == "0.4667");
}

TEST_CASE("allocation: award status names round-trip") {
  for (AwardStatus s : {AwardStatus::funded, AwardStatus::partial, AwardStatus::reserve, AwardStatus::rejected,
                        AwardStatus::incomplete, AwardStatus::withdrawn, AwardStatus::declined})
    CHECK(parse_award_status(to_string(s)) == s);
  CHECK_FALSE(parse_award_status("ranked").has_value());
}
