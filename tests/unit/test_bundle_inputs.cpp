// What `audit bundle` derives again without a database: organisations (for
// the per-organisation cap), conflicts of interest (excluded reviews), and the
// commission decisions of decisions.csv (written and read back).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "engine/review_summary.hpp"
#include "engine/scoring.hpp"
#include "formats/bundle_inputs.hpp"
#include "formats/decisions_csv.hpp"
#include "same_scores.hpp"

using namespace competition;
using competition::testing::check_same_scores;

namespace {

Application app(std::string id, std::string organisation, std::string edrpou, std::int64_t order) {
  Application a;
  a.id = std::move(id);
  a.organisation = std::move(organisation);
  a.edrpou = std::move(edrpou);
  a.input_order = order;
  return a;
}

}  // namespace

TEST_CASE("bundle inputs: organisations by code, else by normalised name; a name known with a code is that code") {
  std::vector<Application> apps = {app("A-1", "ГО «Світанок»", "", 1), app("A-2", "го  «світанок» ", "", 2),
                                   app("A-3", "ГО «Крок»", "26519933", 3), app("A-4", "Інша назва", "26519933", 4),
                                   app("A-5", "го «крок»", "", 5)};
  assign_organisations(apps);
  CHECK(apps[0].organisation_key == apps[1].organisation_key);  // case and spaces normalised
  CHECK(apps[2].organisation_key == apps[3].organisation_key);  // one code, two names
  CHECK(apps[4].organisation_key == apps[2].organisation_key);  // no code, the name of a coded one
  CHECK(apps[0].organisation_key != apps[2].organisation_key);
}

TEST_CASE("bundle inputs: conflicts by code, by name, and by another name of the same organisation") {
  std::vector<Application> apps = {app("A-1", "ГО «Світанок»", "", 1), app("A-2", "ГО «Крок»", "26519933", 2),
                                   app("A-3", "Крок-Харків", "26519933", 3), app("A-4", "ГО «Надія»", "", 4)};
  assign_organisations(apps);
  std::vector<Reviewer> reviewers = {{"R-1", "by name", {"го «світанок»"}, {}, std::nullopt},
                                     {"R-2", "by code", {"26519933"}, {}, std::nullopt},
                                     {"R-3", "by another name", {"ГО «Крок»"}, {}, std::nullopt},
                                     {"R-4", "none", {}, {}, std::nullopt}};
  const Conflicts conflicts(apps, reviewers);
  CHECK(conflicts.excluded("A-1", "R-1"));
  CHECK_FALSE(conflicts.excluded("A-4", "R-1"));
  CHECK(conflicts.excluded("A-2", "R-2"));
  CHECK(conflicts.excluded("A-3", "R-2"));
  CHECK(conflicts.excluded("A-3", "R-3"));  // «Крок-Харків» is the organisation R-3 named as «ГО «Крок»»
  CHECK_FALSE(conflicts.excluded("A-1", "R-4"));
  CHECK_FALSE(conflicts.excluded("A-9", "R-1"));  // unknown application: left as it is
  CHECK_FALSE(conflicts.excluded("A-1", "R-9"));  // unknown reviewer
  CHECK(conflicts.knows_application("A-4"));
  CHECK_FALSE(conflicts.knows_application("A-9"));
  CHECK(conflicts.knows_reviewer("R-4"));
  CHECK_FALSE(conflicts.knows_reviewer("R-9"));
}

TEST_CASE("bundle inputs: a name two coded organisations have is the earliest imported one's") {
  // «ГО «Зоря»» has code 26519933 (imported second) and 14360570 (imported first):
  // a conflict naming it names 14360570, so also its other name «Зоря-Львів».
  std::vector<Application> apps = {app("A-1", "ГО «Зоря»", "26519933", 2), app("A-2", "го «зоря»", "14360570", 1),
                                   app("A-3", "Зоря-Львів", "14360570", 3), app("A-4", "Зоря-Київ", "26519933", 4)};
  assign_organisations(apps);
  std::vector<Reviewer> reviewers = {{"R-1", "by name", {"ГО «Зоря»"}, {}, std::nullopt}};
  const Conflicts conflicts(apps, reviewers);
  CHECK(conflicts.excluded("A-1", "R-1"));  // by name
  CHECK(conflicts.excluded("A-2", "R-1"));
  CHECK(conflicts.excluded("A-3", "R-1"));        // the organisation the name is
  CHECK_FALSE(conflicts.excluded("A-4", "R-1"));  // the other code, by another name
}

// What `audit bundle` scores from: the reviews in canonical order, summarised
// as they come with Conflicts telling the excluded ones.
TEST_CASE("bundle inputs: reviews summarised in canonical order with Conflicts score as score_round") {
  Rules rules;
  rules.id = "t-1";
  for (const auto& [id, weight] : {std::pair{"relevance", 2}, std::pair{"feasibility", 1}}) {
    Criterion c;
    c.id = id;
    c.weight = Rational(weight);
    rules.criteria.push_back(c);
  }
  rules.min_reviews = 2;
  std::vector<Application> apps = {app("A-01", "ГО «Світанок»", "", 1), app("A-02", "ГО «Крок»", "26519933", 2),
                                   app("A-03", "ГО «Надія»", "", 3)};
  for (Application& a : apps) a.requested = Money::from_hryvnias(1000);
  assign_organisations(apps);
  const std::vector<Reviewer> reviewers = {{"R-1", "", {}, {}, std::nullopt},
                                           {"R-2", "", {}, {}, std::nullopt},
                                           {"R-3", "", {"ГО «Світанок»"}, {}, std::nullopt}};
  auto review = [](const char* application, const char* reviewer, std::int64_t a, std::int64_t b) {
    return Review{application, reviewer, {Rational(a), Rational(b)}, "", false};
  };
  // In file order, not canonical: R-3's review of A-01 is a conflict, A-03
  // has one review (below min_reviews), X-9 is no application of the round.
  std::vector<Review> reviews = {review("A-02", "R-2", 6, 6), review("A-01", "R-3", 1, 1), review("A-01", "R-1", 9, 8),
                                 review("A-03", "R-1", 9, 9), review("A-01", "R-2", 7, 6), review("A-02", "R-1", 8, 8),
                                 review("X-9", "R-1", 5, 5)};
  const Conflicts conflicts(apps, reviewers);

  std::vector<Review> sorted = reviews;
  std::sort(sorted.begin(), sorted.end(), [](const Review& x, const Review& y) {
    return std::tie(x.application, x.reviewer) < std::tie(y.application, y.reviewer);
  });
  ReviewSummaries summaries(rules, apps);
  for (const Review& rv : sorted)
    summaries.add(rv.application, conflicts.excluded(rv.application, rv.reviewer), rv.scores);
  const ScoreResult streamed = score_summarised(rules, apps, summaries.finish());

  for (Review& rv : reviews) rv.excluded = conflicts.excluded(rv.application, rv.reviewer);
  check_same_scores(streamed, score_round(rules, apps, reviews));

  // A-01 without R-3: means 8 and 7, total 2×8 + 7 = 23; A-02: 7 and 7, 21.
  REQUIRE(streamed.applications.size() == 3);
  CHECK(streamed.applications[0].id == "A-01");
  CHECK(streamed.applications[0].reviews == 2);
  CHECK(streamed.applications[0].total == Rational(23));
  CHECK(streamed.applications[1].id == "A-02");
  CHECK(streamed.applications[1].total == Rational(21));
  CHECK(streamed.applications[2].id == "A-03");
  CHECK(streamed.applications[2].reviews == 1);
  CHECK(streamed.applications[2].status == ScoreStatus::incomplete);
}

TEST_CASE("decisions.csv: written in log order and read back with undone_by derived again") {
  CommissionDecision w;
  w.n = 1;
  w.kind = DecisionKind::withdraw;
  w.applications = {"A-02"};
  w.reason = "Заявник відмовився, \"офіційно\"";
  w.recorded_at = "2026-03-02T10:15:00Z";
  w.undone_by = 3;
  CommissionDecision o;
  o.n = 2;
  o.kind = DecisionKind::override_award;
  o.applications = {"A-04"};
  o.award = Money::from_hryvnias(20000);
  o.reason = "Скорочено\nкошторис";
  o.recorded_at = "2026-03-02T10:16:00Z";
  CommissionDecision u;
  u.n = 3;
  u.kind = DecisionKind::undo;
  u.applications = {"A-02"};
  u.undoes = 1;
  u.reason = "помилка";
  u.recorded_at = "2026-03-02T10:17:00Z";
  std::string csv = decisions_csv({w, o, u});
  CHECK(csv.rfind("n,kind,applications,award,reason,recorded_at,undoes,undone_by\n1,withdraw,A-02,,", 0) == 0);
  std::vector<Diagnostic> errors;
  auto back = parse_decisions_csv(csv, "decisions.csv", errors);
  CHECK(errors.empty());
  REQUIRE(back.size() == 3);
  CHECK(back[0].undone_by == 3);
  CHECK(back[1].award == Money::from_hryvnias(20000));
  CHECK(back[1].reason == "Скорочено\nкошторис");
  CHECK(back[2].undoes == 1);
  CHECK(decisions_csv(back) == csv);

  SUBCASE("the same rows in people's style (`decisions --format csv --excel`)") {
    std::string excel = decisions_csv({w, o, u}, CsvStyle::people(true));
    CHECK(excel ==
          "\xEF\xBB\xBFn;kind;applications;award;reason;recorded_at;undoes;undone_by\n"
          "1;withdraw;A-02;;\"Заявник відмовився, \"\"офіційно\"\"\";2026-03-02T10:15:00Z;;3\n"
          "2;override;A-04;20000,00;\"Скорочено\nкошторис\";2026-03-02T10:16:00Z;;\n"
          "3;undo;A-02;;помилка;2026-03-02T10:17:00Z;1;\n");
  }
  SUBCASE("an undone_by that does not follow from the undo entries is an error") {
    std::string bad = csv;
    bad.replace(bad.find(",,3\n"), 4, ",,\n");
    errors.clear();
    parse_decisions_csv(bad, "decisions.csv", errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "undone_by");
  }
  SUBCASE("numbers out of sequence and unknown kinds are errors") {
    errors.clear();
    parse_decisions_csv("n,kind,applications,award,reason,recorded_at,undoes,undone_by\n2,veto,A-1,,r,t,,\n",
                        "decisions.csv", errors);
    CHECK(errors.size() == 2);
  }
}
