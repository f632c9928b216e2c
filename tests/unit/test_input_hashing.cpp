// commands/input_hashing: the hashes computed on a second thread are those of
// ApplicationsHash and ReviewsHash fed the same rows on this one.
#include "commands/input_hashing.hpp"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "temp_store.hpp"

using namespace competition;
using competition::testing::TempStore;

TEST_CASE("input hashing: reviews hashed on a second thread, more rows than a batch") {
  Rules rules;
  Criterion q, s;
  q.id = "q";
  s.id = "s";
  rules.criteria = {q, s};
  ReviewsHash here(rules);
  ReviewsHashing there(rules);
  std::vector<Rational> scores;
  for (int i = 0; i < 10000; ++i) {
    const std::string application = "A" + std::to_string(10000 + i / 3), reviewer = "R" + std::to_string(i % 3);
    scores = {Rational(i % 11, 2), Rational(i % 4)};
    if (i % 13 == 0) scores.pop_back();  // a row without its last score
    const std::string comment = i % 7 ? "" : "good, \"very\"";
    here.add(application, reviewer, scores, comment);
    there.add(ReviewRow{application, reviewer, scores, comment, false});
  }
  CHECK(there.hex() == here.hex());
}

TEST_CASE(
    "input hashing: `also` sees every review on the second thread, in order, and its failure is raised by hex()") {
  Rules rules;
  Criterion q;
  q.id = "q";
  rules.criteria = {q};
  std::vector<std::string> seen;
  ReviewsHashing there(rules, [&](const ReviewRow& row) {
    seen.push_back(std::string(row.application) + "/" + std::string(row.reviewer) + "/" + row.scores[0].to_decimal() +
                   (row.excluded ? "/x" : ""));
  });
  std::vector<std::string> fed;
  for (int i = 0; i < 9000; ++i) {
    const std::string application = "A" + std::to_string(10000 + i / 3), reviewer = "R" + std::to_string(i % 3);
    const std::vector<Rational> scores{Rational(i % 9, 4)};
    there.add(ReviewRow{application, reviewer, scores, "", i % 5 == 0});
    fed.push_back(application + "/" + reviewer + "/" + scores[0].to_decimal() + (i % 5 == 0 ? "/x" : ""));
  }
  (void)there.hex();
  CHECK(seen == fed);
  CHECK(seen[0] == "A10000/R0/0/x");
  CHECK(seen[4] == "A10001/R1/1");

  int calls = 0;
  ReviewsHashing failing(rules, [&](const ReviewRow&) {
    if (++calls == 5000) throw std::invalid_argument("row 5000");
  });
  const std::vector<Rational> one{Rational(1)};
  for (int i = 0; i < 9000; ++i) failing.add(ReviewRow{"A1", "R" + std::to_string(i), one, "", false});
  CHECK_THROWS_WITH_AS(failing.hex(), "row 5000", std::invalid_argument);
  CHECK(calls == 5000);
}

TEST_CASE("input hashing: the applications read from the store, hashed as read, titles dropped or kept") {
  TempStore t(competition::testing::one_criterion_rules("h-1"));
  std::string csv = "id,organisation,title,category,requested\n";
  for (int i = 0; i < 9000; ++i)
    csv += "P-" + std::to_string(10000 + i) + ",ГО «Крок " + std::to_string(i % 50) + "»,Проєкт " + std::to_string(i) +
           ",,100\n";
  ImportOptions o;
  o.kind = ImportKind::applications;
  o.file = "applications.csv";
  REQUIRE(import_file(*t.store, o, csv).added == 9000);
  const Rules rules = Store::rules_of(*t.store->find_round("h-1"));
  std::vector<Application> all = t.store->applications("h-1");
  REQUIRE(all.size() == 9000);
  const std::string expected = applications_sha256(rules, all);
  HashedApplications without = read_hashed_applications(*t.store, "h-1", rules, false);
  CHECK(without.sha256 == expected);
  CHECK(without.applications.size() == 9000);
  CHECK(without.applications[17].title.empty());
  HashedApplications with = read_hashed_applications(*t.store, "h-1", rules, true);
  CHECK(with.sha256 == expected);
  CHECK(with.applications[17].title == "Проєкт 17");
  HashedApplications unhashed = read_hashed_applications(*t.store, "h-1", rules, false, false);
  CHECK(unhashed.sha256.empty());
  CHECK(unhashed.applications.size() == 9000);
}

TEST_CASE("input hashing: the applications' shape, one scan: how many, and whether one names services") {
  TempStore t(competition::testing::one_criterion_rules("h-1"));
  Store::ApplicationsShape none = t.store->applications_shape("h-1");
  CHECK(none.count == 0);
  CHECK_FALSE(none.services);
  ImportOptions o;
  o.kind = ImportKind::applications;
  o.file = "applications.csv";
  REQUIRE(import_file(*t.store, o,
                      "id,organisation,title,requested,services\nP-1,ГО Один,t,100,\nP-2,ГО Два,t,100,legal\n"
                      "P-3,ГО Три,t,100,\n")
              .added == 3);
  Store::ApplicationsShape shape = t.store->applications_shape("h-1");
  CHECK(shape.count == 3);
  CHECK(shape.services);
  // The hash read with the shape's services column is the one of the applications as a whole.
  const Rules rules = Store::rules_of(*t.store->find_round("h-1"));
  const std::vector<Application> all = t.store->applications("h-1");
  REQUIRE(all.size() == 3);
  CHECK(all[1].services == std::vector<std::string>{"legal"});
  CHECK(read_hashed_applications(*t.store, "h-1", rules, false).sha256 == applications_sha256(rules, all));
  CHECK(t.store->applications("h-1", {}, 3).size() == 3);
}
