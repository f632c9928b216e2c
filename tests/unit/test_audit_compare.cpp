// The comparisons of `audit` (docs/cli.md "audit"): stored scores, the allocations
// table and the decision record against what the library computes again, field
// by field, with the tokens of the JSON and the words of the text output.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/audit_compare.hpp"
#include "engine/decision_record.hpp"
#include "render/render_audit.hpp"

using namespace competition;

namespace {

Decision decision() {
  Decision d;
  d.round = "r-1";
  d.budget = Money::from_hryvnias(100);
  d.awarded = Money::from_hryvnias(60);
  d.leftover = Money::from_hryvnias(40);
  d.lots = {{"main", Money::from_hryvnias(100), Money::from_hryvnias(60)}};
  d.applications = {{"A", 1, AwardStatus::funded, Money::from_hryvnias(60), std::string("main"), {}},
                    {"B", 2, AwardStatus::reserve, Money{}, std::nullopt, {"budget_exhausted"}},
                    {"C", std::nullopt, AwardStatus::rejected, Money{}, std::nullopt, {"total_below_pass"}}};
  return d;
}

nlohmann::ordered_json record_of(const Decision& d) {
  nlohmann::ordered_json inputs = {{"applications.csv", "aa"}, {"reviewers.csv", "bb"}, {"reviews.csv", "cc"}};
  return with_fingerprint(decision_record("r-1", "ff", inputs, nlohmann::ordered_json::array(), d));
}

bool has(const std::vector<Difference>& diffs, const Difference& d) {
  return std::find(diffs.begin(), diffs.end(), d) != diffs.end();
}

ScoredApplication scored(std::string id, std::optional<int> rank, Rational total, std::vector<Rational> criteria) {
  ScoredApplication s;
  s.id = std::move(id);
  s.status = rank ? ScoreStatus::ranked : ScoreStatus::rejected;
  s.rank = rank;
  s.total = total;
  s.criteria = std::move(criteria);
  s.reviews = 2;
  return s;
}

}  // namespace

TEST_CASE("audit compare: exact values print exactly") {
  CHECK(exact_text(Rational(175, 2)) == "87.5");
  CHECK(exact_text(Rational(7)) == "7");
  CHECK(exact_text(Rational(263, 3)) == "263/3");
  CHECK(exact_text(Rational(1, 3)) != exact_text(Rational(3333, 10000)));
}

TEST_CASE("audit compare: the allocations table, field by field") {
  Decision computed = decision();
  std::vector<AllocationLine> stored = computed.applications;
  std::vector<Difference> diffs;
  compare_allocation(stored, computed, diffs);
  CHECK(diffs.empty());

  stored[0].award = Money::from_kopiykas(6010000);  // UPDATE allocations SET award = …
  stored[1].status = AwardStatus::funded;
  stored[1].lot = "main";
  stored[1].reasons.clear();
  stored.pop_back();  // C deleted
  stored.push_back({"Z", 9, AwardStatus::funded, Money::from_hryvnias(1), std::string("main"), {}});
  compare_allocation(stored, computed, diffs);
  CHECK(has(diffs, {std::string("A"), "award", std::string("60100.00"), std::string("60.00")}));
  CHECK(has(diffs, {std::string("B"), "status", std::string("funded"), std::string("reserve")}));
  CHECK(has(diffs, {std::string("B"), "lot", std::string("main"), std::nullopt}));
  CHECK(has(diffs, {std::string("B"), "reasons", std::string(""), std::string("budget_exhausted")}));
  CHECK(has(diffs, {std::string("C"), "present", std::string("no"), std::string("yes")}));
  CHECK(has(diffs, {std::string("Z"), "present", std::string("yes"), std::string("no")}));
  CHECK(diffs.size() == 6);
  CHECK(difference_in_words(diffs[0], Lang::en) == "A: award: stored 60,100.00 UAH, computed 60.00 UAH");
  CHECK(difference_in_words(diffs[0], Lang::uk) == "A: сума: збережено 60 100,00 грн, обчислено 60,00 грн");
  CHECK(difference_in_words(diffs[0], Lang::en, "EUR") == "A: award: stored 60,100.00 EUR, computed 60.00 EUR");
}

TEST_CASE("audit compare: stored scores against fresh ones") {
  Rules rules;
  for (const char* id : {"relevance", "impact"}) {
    Criterion c;
    c.id = id;
    c.weight = Rational(1);
    rules.criteria.push_back(c);
  }
  ScoreResult fresh{{scored("A", 1, Rational(30), {Rational(10), Rational(10)}),
                     scored("B", std::nullopt, Rational(21, 2), {Rational(7, 2), Rational(7, 2)})}};
  std::vector<Difference> diffs;
  compare_scores(rules, fresh, fresh, diffs);
  CHECK(diffs.empty());
  ScoreResult stored = fresh;
  stored.applications[1].total = Rational(10);
  stored.applications[1].criteria[0] = Rational(3);
  stored.applications[1].reasons = {"total_below_pass"};
  compare_scores(rules, stored, fresh, diffs);
  CHECK(diffs.size() == 3);
  CHECK(has(diffs, {std::string("B"), "score.total", std::string("10"), std::string("10.5")}));
  CHECK(has(diffs, {std::string("B"), "score.criteria.relevance", std::string("3"), std::string("3.5")}));
  CHECK(has(diffs, {std::string("B"), "score.reasons", std::string("total_below_pass"), std::string("")}));
  CHECK(difference_in_words(diffs[1], Lang::en) == "B: score for criterion relevance: stored 3, computed 3.5");
}

TEST_CASE("audit compare: an intact record matches its recomputation") {
  auto record = record_of(decision());
  std::vector<Difference> diffs;
  compare_records(record, record, diffs);
  CHECK(diffs.empty());
}

TEST_CASE("audit compare: the record, field by field, and both fingerprints") {
  auto computed = record_of(decision());
  SUBCASE("an award edited in the record (without fixing the fingerprint)") {
    auto stored = computed;
    stored["applications"][0]["award"] = "61.00";
    std::vector<Difference> diffs;
    compare_records(stored, computed, diffs);
    CHECK(has(diffs, {std::string("A"), "record.award", std::string("61.00"), std::string("60.00")}));
    // The stored fingerprint no longer matches the stored record's own content.
    CHECK(std::any_of(diffs.begin(), diffs.end(), [](const Difference& d) { return d.field == "record.fingerprint"; }));
    CHECK(std::none_of(diffs.begin(), diffs.end(), [](const Difference& d) { return d.field == "fingerprint"; }));
  }
  SUBCASE("inputs and rules that no longer give the stored decision") {
    Decision d = decision();
    d.applications[0].award = Money::from_hryvnias(50);
    d.awarded = Money::from_hryvnias(50);
    d.leftover = Money::from_hryvnias(50);
    nlohmann::ordered_json inputs = {{"applications.csv", "aa"}, {"reviewers.csv", "bb"}, {"reviews.csv", "dd"}};
    auto fresh = with_fingerprint(decision_record("r-1", "ee", inputs, nlohmann::ordered_json::array(), d));
    std::vector<Difference> diffs;
    compare_records(computed, fresh, diffs);
    CHECK(has(diffs, {std::nullopt, "record.rules_sha256", std::string("ff"), std::string("ee")}));
    CHECK(has(diffs, {std::nullopt, "inputs.reviews.csv", std::string("cc"), std::string("dd")}));
    CHECK(has(diffs, {std::nullopt, "record.awarded", std::string("60.00"), std::string("50.00")}));
    CHECK(has(diffs, {std::string("A"), "record.award", std::string("60.00"), std::string("50.00")}));
    CHECK(has(diffs, {std::nullopt, "fingerprint", computed["fingerprint"].get<std::string>(),
                      fresh["fingerprint"].get<std::string>()}));
    CHECK(
        std::none_of(diffs.begin(), diffs.end(), [](const Difference& x) { return x.field == "record.fingerprint"; }));
    auto words = difference_in_words(
        *std::find_if(diffs.begin(), diffs.end(), [](const Difference& x) { return x.field == "inputs.reviews.csv"; }),
        Lang::en);
    CHECK(words == "hash of reviews.csv in the decision record: stored cc, computed dd");
  }
  SUBCASE("lots, members and applications added or missing") {
    auto stored = computed;
    stored["lots"][0]["awarded"] = "59.00";
    stored["applications"].erase(2);
    stored["extra"] = "x";
    std::vector<Difference> diffs;
    compare_records(stored, computed, diffs);
    CHECK(has(diffs, {std::nullopt, "record.lots.main.awarded", std::string("59.00"), std::string("60.00")}));
    CHECK(has(diffs, {std::string("C"), "record.present", std::string("no"), std::string("yes")}));
    CHECK(has(diffs, {std::nullopt, "record.extra", std::string("x"), std::nullopt}));
    CHECK(has(diffs, {std::nullopt, "record.order", std::string("A|B"), std::string("A|B|C")}));
  }
}

TEST_CASE("audit compare: the JSON of docs/cli.md") {
  AuditResult r;
  RoundAudit a;
  a.round = "esm-2017";
  a.differences = {{std::string("A-017"), "award", std::string("50100.00"), std::string("50000.00")}};
  r.rounds = {a};
  CHECK(render_audit_json(r) ==
        R"({"ok":false,"rounds":[{"round":"esm-2017","ok":false,"chain":"ok","pending_decisions":0,)"
        R"("differences":[{"application":"A-017","field":"award","stored":"50100.00","computed":"50000.00"}]}]})"
        "\n");
  CHECK(render_audit_text(r, Lang::en, AuditText::differences_only) ==
        "esm-2017: A-017: award: stored 50,100.00 UAH, computed 50,000.00 UAH\n");
}
