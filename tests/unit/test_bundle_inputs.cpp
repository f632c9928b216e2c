// What `audit bundle` derives again without a database: organisations (for
// the per-organisation cap), conflicts of interest (excluded reviews), and the
// commission decisions of decisions.csv (written and read back).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "formats/bundle_inputs.hpp"
#include "formats/decisions_csv.hpp"

using namespace competition;

namespace {

Application app(std::string id, std::string organisation, std::string edrpou, std::int64_t order) {
  Application a;
  a.id = std::move(id);
  a.organisation = std::move(organisation);
  a.edrpou = std::move(edrpou);
  a.input_order = order;
  return a;
}

Review review(std::string application, std::string reviewer) {
  Review r;
  r.application = std::move(application);
  r.reviewer = std::move(reviewer);
  return r;
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
  std::vector<Review> reviews = {review("A-1", "R-1"), review("A-4", "R-1"), review("A-2", "R-2"), review("A-3", "R-2"),
                                 review("A-3", "R-3"), review("A-1", "R-4"), review("A-9", "R-1")};
  mark_conflicts(apps, reviewers, reviews);
  CHECK(reviews[0].excluded);
  CHECK_FALSE(reviews[1].excluded);
  CHECK(reviews[2].excluded);
  CHECK(reviews[3].excluded);
  CHECK(reviews[4].excluded);  // «Крок-Харків» is the organisation R-3 named as «ГО «Крок»»
  CHECK_FALSE(reviews[5].excluded);
  CHECK_FALSE(reviews[6].excluded);  // unknown application: left as it is
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
