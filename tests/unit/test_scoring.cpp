// Scoring (docs/rules.md §1–3): aggregation, eligibility and status, totals, the
// ranking's total order, commission orders, and the exact arithmetic that
// floating point gets wrong. Every expected value is worked out by hand in the
// comment beside it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/scoring.hpp"
#include "same_scores.hpp"
#include "values/dates.hpp"
#include "values/diagnostic.hpp"

using namespace competition;
using competition::testing::check_same_scores;

namespace {

Rational d(const char* text) {
  auto r = Rational::parse_decimal(text);
  REQUIRE_MESSAGE(r.has_value(), "not a decimal: ", text);
  return *r;
}

Money m(const char* text) {
  auto v = Money::parse(text);
  REQUIRE_MESSAGE(v.has_value(), "not money: ", text);
  return *v;
}

std::vector<Rational> ds(std::initializer_list<const char*> texts) {
  std::vector<Rational> out;
  for (auto t : texts) out.push_back(d(t));
  return out;
}

Criterion criterion(const char* id, const char* weight, std::optional<Rational> threshold = std::nullopt) {
  Criterion c;
  c.id = id;
  c.name = id;
  c.weight = d(weight);
  c.threshold = threshold;
  return c;
}

// Two criteria, relevance (weight 3) and impact (weight 2), no eligibility rules.
Rules two_criteria() {
  Rules r;
  r.id = "t-1";
  r.title = "test";
  r.criteria = {criterion("relevance", "3"), criterion("impact", "2")};
  return r;
}

Application app(const char* id, const char* requested = "1000.00", const char* cofinancing = "0") {
  Application a;
  a.id = id;
  a.organisation = std::string("ГО ") + id;
  a.title = "project";
  a.requested = m(requested);
  a.cofinancing = m(cofinancing);
  return a;
}

Review review(const char* application, const char* reviewer, std::initializer_list<const char*> scores,
              bool excluded = false) {
  Review r;
  r.application = application;
  r.reviewer = reviewer;
  r.scores = ds(scores);
  r.excluded = excluded;
  return r;
}

std::vector<std::string> ids(const ScoreResult& r) {
  std::vector<std::string> out;
  for (const auto& a : r.applications) out.push_back(a.id);
  return out;
}

const ScoredApplication& get(const ScoreResult& r, const char* id) {
  const ScoredApplication* s = r.find(id);
  REQUIRE_MESSAGE(s != nullptr, "missing ", id);
  return *s;
}

using Strings = std::vector<std::string>;

}  // namespace

// ----- docs/rules.md §1: aggregation --------------------------------------------

TEST_CASE("scoring: mean is sum / n, for odd and even counts") {
  // (7 + 8 + 8.5) / 3 = 23.5 / 3 = 47/6
  CHECK(aggregate_scores(Aggregate::mean, ds({"7", "8", "8.5"})) == Rational(47, 6));
  // (7 + 8) / 2 = 7.5
  CHECK(aggregate_scores(Aggregate::mean, ds({"8", "7"})) == d("7.5"));
  CHECK(aggregate_scores(Aggregate::mean, ds({"6.5"})) == d("6.5"));
  // (1 + 1 + 2) / 3 = 4/3 exactly, not 1.333…
  CHECK(aggregate_scores(Aggregate::mean, ds({"1", "1", "2"})) == Rational(4, 3));
}

TEST_CASE("scoring: median is the middle value, or the mean of the two middle ones") {
  // sorted 7, 8, 9 -> 8
  CHECK(aggregate_scores(Aggregate::median, ds({"9", "7", "8"})) == Rational(8));
  // sorted 7, 8, 9, 10 -> (8 + 9) / 2 = 8.5
  CHECK(aggregate_scores(Aggregate::median, ds({"10", "7", "9", "8"})) == d("8.5"));
  // (6.5 + 7) / 2 = 6.75
  CHECK(aggregate_scores(Aggregate::median, ds({"7", "6.5"})) == d("6.75"));
  // sorted 1, 2, 2, 10, 10 -> 2: an outlier does not move it
  CHECK(aggregate_scores(Aggregate::median, ds({"10", "2", "1", "10", "2"})) == Rational(2));
  CHECK(aggregate_scores(Aggregate::median, ds({"4"})) == Rational(4));
}

TEST_CASE("scoring: trimmed mean drops one highest and one lowest from 4 values up") {
  // n < 4 is the plain mean: (6 + 9) / 2 = 7.5 ; (1 + 1 + 2) / 3 = 4/3
  CHECK(aggregate_scores(Aggregate::trimmed_mean, ds({"6", "9"})) == d("7.5"));
  CHECK(aggregate_scores(Aggregate::trimmed_mean, ds({"2", "1", "1"})) == Rational(4, 3));
  CHECK(aggregate_scores(Aggregate::trimmed_mean, ds({"3"})) == Rational(3));
  // n = 4: sorted 2, 5, 6, 10 -> (5 + 6) / 2 = 5.5 (the plain mean would be 23/4)
  CHECK(aggregate_scores(Aggregate::trimmed_mean, ds({"10", "5", "2", "6"})) == d("5.5"));
  // n = 5: sorted 1, 4, 4.5, 5, 10 -> (4 + 4.5 + 5) / 3 = 4.5
  CHECK(aggregate_scores(Aggregate::trimmed_mean, ds({"4.5", "10", "1", "5", "4"})) == d("4.5"));
  // only one of equal lowest values is dropped: 3, 3, 3, 9 -> (3 + 3) / 2 = 3
  CHECK(aggregate_scores(Aggregate::trimmed_mean, ds({"3", "9", "3", "3"})) == Rational(3));
  // n = 5 with thirds: 1, 2, 2, 3, 9 -> (2 + 2 + 3) / 3 = 7/3
  CHECK(aggregate_scores(Aggregate::trimmed_mean, ds({"9", "2", "3", "1", "2"})) == Rational(7, 3));
}

TEST_CASE("scoring: aggregating no values is a programming error") {
  CHECK_THROWS_AS(static_cast<void>(aggregate_scores(Aggregate::mean, {})), std::invalid_argument);
}

TEST_CASE("scoring: total is the weighted sum of the aggregates, and only valid reviews count") {
  Rules rules = two_criteria();
  rules.aggregate = Aggregate::median;
  std::vector<Review> reviews = {review("A", "R1", {"8", "6"}), review("A", "R2", {"9", "7"}),
                                 review("A", "R3", {"7", "5"}), review("A", "R4", {"0", "0"}, true)};
  auto r = score_round(rules, {app("A")}, reviews);
  const auto& a = get(r, "A");
  // R4 is excluded: medians over R1–R3 are 8 and 6; total = 3×8 + 2×6 = 36
  CHECK(a.reviews == 3);
  CHECK(a.criteria == ds({"8", "6"}));
  CHECK(a.total == Rational(36));
  CHECK(a.status == ScoreStatus::ranked);
  CHECK(a.rank == 1);
}

// ----- exact arithmetic where binary floating point fails -------------------

TEST_CASE("scoring: 0.7×1 + 0.1×1 is exactly 0.8: it reaches pass_total 0.8 and ties 0.1×8") {
  Rules rules;
  rules.id = "t";
  rules.criteria = {criterion("a", "0.7"), criterion("b", "0.1")};
  rules.pass_total = d("0.8");
  // In doubles 0.7 + 0.1 = 0.7999999999999999 < 0.8 (rejected) and < 0.1 × 8 = 0.8
  // (ranked after B). Exactly, both totals are 4/5: A passes and the tie goes to the id.
  auto r = score_round(rules, {app("B"), app("A")}, {review("A", "R1", {"1", "1"}), review("B", "R1", {"0", "8"})});
  CHECK(get(r, "A").total == Rational(4, 5));
  CHECK(get(r, "B").total == Rational(4, 5));
  CHECK(get(r, "A").status == ScoreStatus::ranked);
  CHECK(ids(r) == Strings{"A", "B"});
}

TEST_CASE("scoring: the mean of 0.1, 0.2, 0.3 is exactly 0.2 and ties a single 0.2") {
  Rules rules;
  rules.id = "t";
  Criterion c = criterion("a", "1", d("0.2"));
  c.step = d("0.1");
  rules.criteria = {c};
  // Doubles give (0.1 + 0.2 + 0.3) / 3 = 0.20000000000000004 and would rank T-2
  // first; exactly it is 1/5, at the threshold (passes), tied with T-1, and T-1
  // comes first by id.
  auto r = score_round(rules, {app("T-2"), app("T-1")},
                       {review("T-2", "R1", {"0.1"}), review("T-2", "R2", {"0.2"}), review("T-2", "R3", {"0.3"}),
                        review("T-1", "R1", {"0.2"})});
  CHECK(get(r, "T-2").criteria == std::vector<Rational>{Rational(1, 5)});
  CHECK(get(r, "T-2").status == ScoreStatus::ranked);
  CHECK(ids(r) == Strings{"T-1", "T-2"});
  CHECK(get(r, "T-1").rank == 1);
  CHECK(get(r, "T-2").rank == 2);
}

TEST_CASE("scoring: a mean of thirds times 3 is an integer: (1+1+2)/3 × 3 = 4 = (1.5+1.5+1)/3 × 3") {
  Rules rules;
  rules.id = "t";
  rules.criteria = {criterion("a", "3")};
  rules.pass_total = Rational(4);
  auto r = score_round(rules, {app("X"), app("Y"), app("Z")},
                       {review("X", "R1", {"1"}), review("X", "R2", {"1"}), review("X", "R3", {"2"}),
                        review("Y", "R1", {"1.5"}), review("Y", "R2", {"1.5"}), review("Y", "R3", {"1"}),
                        // Z: (1 + 1 + 1.5) / 3 = 7/6, × 3 = 3.5 < 4
                        review("Z", "R1", {"1"}), review("Z", "R2", {"1"}), review("Z", "R3", {"1.5"})});
  CHECK(get(r, "X").criteria == std::vector<Rational>{Rational(4, 3)});
  CHECK(get(r, "X").total == Rational(4));
  CHECK(get(r, "Y").total == Rational(4));
  CHECK(get(r, "X").status == ScoreStatus::ranked);
  CHECK(get(r, "Y").status == ScoreStatus::ranked);
  CHECK(get(r, "Z").total == d("3.5"));
  CHECK(get(r, "Z").reasons == Strings{"total_below_pass"});
  CHECK(ids(r) == Strings{"X", "Y", "Z"});
}

// ----- docs/rules.md §2: eligibility and status ---------------------------------

TEST_CASE("scoring: sector_not_allowed") {
  Rules rules = two_criteria();
  rules.sectors = std::vector<Sector>{Sector::ngo, Sector::state};
  Application business = app("B");
  business.sector = Sector::business;
  Application state = app("S");
  state.sector = Sector::state;
  auto r = score_round(rules, {business, state}, {review("B", "R1", {"9", "9"}), review("S", "R1", {"1", "1"})});
  CHECK(get(r, "B").status == ScoreStatus::rejected);
  CHECK(get(r, "B").reasons == Strings{"sector_not_allowed"});
  CHECK(get(r, "S").status == ScoreStatus::ranked);
  // Every sector is allowed when the rules say nothing.
  auto all = score_round(two_criteria(), {business}, {review("B", "R1", {"9", "9"})});
  CHECK(get(all, "B").status == ScoreStatus::ranked);
}

TEST_CASE("scoring: request_above_max, and a request exactly at the maximum passes") {
  Rules rules = two_criteria();
  rules.max_request = m("50000.00");
  auto r = score_round(rules, {app("OVER", "50000.01"), app("AT", "50000.00")},
                       {review("OVER", "R1", {"5", "5"}), review("AT", "R1", {"5", "5"})});
  CHECK(get(r, "OVER").reasons == Strings{"request_above_max"});
  CHECK(get(r, "OVER").status == ScoreStatus::rejected);
  CHECK(get(r, "AT").reasons.empty());
  CHECK(get(r, "AT").status == ScoreStatus::ranked);
}

TEST_CASE("scoring: cofinancing_below_min uses cofinancing / (requested + cofinancing)") {
  Rules rules = two_criteria();
  rules.min_cofinancing_share = d("0.2");
  // 2000 / (8000 + 2000) = 0.2 exactly: passes. 1999.99 / 9999.99 < 0.2: fails.
  // A match ratio (cofinancing / requested = 2000 / 9000 > 0.2) is not the rule.
  auto r = score_round(
      rules, {app("AT", "8000", "2000"), app("BELOW", "8000", "1999.99"), app("RATIO", "9000", "2000")},
      {review("AT", "R1", {"5", "5"}), review("BELOW", "R1", {"5", "5"}), review("RATIO", "R1", {"5", "5"})});
  CHECK(get(r, "AT").status == ScoreStatus::ranked);
  CHECK(get(r, "BELOW").reasons == Strings{"cofinancing_below_min"});
  CHECK(get(r, "RATIO").reasons == Strings{"cofinancing_below_min"});  // 2000 / 11000 = 0.1818…
}

TEST_CASE("scoring: the co-financing share is 0 when requested and cofinancing are both 0") {
  Rules rules = two_criteria();
  rules.min_cofinancing_share = d("0.1");
  auto r = score_round(rules, {app("Z", "0", "0")}, {review("Z", "R1", {"5", "5"})});
  CHECK(get(r, "Z").reasons == Strings{"cofinancing_below_min"});
  rules.min_cofinancing_share = Rational(0);
  auto zero = score_round(rules, {app("Z", "0", "0")}, {review("Z", "R1", {"5", "5"})});
  CHECK(get(zero, "Z").status == ScoreStatus::ranked);
}

TEST_CASE("scoring: criterion thresholds, in criteria order; exactly at the threshold passes") {
  Rules rules;
  rules.id = "t";
  rules.criteria = {criterion("relevance", "1", d("5")), criterion("feasibility", "1"),
                    criterion("budget", "1", d("4"))};
  auto r = score_round(rules, {app("BOTH"), app("AT"), app("ONE")},
                       {// 4.5 < 5 and 3.5 < 4: both, relevance first
                        review("BOTH", "R1", {"4.5", "9", "3.5"}),
                        // mean(4.5, 5.5) = 5 and mean(3.5, 4.5) = 4: exactly at both thresholds
                        review("AT", "R1", {"4.5", "9", "3.5"}), review("AT", "R2", {"5.5", "9", "4.5"}),
                        review("ONE", "R1", {"9", "0", "3.5"})});
  CHECK(get(r, "BOTH").reasons == Strings{"criterion_below_threshold:relevance", "criterion_below_threshold:budget"});
  CHECK(get(r, "BOTH").status == ScoreStatus::rejected);
  CHECK(get(r, "AT").criteria == ds({"5", "9", "4"}));
  CHECK(get(r, "AT").reasons.empty());
  CHECK(get(r, "ONE").reasons == Strings{"criterion_below_threshold:budget"});
}

TEST_CASE("scoring: total_below_pass; a total exactly at pass_total passes") {
  Rules rules = two_criteria();
  rules.pass_total = Rational(30);
  // 3×6 + 2×6 = 30 passes; 3×6 + 2×5.5 = 29 fails
  auto r =
      score_round(rules, {app("AT"), app("LOW")}, {review("AT", "R1", {"6", "6"}), review("LOW", "R1", {"6", "5.5"})});
  CHECK(get(r, "AT").total == Rational(30));
  CHECK(get(r, "AT").status == ScoreStatus::ranked);
  CHECK(get(r, "LOW").total == Rational(29));
  CHECK(get(r, "LOW").reasons == Strings{"total_below_pass"});
}

TEST_CASE("scoring: every failing rule is reported, in the order of the table in docs/rules.md §2") {
  Rules rules;
  rules.id = "t";
  rules.sectors = std::vector<Sector>{Sector::ngo};
  rules.max_request = m("100");
  rules.min_cofinancing_share = d("0.5");
  rules.pass_total = Rational(100);
  rules.criteria = {criterion("a", "1", d("5")), criterion("b", "1", d("5"))};
  Application a = app("ALL", "200", "10");
  a.sector = Sector::state;
  auto r = score_round(rules, {a}, {review("ALL", "R1", {"1", "2"})});
  const auto& s = get(r, "ALL");
  CHECK(s.status == ScoreStatus::rejected);
  CHECK(s.reasons == Strings{"sector_not_allowed", "request_above_max", "cofinancing_below_min",
                             "criterion_below_threshold:a", "criterion_below_threshold:b", "total_below_pass"});
  // A rejected application with enough reviews is fully scored.
  CHECK(s.total == Rational(3));
  CHECK(s.criteria == ds({"1", "2"}));
  CHECK(s.reviews == 1);
  CHECK_FALSE(s.rank.has_value());
}

TEST_CASE("scoring: incomplete gets only the rules that need no scores, plus too_few_reviews") {
  Rules rules;
  rules.id = "t";
  rules.min_reviews = 2;
  rules.max_request = m("100");
  rules.min_cofinancing_share = d("0.5");
  rules.pass_total = Rational(10);
  rules.max_spread = Rational(1);
  rules.criteria = {criterion("a", "1", d("5"))};
  // One valid review (the second is excluded for a conflict of interest): below
  // min_reviews. The threshold, pass_total and spread rules are not evaluated.
  auto r = score_round(rules, {app("INC", "200", "10"), app("NONE", "50", "50"), app("OK", "50", "50")},
                       {review("INC", "R1", {"0"}), review("INC", "R2", {"10"}, true), review("OK", "R1", {"10"}),
                        review("OK", "R2", {"10"})});
  const auto& inc = get(r, "INC");
  CHECK(inc.status == ScoreStatus::incomplete);
  CHECK(inc.reasons == Strings{"request_above_max", "cofinancing_below_min", "too_few_reviews"});
  CHECK_FALSE(inc.total.has_value());
  CHECK(inc.criteria.empty());
  CHECK(inc.flags.empty());
  CHECK(inc.reviews == 1);
  CHECK_FALSE(inc.rank.has_value());
  // No reviews at all: incomplete with the one reason.
  const auto& none = get(r, "NONE");
  CHECK(none.status == ScoreStatus::incomplete);
  CHECK(none.reasons == Strings{"too_few_reviews"});
  CHECK(none.reviews == 0);
  CHECK(get(r, "OK").status == ScoreStatus::ranked);
  // Ranked first, then the unranked by id.
  CHECK(ids(r) == Strings{"OK", "INC", "NONE"});
}

TEST_CASE("scoring: exactly min_reviews valid reviews is enough") {
  Rules rules = two_criteria();
  rules.min_reviews = 3;
  auto r = score_round(rules, {app("A"), app("B")},
                       {review("A", "R1", {"5", "5"}), review("A", "R2", {"5", "5"}), review("A", "R3", {"5", "5"}),
                        review("B", "R1", {"5", "5"}), review("B", "R2", {"5", "5"})});
  CHECK(get(r, "A").status == ScoreStatus::ranked);
  CHECK(get(r, "B").status == ScoreStatus::incomplete);
  CHECK(get(r, "B").reasons == Strings{"too_few_reviews"});
}

// ----- docs/rules.md §1: spread flags --------------------------------------------

TEST_CASE("scoring: spread flags when max - min exceeds max_spread, not when equal") {
  Rules rules = two_criteria();
  rules.max_spread = Rational(4);
  // relevance 3..7.5 (4.5 > 4): flagged; impact 2..6 (exactly 4): not flagged
  auto r = score_round(rules, {app("A"), app("B")},
                       {review("A", "R1", {"3", "2"}), review("A", "R2", {"7.5", "6"}), review("B", "R1", {"1", "1"}),
                        review("B", "R2", {"10", "10"}), review("B", "R3", {"5", "5"}, true)});
  CHECK(get(r, "A").flags == Strings{"spread:relevance"});
  // Both criteria spread 9: flags in criteria order. Flags do not change the status.
  CHECK(get(r, "B").flags == Strings{"spread:relevance", "spread:impact"});
  CHECK(get(r, "B").status == ScoreStatus::ranked);
  // Without max_spread there are no flags.
  auto none = score_round(two_criteria(), {app("B")}, {review("B", "R1", {"1", "1"}), review("B", "R2", {"10", "10"})});
  CHECK(get(none, "B").flags.empty());
}

TEST_CASE("scoring: excluded reviews do not count towards the spread") {
  Rules rules = two_criteria();
  rules.max_spread = Rational(2);
  auto r =
      score_round(rules, {app("A")},
                  {review("A", "R1", {"5", "5"}), review("A", "R2", {"6", "6"}), review("A", "R3", {"10", "0"}, true)});
  CHECK(get(r, "A").flags.empty());
}

TEST_CASE("scoring: a rejected application keeps its flags") {
  Rules rules = two_criteria();
  rules.max_spread = Rational(1);
  rules.pass_total = Rational(100);
  auto r = score_round(rules, {app("A")}, {review("A", "R1", {"1", "1"}), review("A", "R2", {"5", "1"})});
  CHECK(get(r, "A").status == ScoreStatus::rejected);
  CHECK(get(r, "A").flags == Strings{"spread:relevance"});
}

// ----- docs/rules.md §1.6: [checks] cost_outlier_factor -------------------------

TEST_CASE("scoring: cost_outlier strictly above F x or below 1/F x the median cost per client") {
  Rules rules = two_criteria();
  rules.max_spread = Rational(1);
  rules.cost_outlier_factor = Rational(5);
  // Costs per client: A 1000/10 = 100, B 600/6 = 100 (500 + 100 co-financing), C 1000/2 = 500 (exactly 5 x
  // the median: not flagged), D 5001/10 = 500.1 (above), E 200/10 = 20 (exactly 1/5: not flagged), F 199/10 =
  // 19.9 (below), G no planned clients (left out of the median, never flagged), H incomplete (counted in
  // the median, not flagged: 6000/10 = 600). Sorted: 19.9 20 100 100 500 500.1 600: the median is 100.
  std::vector<Application> apps = {app("A", "1000.00"),  app("B", "500.00", "100.00"), app("C", "1000.00"),
                                   app("D", "5001.00"),  app("E", "200.00"),           app("F", "199.00"),
                                   app("G", "99999.00"), app("H", "6000.00")};
  for (auto [i, clients] : std::vector<std::pair<std::size_t, std::int64_t>>{
           {0, 10}, {1, 6}, {2, 2}, {3, 10}, {4, 10}, {5, 10}, {6, 0}, {7, 10}})
    apps[i].planned_clients = clients;
  std::vector<Review> reviews;
  for (const char* id : {"A", "B", "C", "E", "F", "G"}) reviews.push_back(review(id, "R1", {"5", "5"}));
  reviews.push_back(review("D", "R1", {"1", "5"}));
  reviews.push_back(review("D", "R2", {"5", "5"}));  // a spread flag first
  rules.min_reviews = 1;
  auto r = score_round(rules, apps, reviews);
  CHECK(get(r, "D").flags == Strings{"spread:relevance", "cost_outlier"});
  CHECK(get(r, "F").flags == Strings{"cost_outlier"});
  for (const char* id : {"A", "B", "C", "E", "G", "H"}) CHECK(get(r, id).flags.empty());
  CHECK(get(r, "H").status == ScoreStatus::incomplete);
  // Without [checks]: no cost flags.
  rules.cost_outlier_factor.reset();
  CHECK(get(score_round(rules, apps, reviews), "F").flags.empty());
}

// ----- year.md §5: [checks] earlier_reports and double_funding ------------------

TEST_CASE("scoring: earlier_report_missing, a reason after cofinancing_below_min with reject, flags after spread") {
  Rules rules = two_criteria();
  rules.max_spread = Rational(1);
  rules.min_reviews = 2;
  rules.min_cofinancing_share = d("0.1");
  rules.criteria[0].threshold = d("3");
  rules.earlier_reports = EarlierReports::reject;
  rules.double_funding = true;
  const CheckFacts facts = {{"r-2017", "A-2", "code:11111111", "сад", ReportState::missing},
                            {"r-2017", "A-3", "code:22222222", "сад", ReportState::received}};
  std::vector<Application> apps = {app("LOW", "1000.00", "0"), app("OK", "900.00", "100.00"),
                                   app("INC", "900.00", "100.00"), app("DF", "900.00", "100.00")};
  for (std::size_t i = 0; i < 3; ++i) apps[i].organisation_key = "code:11111111";  // LOW, OK, INC
  apps[3].organisation_key = "code:22222222";
  apps[3].title = "Сад!";
  // LOW: co-financing 0 < 0.1, relevance 2 < 3, spread 5 - 1 > 1; OK: no other reason; INC: one review.
  std::vector<Review> reviews = {review("LOW", "R1", {"1", "5"}), review("LOW", "R2", {"3", "5"}),
                                 review("OK", "R1", {"5", "5"}),  review("OK", "R2", {"5", "5"}),
                                 review("INC", "R1", {"5", "5"}), review("DF", "R1", {"5", "5"}),
                                 review("DF", "R2", {"5", "5"})};
  auto r = score_round(rules, apps, reviews, {}, facts);
  CHECK(get(r, "LOW").reasons ==
        Strings{"cofinancing_below_min", "earlier_report_missing", "criterion_below_threshold:relevance"});
  CHECK(get(r, "LOW").flags == Strings{"spread:relevance", "earlier_report_missing:r-2017/A-2"});
  CHECK(get(r, "OK").status == ScoreStatus::rejected);
  CHECK(get(r, "OK").reasons == Strings{"earlier_report_missing"});
  // Incomplete: keeps the reason that needs no scores, carries no flags.
  CHECK(get(r, "INC").status == ScoreStatus::incomplete);
  CHECK(get(r, "INC").reasons == Strings{"earlier_report_missing", "too_few_reviews"});
  CHECK(get(r, "INC").flags.empty());
  // The same title key ("сад") of its own organisation's received report: a flag, no reason.
  CHECK(get(r, "DF").status == ScoreStatus::ranked);
  CHECK(get(r, "DF").flags == Strings{"possible_double_funding:r-2017/A-3"});
  // `flag`: the flags stay, the reason goes.
  rules.earlier_reports = EarlierReports::flag;
  auto flagged = score_round(rules, apps, reviews, {}, facts);
  CHECK(get(flagged, "OK").status == ScoreStatus::ranked);
  CHECK(get(flagged, "OK").flags == Strings{"earlier_report_missing:r-2017/A-2"});
  // [checks] off: the facts change nothing.
  check_same_scores(score_round(two_criteria(), apps, reviews, {}, facts), score_round(two_criteria(), apps, reviews));
}

// ----- docs/rules.md §3: ranking -------------------------------------------------

TEST_CASE("scoring: ranks 1..n by total, highest first; the unranked follow by id") {
  Rules rules = two_criteria();
  rules.pass_total = Rational(10);
  auto r = score_round(rules, {app("C"), app("R2"), app("A"), app("R1"), app("B")},
                       {review("A", "R", {"5", "5"}),     // 25
                        review("B", "R", {"9", "0"}),     // 27
                        review("C", "R", {"1", "1"}),     // 5: rejected
                        review("R1", "R", {"0", "10"}),   // 20
                        review("R2", "R", {"1", "0"})});  // 3: rejected
  CHECK(ids(r) == Strings{"B", "A", "R1", "C", "R2"});
  CHECK(get(r, "B").rank == 1);
  CHECK(get(r, "A").rank == 2);
  CHECK(get(r, "R1").rank == 3);
  CHECK_FALSE(get(r, "C").rank.has_value());
}

TEST_CASE("scoring: the result does not depend on the order of the inputs") {
  Rules rules = two_criteria();
  std::vector<Application> apps = {app("A"), app("B"), app("C")};
  std::vector<Review> reviews = {review("A", "R1", {"5", "5"}), review("B", "R1", {"5", "5"}),
                                 review("C", "R1", {"7", "2.5"}), review("A", "R2", {"6", "6"})};
  auto r1 = score_round(rules, apps, reviews);
  std::reverse(apps.begin(), apps.end());
  std::reverse(reviews.begin(), reviews.end());
  auto r2 = score_round(rules, apps, reviews);
  CHECK(ids(r1) == ids(r2));
  // A: means 5.5, 5.5 -> 27.5; C: 3×7 + 2×2.5 = 26; B: 25
  CHECK(ids(r1) == Strings{"A", "C", "B"});
  CHECK(get(r1, "A").total == d("27.5"));
}

namespace {

// Criteria a and b, weight 1 each; every application below totals 10 unless said.
Rules tie_rules(std::vector<TieBreakKey> keys) {
  Rules r;
  r.id = "t";
  r.criteria = {criterion("a", "1"), criterion("b", "1")};
  r.tie_break = std::move(keys);
  return r;
}

using Kind = TieBreakKey::Kind;

}  // namespace

TEST_CASE("scoring: tie-break criterion:ID, higher aggregate first") {
  std::vector<Application> apps = {app("A"), app("B")};
  std::vector<Review> reviews = {review("A", "R", {"4", "6"}), review("B", "R", {"6", "4"})};
  CHECK(ids(score_round(tie_rules({{Kind::criterion, "a"}}), apps, reviews)) == Strings{"B", "A"});
  CHECK(ids(score_round(tie_rules({{Kind::criterion, "b"}}), apps, reviews)) == Strings{"A", "B"});
  CHECK(ids(score_round(tie_rules({}), apps, reviews)) == Strings{"A", "B"});  // id
}

TEST_CASE("scoring: tie-break cofinancing_share, higher share first (not the larger amount)") {
  // X: 1000 / (9000 + 1000) = 0.1 ; Y: 100 / (100 + 100) = 0.5 ; Z: 0 / 500 = 0
  std::vector<Application> apps = {app("X", "9000", "1000"), app("Y", "100", "100"), app("Z", "500", "0")};
  std::vector<Review> reviews = {review("X", "R", {"5", "5"}), review("Y", "R", {"5", "5"}),
                                 review("Z", "R", {"5", "5"})};
  CHECK(ids(score_round(tie_rules({{Kind::cofinancing_share, ""}}), apps, reviews)) == Strings{"Y", "X", "Z"});
}

TEST_CASE("scoring: tie-break requested, smaller request first") {
  std::vector<Application> apps = {app("A", "2000"), app("B", "1000.50"), app("C", "1000.49")};
  std::vector<Review> reviews = {review("A", "R", {"5", "5"}), review("B", "R", {"5", "5"}),
                                 review("C", "R", {"5", "5"})};
  CHECK(ids(score_round(tie_rules({{Kind::requested, ""}}), apps, reviews)) == Strings{"C", "B", "A"});
}

TEST_CASE("scoring: tie-break submitted_at, earlier first, a missing date last") {
  Application a1 = app("A-1"), a2 = app("A-2"), a3 = app("A-3"), a4 = app("A-4");
  a2.submitted_key = *submitted_key_number("2024-02-02T00:00:00");
  a3.submitted_key = *submitted_key_number("2024-02-01T10:00:00");
  a4.submitted_key = *submitted_key_number("2024-02-01T09:59:59");
  // A-1 has none: it sorts after every dated one although its id is first.
  std::vector<Review> reviews = {review("A-1", "R", {"5", "5"}), review("A-2", "R", {"5", "5"}),
                                 review("A-3", "R", {"5", "5"}), review("A-4", "R", {"5", "5"})};
  auto r = score_round(tie_rules({{Kind::submitted_at, ""}}), {a1, a2, a3, a4}, reviews);
  CHECK(ids(r) == Strings{"A-4", "A-3", "A-2", "A-1"});
  // Two missing dates are tied on the key: the id decides.
  Application b = app("B");
  auto both = score_round(tie_rules({{Kind::submitted_at, ""}}), {b, a1},
                          {review("B", "R", {"5", "5"}), review("A-1", "R", {"5", "5"})});
  CHECK(ids(both) == Strings{"A-1", "B"});
}

TEST_CASE("scoring: tie-break input_order, earlier import first") {
  Application a = app("A"), b = app("B"), c = app("C");
  a.input_order = 3;
  b.input_order = 1;
  c.input_order = 2;
  std::vector<Review> reviews = {review("A", "R", {"5", "5"}), review("B", "R", {"5", "5"}),
                                 review("C", "R", {"5", "5"})};
  CHECK(ids(score_round(tie_rules({{Kind::input_order, ""}}), {a, b, c}, reviews)) == Strings{"B", "C", "A"});
}

TEST_CASE("scoring: tie-break keys apply in order; total comes before every key") {
  // C asks least; A and B ask the same, B has the higher share; D has the best keys
  // but a lower total (9.5).
  std::vector<Application> apps = {app("A", "1000", "100"), app("B", "1000", "500"), app("C", "500", "0"),
                                   app("D", "1", "1000")};
  std::vector<Review> reviews = {review("A", "R", {"5", "5"}), review("B", "R", {"5", "5"}),
                                 review("C", "R", {"5", "5"}), review("D", "R", {"5", "4.5"})};
  auto r = score_round(tie_rules({{Kind::requested, ""}, {Kind::cofinancing_share, ""}}), apps, reviews);
  CHECK(ids(r) == Strings{"C", "B", "A", "D"});
  CHECK(get(r, "D").rank == 4);
}

TEST_CASE("scoring: a fourth and fifth tie-break key decide as the first ones, whatever the applications' order") {
  // Every one totals 10 with a = 5, asks 1000 with no co-financing: the first
  // three keys tie. E was submitted first; D and C on the same day, D imported
  // first; F is C again, so the id puts C first; B and A have no date, so come
  // last, B imported first. The ranking is against the id order on purpose.
  Application a = app("A"), b = app("B"), c = app("C"), dd = app("D"), e = app("E"), f = app("F");
  e.submitted_key = *submitted_key_number("2024-01-31T12:00:00");
  dd.submitted_key = c.submitted_key = f.submitted_key = *submitted_key_number("2024-02-01T09:00:00");
  e.input_order = 9;
  dd.input_order = 1;
  c.input_order = f.input_order = 2;
  b.input_order = 3;
  a.input_order = 4;
  Rules rules = tie_rules({{Kind::criterion, "a"},
                           {Kind::cofinancing_share, ""},
                           {Kind::requested, ""},
                           {Kind::submitted_at, ""},
                           {Kind::input_order, ""}});
  std::vector<Review> reviews;
  for (const char* id : {"A", "B", "C", "D", "E", "F"}) reviews.push_back(review(id, "R", {"5", "5"}));
  const Strings expected{"E", "D", "C", "F", "B", "A"};
  auto in_id_order = score_round(rules, {a, b, c, dd, e, f}, reviews);
  CHECK(ids(in_id_order) == expected);
  CHECK(get(in_id_order, "A").rank == 6);
  CHECK(ids(score_round(rules, {f, e, dd, c, b, a}, reviews)) == expected);
  CHECK(ids(score_round(rules, {c, a, f, b, e, dd}, reviews)) == expected);
}

TEST_CASE("scoring: the final key is the id in byte order") {
  // Bytes: '-' (0x2D) < digits < 'B' (0x42) < 'a' (0x61); "A-10" < "A-9".
  std::vector<Application> apps = {app("a"), app("B"), app("A-9"), app("A-10")};
  std::vector<Review> reviews = {review("a", "R", {"5", "5"}), review("B", "R", {"5", "5"}),
                                 review("A-9", "R", {"5", "5"}), review("A-10", "R", {"5", "5"})};
  auto r = score_round(tie_rules({}), apps, reviews);
  CHECK(ids(r) == Strings{"A-10", "A-9", "B", "a"});
  CHECK(get(r, "a").rank == 4);
}

TEST_CASE("scoring: tied_on_every_key compares total and the keys, not the id") {
  Rules rules = tie_rules({{Kind::criterion, "a"}});
  auto r = score_round(rules, {app("A"), app("B"), app("C"), app("D")},
                       {review("A", "R", {"5", "5"}), review("B", "R", {"5", "5"}), review("C", "R", {"6", "4"}),
                        review("D", "R", {"5", "4"})});
  Application a = app("A"), b = app("B"), c = app("C"), dd = app("D");
  CHECK(tied_on_every_key(rules, get(r, "A"), a, get(r, "B"), b));
  CHECK_FALSE(tied_on_every_key(rules, get(r, "A"), a, get(r, "C"), c));   // same total, criterion a differs
  CHECK_FALSE(tied_on_every_key(rules, get(r, "A"), a, get(r, "D"), dd));  // totals differ
  CHECK(tied_on_every_key(tie_rules({}), get(r, "A"), a, get(r, "C"), c));
}

TEST_CASE("scoring: a commission order settles applications tied on every key, before the id") {
  Rules rules = tie_rules({});
  std::vector<Application> apps = {app("A"), app("B"), app("C"), app("TOP")};
  std::vector<Review> reviews = {review("A", "R", {"5", "5"}), review("B", "R", {"5", "5"}),
                                 review("C", "R", {"5", "5"}), review("TOP", "R", {"9", "9"})};
  CHECK(ids(score_round(rules, apps, reviews)) == Strings{"TOP", "A", "B", "C"});
  // The full tie reversed.
  auto full = score_round(rules, apps, reviews, {TieOrder{{"C", "B", "A"}}});
  CHECK(ids(full) == Strings{"TOP", "C", "B", "A"});
  CHECK(get(full, "C").rank == 2);
  CHECK(get(full, "A").rank == 4);
  // Only C and A listed: they swap the places they hold (2nd and 4th); B keeps its place.
  CHECK(ids(score_round(rules, apps, reviews, {TieOrder{{"C", "A"}}})) == Strings{"TOP", "C", "B", "A"});
  CHECK(ids(score_round(rules, apps, reviews, {TieOrder{{"B", "A"}}})) == Strings{"TOP", "B", "A", "C"});
  // An order cannot lift an application above a higher total.
  CHECK(ids(score_round(rules, apps, reviews, {TieOrder{{"A", "TOP"}}})) == Strings{"TOP", "A", "B", "C"});
  // A later order re-arranges its own members again.
  CHECK(ids(score_round(rules, apps, reviews, {TieOrder{{"C", "B", "A"}}, TieOrder{{"A", "C"}}})) ==
        Strings{"TOP", "A", "B", "C"});
  // Unknown ids in an order change nothing.
  CHECK(ids(score_round(rules, apps, reviews, {TieOrder{{"X", "C", "Y"}}})) == Strings{"TOP", "A", "B", "C"});
}

TEST_CASE("scoring: a commission order does not override a tie-break key") {
  Rules rules = tie_rules({{Kind::requested, ""}});
  // Same total; A asks less, so A is first whatever the order says.
  std::vector<Application> apps = {app("A", "100"), app("B", "200")};
  std::vector<Review> reviews = {review("A", "R", {"5", "5"}), review("B", "R", {"5", "5"})};
  CHECK(ids(score_round(rules, apps, reviews, {TieOrder{{"B", "A"}}})) == Strings{"A", "B"});
}

// ----- docs/rules.md §1: rounds ranked by public votes ---------------------------

TEST_CASE("scoring: votes rounds rank by the vote count; only sector, request and co-financing apply") {
  Rules rules;
  rules.id = "pb";
  rules.source = ScoreSource::votes;
  rules.min_reviews = 3;              // does not apply
  rules.pass_total = Rational(1000);  // does not apply
  rules.max_request = m("500");
  rules.sectors = std::vector<Sector>{Sector::ngo};
  rules.tie_break = {{Kind::input_order, ""}};
  auto with = [](const char* id, std::int64_t votes, std::int64_t order, const char* requested = "100") {
    Application a = app(id, requested);
    a.votes = votes;
    a.input_order = order;
    return a;
  };
  Application business = with("V5", 900, 5);
  business.sector = Sector::business;
  auto r = score_round(rules,
                       {with("V1", 120, 2), with("V2", 300, 3), with("V3", 999, 4, "600"), with("V4", 0, 6), business,
                        with("V6", 120, 1)},
                       {});
  CHECK(ids(r) == Strings{"V2", "V6", "V1", "V4", "V3", "V5"});
  const auto& v2 = get(r, "V2");
  CHECK(v2.status == ScoreStatus::ranked);
  CHECK(v2.rank == 1);
  CHECK(v2.total == Rational(300));
  CHECK(v2.criteria.empty());
  CHECK(v2.flags.empty());
  CHECK(v2.reasons.empty());
  CHECK(v2.reviews == 0);
  CHECK(get(r, "V6").rank == 2);  // 120 votes, imported before V1
  CHECK(get(r, "V4").rank == 4);  // zero votes is still ranked
  CHECK(get(r, "V3").reasons == Strings{"request_above_max"});
  CHECK(get(r, "V3").total == Rational(999));
  CHECK(get(r, "V5").reasons == Strings{"sector_not_allowed"});
  CHECK(get(r, "V5").status == ScoreStatus::rejected);
}

TEST_CASE("scoring: a votes round with an application without votes is a state conflict") {
  Rules rules;
  rules.id = "pb";
  rules.source = ScoreSource::votes;
  try {
    static_cast<void>(score_round(rules, {app("A")}, {}));
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::conflict);
    CHECK(std::string(e.what()).find("application A has no votes") != std::string::npos);
  }
}

TEST_CASE("scoring: status names and find") {
  CHECK(to_string(ScoreStatus::ranked) == "ranked");
  CHECK(to_string(ScoreStatus::rejected) == "rejected");
  CHECK(to_string(ScoreStatus::incomplete) == "incomplete");
  auto r = score_round(two_criteria(), {app("A")}, {});
  CHECK(r.find("A") != nullptr);
  CHECK(r.find("B") == nullptr);
  CHECK(r.applications.size() == 1);
}

// ----- the streamed form: review summaries (review_summary.hpp) -------------

TEST_CASE("scoring: reviews summarised as they stream score as the reviews themselves") {
  Rules rules = two_criteria();
  rules.min_reviews = 2;
  rules.max_spread = d("3");
  rules.pass_total = d("20");
  rules.criteria[1].threshold = d("4");
  rules.aggregate = Aggregate::median;
  std::vector<Application> apps = {app("D"), app("A"), app("C"), app("B"), app("E")};
  // Grouped by application (as the store reads them), excluded ones and a
  // review of an application not in the round among them.
  std::vector<Review> reviews = {review("A", "R1", {"8", "2"}),       review("A", "R2", {"9", "6"}),
                                 review("A", "R3", {"2", "6"}),       review("B", "R1", {"5", "5"}),
                                 review("B", "R2", {"5", "5"}, true), review("C", "R1", {"7", "7.5"}),
                                 review("C", "R2", {"7", "7.5"}),     review("X", "R1", {"1", "1"}),
                                 review("D", "R1", {"3", "3"}),       review("D", "R2", {"3.5", "3"})};
  ReviewSummaries summaries(rules, apps);
  for (const Review& r : reviews) summaries.add(r.application, r.excluded, r.scores);
  std::vector<ReviewSummary> s = summaries.finish();
  REQUIRE(s.size() == 5);
  CHECK(s[1].reviews == 3);  // A
  CHECK(s[1].criteria == std::vector<Rational>{d("8"), d("6")});
  CHECK(s[1].flags == Strings{"spread:relevance", "spread:impact"});  // 9 - 2 = 7 > 3; 6 - 2 = 4 > 3
  CHECK(s[3].reviews == 1);                                           // B: one excluded
  CHECK(s[3].criteria.empty());                                       // below min_reviews
  CHECK(s[4].reviews == 0);                                           // E: none
  check_same_scores(score_summarised(rules, apps, std::move(s)), score_round(rules, apps, reviews));
}

TEST_CASE("scoring: review summaries refuse reviews not grouped by application") {
  Rules rules = two_criteria();
  const std::vector<Application> apps = {app("A"), app("B")};  // outlives the summaries, which keep a reference
  ReviewSummaries summaries(rules, apps);
  summaries.add("A", false, ds({"1", "1"}));
  summaries.add("B", false, ds({"1", "1"}));
  CHECK_THROWS_AS(summaries.add("A", false, ds({"1", "1"})), std::invalid_argument);
}

TEST_CASE("scoring: commission orders applied afterwards give what scoring with them gives") {
  Rules rules = tie_rules({});
  std::vector<Application> apps = {app("A"), app("B"), app("C"), app("TOP"), app("LOW")};
  std::vector<Review> reviews = {review("A", "R", {"5", "5"}), review("B", "R", {"5", "5"}),
                                 review("C", "R", {"5", "5"}), review("TOP", "R", {"9", "9"})};
  const ScoreResult plain = score_round(rules, apps, reviews);
  const std::vector<std::vector<TieOrder>> cases = {
      {}, {TieOrder{{"C", "B", "A"}}}, {TieOrder{{"C", "A"}}}, {TieOrder{{"C", "B", "A"}}, TieOrder{{"A", "C"}}}};
  for (const auto& orders : cases) {
    check_same_scores(with_tie_orders(rules, apps, plain, orders), score_round(rules, apps, reviews, orders));
  }
  CHECK(ids(with_tie_orders(rules, apps, plain, {TieOrder{{"C", "B", "A"}}})) == Strings{"TOP", "C", "B", "A", "LOW"});
}
