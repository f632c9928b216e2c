// The canonical CSV of the inputs (docs/bundle.md): column order, rows
// sorted whatever the input order, quoting only when needed, verbatim text,
// money with 2 decimals, the optional `votes` and `input_order` columns.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "formats/canonical_csv.hpp"

using namespace competition;

namespace {

Rules two_criteria() {
  Rules r;
  r.id = "c-1";
  Criterion a;
  a.id = "relevance";
  a.weight = Rational(2);
  Criterion b;
  b.id = "impact";
  b.weight = Rational(1);
  r.criteria = {a, b};
  return r;
}

Application app(std::string id, std::string org, Money requested, std::int64_t order) {
  Application a;
  a.id = std::move(id);
  a.organisation = std::move(org);
  a.title = "Проект";
  a.requested = requested;
  a.input_order = order;
  return a;
}

}  // namespace

TEST_CASE("canonical csv: applications in docs/formats.md order, sorted by id, quoted only when needed") {
  Rules rules = two_criteria();
  Application b = app("B-2", "ГО «Діти, батьки»", Money::from_kopiykas(1250050), 1);
  b.edrpou = "00032129";
  b.category = "children";
  b.cofinancing = Money::from_hryvnias(100);
  b.planned_clients = 30;
  b.submitted_at = "21.01.2018";
  Application a = app("A-1", "=SUM(A1)", Money::from_hryvnias(5), 2);
  a.sector = Sector::state;
  a.title = "Say \"hi\"\nthere";
  const std::string expected =
      "id,organisation,edrpou,sector,title,category,requested,cofinancing,planned_clients,planned_jobs,"
      "planned_volunteers,submitted_at\n"
      "A-1,=SUM(A1),,state,\"Say \"\"hi\"\"\nthere\",,5.00,0.00,0,0,0,\n"
      "B-2,\"ГО «Діти, батьки»\",00032129,ngo,Проект,children,12500.50,100.00,30,0,0,21.01.2018\n";
  CHECK(canonical_applications_csv(rules, {a, b}) == expected);
  CHECK(canonical_applications_csv(rules, {b, a}) == expected);
}

TEST_CASE("canonical csv: input_order and votes columns only when the rules use them") {
  Rules rules;
  rules.source = ScoreSource::votes;
  rules.tie_break = {{TieBreakKey::Kind::input_order, ""}};
  Application x = app("X", "Org", Money::from_hryvnias(1), 2);
  x.votes = 17;
  Application y = app("Y", "Org", Money::from_hryvnias(1), 1);
  CHECK(canonical_applications_csv(rules, {y, x}) ==
        "id,organisation,edrpou,sector,title,category,requested,cofinancing,planned_clients,planned_jobs,"
        "planned_volunteers,submitted_at,votes,input_order\n"
        "X,Org,,ngo,Проект,,1.00,0.00,0,0,0,,17,2\n"
        "Y,Org,,ngo,Проект,,1.00,0.00,0,0,0,,,1\n");
}

TEST_CASE("canonical csv: a services column, before votes, only when some application has services") {
  Rules rules;
  rules.source = ScoreSource::votes;
  Application x = app("X", "Org", Money::from_hryvnias(1), 2);
  x.votes = 3;
  x.services = {"information", "legal"};
  Application y = app("Y", "Org", Money::from_hryvnias(1), 1);
  y.votes = 4;
  CHECK(canonical_applications_csv(rules, {y, x}) ==
        "id,organisation,edrpou,sector,title,category,requested,cofinancing,planned_clients,planned_jobs,"
        "planned_volunteers,submitted_at,services,votes\n"
        "X,Org,,ngo,Проект,,1.00,0.00,0,0,0,,information|legal,3\n"
        "Y,Org,,ngo,Проект,,1.00,0.00,0,0,0,,,4\n");
  x.services.clear();
  CHECK(canonical_applications_csv(rules, {y, x})
            .starts_with("id,organisation,edrpou,sector,title,category,requested,"
                         "cofinancing,planned_clients,planned_jobs,"
                         "planned_volunteers,submitted_at,votes\n"));
}

TEST_CASE("canonical csv: reviewers sorted by id, conflicts joined with |") {
  std::vector<Reviewer> r = {{"R-2", "Петренко", {"12345678", "ГО Крок"}, {}, std::nullopt},
                             {"R-1", "Іваненко", {}, {}, std::nullopt}};
  CHECK(canonical_reviewers_csv(r) == "id,name,conflicts\nR-1,Іваненко,\nR-2,Петренко,12345678|ГО Крок\n");
}

TEST_CASE("canonical csv: categories and capacity columns only when some reviewer has a value") {
  Reviewer a{"R-1", "А", {}, {"art", "roads"}, std::nullopt};
  Reviewer b{"R-2", "Б", {}, {}, 4};
  CHECK(canonical_reviewers_csv({a}) == "id,name,conflicts,categories\nR-1,А,,art|roads\n");
  CHECK(canonical_reviewers_csv({b}) == "id,name,conflicts,capacity\nR-2,Б,,4\n");
  CHECK(canonical_reviewers_csv({b, a}) == "id,name,conflicts,categories,capacity\nR-1,А,,art|roads,\nR-2,Б,,,4\n");
}

TEST_CASE("canonical csv: reviews sorted by application then reviewer, criteria in rules order") {
  Rules rules = two_criteria();
  Review r1{"A-2", "R-1", {Rational(17, 2), Rational(7)}, "", false};
  Review r2{"A-1", "R-2", {Rational(10), Rational(1, 4)}, "Добре, але", false};
  Review r3{"A-1", "R-1", {Rational(0), Rational(3)}, "", true};
  const std::string expected =
      "application,reviewer,relevance,impact,comment\n"
      "A-1,R-1,0,3,\n"
      "A-1,R-2,10,0.25,\"Добре, але\"\n"
      "A-2,R-1,8.5,7,\n";
  CHECK(canonical_reviews_csv(rules, {r1, r2, r3}) == expected);
  CHECK(canonical_reviews_csv(rules, {r3, r1, r2}) == expected);
}

TEST_CASE("canonical csv: outcomes sorted by application, empty cells for unreported values") {
  Outcome a{"A-2", 120, std::nullopt, 4, Money::from_kopiykas(600050), std::nullopt};
  Outcome b{"A-1", std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
  CHECK(canonical_outcomes_csv({a, b}) ==
        "application,clients,jobs,volunteers,attracted\nA-1,,,,\nA-2,120,,4,6000.50\n");
}

TEST_CASE("canonical outcomes.csv: a received_on column only when some outcome has one") {
  Outcome a{"A-2", 120, std::nullopt, 4, Money::from_kopiykas(600050), std::string("2018-12-14")};
  Outcome b{"A-1", std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
  CHECK(canonical_outcomes_csv({a, b}) ==
        "application,clients,jobs,volunteers,attracted,received_on\nA-1,,,,,\nA-2,120,,4,6000.50,2018-12-14\n");
}

TEST_CASE("canonical agreements.csv and payments.csv: columns of docs/formats.md, rows by application then key") {
  const std::vector<Agreement> agreements = {
      {"A-2", "2/2018", "2018-03-26", Money::from_kopiykas(3210000), "2018-12-14"},
      {"A-1", "1, bis", "2018-03-28", Money::from_kopiykas(50), "2019-01-15"}};
  CHECK(canonical_agreements_csv(agreements) ==
        "application,number,signed_on,amount,report_due\nA-1,\"1, bis\",2018-03-28,0.50,2019-01-15\n"
        "A-2,2/2018,2018-03-26,32100.00,2018-12-14\n");
  const std::vector<Payment> payments = {{"A-2", "PP-9", "2018-04-09", Money::from_kopiykas(100), true},
                                         {"A-1", "PP-2", "2018-10-01", Money::from_kopiykas(700000), false},
                                         {"A-1", "PP-10", "2018-04-09", Money::from_kopiykas(1200000), false}};
  CHECK(canonical_payments_csv(payments) ==
        "application,reference,paid_on,amount,kind\nA-1,PP-10,2018-04-09,12000.00,payment\n"
        "A-1,PP-2,2018-10-01,7000.00,payment\nA-2,PP-9,2018-04-09,1.00,refund\n");
}
