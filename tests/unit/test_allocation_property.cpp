// Property test of docs/rules.md §4.7 over many generated rounds: for every round,
// Σ awards ≤ budget, every lot (and the pool) within its amount, 0 < award ≤
// requested for funded and partial, one documented reason for every ranked
// application without money, and the same decision record and fingerprint
// whatever the row order of the inputs.
//
// Randomness: std::mt19937_64 with explicit seeds, reduced with `%` (the
// std::uniform_*_distribution and std::shuffle algorithms differ between
// standard libraries, so they would make a failure unreproducible elsewhere).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "engine/allocation.hpp"
#include "engine/decision_record.hpp"
#include "engine/scoring.hpp"
#include "values/diagnostic.hpp"

using namespace competition;

namespace {

struct Gen {
  std::mt19937_64 rng;
  explicit Gen(std::uint64_t seed) : rng(seed) {}
  // 0 .. n-1 (n > 0); modulo bias is irrelevant here.
  std::uint64_t below(std::uint64_t n) { return rng() % n; }
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
  }
  bool chance(int percent) { return static_cast<int>(below(100)) < percent; }
  template <class T>
  void shuffle(std::vector<T>& v) {  // Fisher–Yates
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }
};

const std::vector<std::string> categories = {"children", "disability", "elderly", "homeless", ""};

struct GeneratedRound {
  Rules rules;
  std::vector<Application> applications;
  std::vector<Reviewer> reviewers;
  std::vector<Review> reviews;
};

Criterion criterion(const char* id, std::int64_t weight) {
  Criterion c;
  c.id = id;
  c.name = id;
  c.weight = Rational(weight);
  c.min = Rational(0);
  c.max = Rational(10);
  c.step = Rational(1, 2);
  return c;
}

GeneratedRound generate(Gen& g, int n) {
  GeneratedRound r;
  Rules& rules = r.rules;
  rules.id = "prop-" + std::to_string(n);
  rules.title = "generated";
  rules.year = 2024;
  // Budgets from 0 to 1 000 000.00 in kopiykas, sometimes not a whole hryvnia.
  rules.budget = Money::from_kopiykas(g.chance(5) ? 0 : g.between(1, 100'000'000));
  rules.criteria = {criterion("relevance", g.between(1, 3)), criterion("impact", g.between(1, 2))};
  rules.min_reviews = static_cast<int>(g.between(1, 2));
  if (g.chance(30)) rules.pass_total = Rational(g.between(5, 25));
  rules.rule = g.chance(50) ? AllocationRule::greedy_skip : AllocationRule::greedy_stop;
  rules.partial = g.chance(60);
  rules.min_partial_share = Rational(g.between(0, 10), 10);
  static const std::int64_t units[] = {1, 100, 10000, 50000, 100000};
  rules.round_to = Money::from_kopiykas(units[g.below(5)]);
  if (g.chance(50)) rules.max_awards_per_organisation = static_cast<int>(g.between(1, 2));
  rules.leftover = g.chance(70) ? Leftover::pool : Leftover::keep;
  if (g.chance(25)) rules.tie_break.push_back({TieBreakKey::Kind::input_order, ""});
  if (g.chance(25)) rules.tie_break.push_back({TieBreakKey::Kind::requested, ""});

  // Lots: none, or up to 3, by budget or by share, never more than the budget.
  int lots = g.chance(30) ? 0 : static_cast<int>(g.between(1, 3));
  std::int64_t left = rules.budget.kopiykas();
  for (int i = 0; i < lots; ++i) {
    Lot lot;
    lot.id = "lot" + std::to_string(i + 1);
    lot.name = lot.id;
    int cats = static_cast<int>(g.between(1, 2));
    for (int k = 0; k < cats; ++k) lot.categories.push_back(categories[g.below(4)]);
    if (g.chance(50)) {
      std::int64_t share_max = 10000 / lots;
      lot.share = Rational(g.between(0, share_max), 10000);
    } else {
      std::int64_t amount = left <= 0 ? 0 : g.between(0, left / (lots - i));
      lot.budget = Money::from_kopiykas(amount);
    }
    rules.lots.push_back(std::move(lot));
    std::int64_t used = 0;
    for (Money m : lot_amounts(rules)) used += m.kopiykas();
    if (used > rules.budget.kopiykas()) {  // the rules file would be refused: drop this lot
      rules.lots.pop_back();
      break;
    }
    left = rules.budget.kopiykas() - used;
  }

  int apps = static_cast<int>(g.between(0, 25));
  int orgs = std::max(1, apps / 2);
  for (int i = 0; i < apps; ++i) {
    Application a;
    a.id = "A-" + std::to_string(100 + i);
    int org = static_cast<int>(g.below(static_cast<std::uint64_t>(orgs)));
    a.organisation = "Org " + std::to_string(org);
    a.organisation_key = "org:" + std::to_string(org);
    a.title = "Project " + a.id;
    a.category = categories[g.below(categories.size())];
    a.requested = Money::from_kopiykas(g.between(1, 30'000'000));
    a.cofinancing = Money::from_kopiykas(g.chance(30) ? 0 : g.between(0, 10'000'000));
    a.input_order = i + 1;
    r.applications.push_back(std::move(a));
  }
  int reviewers = 3;
  for (int k = 0; k < reviewers; ++k)
    r.reviewers.push_back(Reviewer{"R-" + std::to_string(k), "Reviewer", {}, {}, std::nullopt});
  for (const auto& a : r.applications)
    for (int k = 0; k < reviewers; ++k) {
      if (g.chance(25)) continue;
      Review rv;
      rv.application = a.id;
      rv.reviewer = "R-" + std::to_string(k);
      // Coarse scores so that full ties (broken by id or input order) are common.
      rv.scores = {Rational(g.between(0, 4) * 5, 2), Rational(g.between(0, 4) * 5, 2)};
      r.reviews.push_back(std::move(rv));
    }
  return r;
}

// Commission decisions that the commands would accept: withdrawals of ranked
// applications and overrides within what their lot (or the pool) has left.
AppliedDecisions generate_decisions(Gen& g, const GeneratedRound& r, const ScoreResult& scores) {
  AppliedDecisions d;
  std::vector<Money> room = lot_amounts(r.rules);
  Money assigned;
  for (Money m : room) assigned += m;
  Money pool_room = r.rules.budget - assigned;
  if (r.rules.lots.empty()) room = {r.rules.budget};
  std::map<std::string, const Application*> apps;
  for (const auto& a : r.applications) apps[a.id] = &a;
  for (const auto& s : scores.applications) {
    if (s.status != ScoreStatus::ranked) continue;
    if (g.chance(8)) {
      d.withdrawn.insert(s.id);
    } else if (g.chance(8)) {
      const Application& a = *apps.at(s.id);
      Money* pot = nullptr;
      if (r.rules.lots.empty()) {
        pot = &room[0];
      } else {
        for (std::size_t i = 0; i < r.rules.lots.size() && !pot; ++i)
          for (const auto& c : r.rules.lots[i].categories)
            if (c == a.category) pot = &room[i];
        if (!pot && r.rules.leftover == Leftover::pool) pot = &pool_room;
      }
      if (!pot) continue;
      Money amount = g.chance(20) ? Money{} : Money::from_kopiykas(g.between(1, a.requested.kopiykas()));
      if (amount > *pot) continue;
      *pot -= amount;
      d.overrides[s.id] = amount;
    }
  }
  return d;
}

std::string fingerprint(const GeneratedRound& r, const std::vector<Application>& apps,
                        const std::vector<Reviewer>& reviewers, const std::vector<Review>& reviews,
                        const AppliedDecisions& decisions) {
  ScoreResult scores = score_round(r.rules, apps, reviews);
  Decision d = allocate(r.rules, apps, scores, decisions);
  auto record = decision_record(r.rules.id, "0123", input_hashes(r.rules, apps, reviewers, reviews),
                                nlohmann::ordered_json::array(), d);
  return fingerprint_of(record);
}

void check_invariants(const GeneratedRound& r, const ScoreResult& scores, const AppliedDecisions& decisions,
                      const Decision& d) {
  std::map<std::string, const Application*> apps;
  for (const auto& a : r.applications) apps[a.id] = &a;
  Money total;
  std::map<std::string, Money> by_pot;
  REQUIRE(d.applications.size() == r.applications.size());
  for (const auto& l : d.applications) {
    const Application& a = *apps.at(l.id);
    const ScoredApplication& s = *scores.find(l.id);
    if (l.status == AwardStatus::funded || l.status == AwardStatus::partial) {
      CHECK(l.award > Money{});
      CHECK(l.award <= a.requested);
      CHECK((l.status == AwardStatus::funded) == (l.award == a.requested));
      REQUIRE(l.lot.has_value());
      by_pot[*l.lot] += l.award;
      CHECK(l.reasons.empty());
      CHECK(s.status == ScoreStatus::ranked);
    } else {
      CHECK(l.award == Money{});
      CHECK_FALSE(l.lot.has_value());
      CHECK_FALSE(l.reasons.empty());
    }
    if (l.status == AwardStatus::reserve) {
      REQUIRE(l.reasons.size() == 1);
      std::string_view why = l.reasons[0];
      CHECK((why == "budget_exhausted" || why == "organisation_cap" || why == "no_lot"));
    }
    CHECK(l.rank == s.rank);
    total += l.award;
  }
  CHECK(total <= d.budget);
  CHECK(total == d.awarded);
  CHECK(d.awarded + d.leftover == d.budget);
  for (const auto& lot : d.lots) {
    CHECK(lot.awarded <= lot.amount);
    CHECK(lot.awarded == (by_pot.count(lot.id) ? by_pot.at(lot.id) : Money{}));
  }
  if (d.pool_amount) CHECK(d.pool_awarded <= *d.pool_amount);
  // The passes award an organisation only while it holds fewer than the cap;
  // overrides are fixed and may go beyond it on their own.
  if (r.rules.max_awards_per_organisation) {
    std::map<std::string, int> count, overridden;
    for (const auto& l : d.applications)
      if (l.award > Money{}) ++count[apps.at(l.id)->organisation_key];
    for (const auto& [id, amount] : decisions.overrides)
      if (amount > Money{}) ++overridden[apps.at(id)->organisation_key];
    for (const auto& [org, n] : count) CHECK(n <= std::max(*r.rules.max_awards_per_organisation, overridden[org]));
  }
}

}  // namespace

TEST_CASE("allocation property: invariants of docs/rules.md §4.7 over 600 generated rounds") {
  int allocated_money = 0, partials = 0, caps = 0;
  for (std::uint64_t seed = 1; seed <= 600; ++seed) {
    CAPTURE(seed);
    Gen g(seed * 0x9E3779B97F4A7C15ULL);
    GeneratedRound r = generate(g, static_cast<int>(seed));
    ScoreResult scores = score_round(r.rules, r.applications, r.reviews);
    AppliedDecisions decisions = generate_decisions(g, r, scores);
    Decision d = allocate(r.rules, r.applications, scores, decisions);
    check_invariants(r, scores, decisions, d);
    if (d.awarded > Money{}) ++allocated_money;
    for (const auto& l : d.applications) {
      partials += l.status == AwardStatus::partial;
      caps += !l.reasons.empty() && l.reasons[0] == "organisation_cap";
    }
    // The same inputs always give the same decision.
    Decision again = allocate(r.rules, r.applications, scores, decisions);
    CHECK(applications_json(again) == applications_json(d));
  }
  // The generator reaches the interesting cases.
  CHECK(allocated_money > 300);
  CHECK(partials > 50);
  CHECK(caps > 50);
}

TEST_CASE("allocation property: the fingerprint does not depend on the row order of the inputs") {
  for (std::uint64_t seed = 1; seed <= 500; ++seed) {
    CAPTURE(seed);
    Gen g(seed * 0xD1B54A32D192ED03ULL + 7);
    GeneratedRound r = generate(g, static_cast<int>(seed));
    ScoreResult scores = score_round(r.rules, r.applications, r.reviews);
    AppliedDecisions decisions = generate_decisions(g, r, scores);
    std::string expected = fingerprint(r, r.applications, r.reviewers, r.reviews, decisions);
    for (int k = 0; k < 3; ++k) {
      auto apps = r.applications;
      auto reviewers = r.reviewers;
      auto reviews = r.reviews;
      g.shuffle(apps);
      g.shuffle(reviewers);
      g.shuffle(reviews);
      CHECK(fingerprint(r, apps, reviewers, reviews, decisions) == expected);
    }
  }
}

TEST_CASE("allocation property: a changed input changes the fingerprint") {
  Gen g(42);
  GeneratedRound r;
  do r = generate(g, 1);
  while (r.applications.empty());
  std::string before = fingerprint(r, r.applications, r.reviewers, r.reviews, {});
  r.applications[0].title += " (changed)";
  CHECK(fingerprint(r, r.applications, r.reviewers, r.reviews, {}) != before);
}
