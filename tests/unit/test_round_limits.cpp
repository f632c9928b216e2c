// docs/formats.md "Limits": the totals an import checks so that an accepted
// round stays computable, and the checked sums of counts.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

#include "base/checked_sum.hpp"
#include "store/failure.hpp"
#include "store/round_limits.hpp"
#include "temp_store.hpp"

using namespace competition;

namespace {

const char* rules_text = R"(
[competition]
id = "lim"
title = "t"
year = 2024
budget = 1000

[[criteria]]
id = "a"
weight = 1
min = 0
max = 10
)";

// The file-level errors of importing `csv` as `kind` (empty when it was accepted).
std::vector<std::string> refused(testing::TempStore& t, ImportKind kind, const std::string& csv) {
  try {
    t.import(kind, csv, "in.csv");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::invalid);
    std::vector<std::string> out;
    for (const auto& d : e.diagnostics()) out.push_back(d.to_string(Lang::en));
    return out;
  }
  return {};
}

}  // namespace

TEST_CASE("round limits: a round's money adds up to at most 999 999 999 999 999.99") {
  testing::TempStore t(rules_text, "round-limits");
  // 99 999 999 999 999 999 kopiykas exactly: accepted.
  CHECK(refused(t, ImportKind::applications,
                "id,organisation,title,requested,cofinancing\nA-1,O,t,999999999999999.98,0.01\n")
            .empty());
  // One kopiyka more, in a second application: the file is refused, nothing written.
  auto errors = refused(t, ImportKind::applications, "id,organisation,title,requested\nA-2,O,t,0.01\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] ==
        "in.csv: round lim: the requested and co-financing amounts of the applications add up to "
        "1000000000000000.00; at most 999999999999999.99 is allowed (docs/formats.md \"Limits\")");
  CHECK(t.count("applications") == 1);
}

TEST_CASE("round limits: a sum SQLite cannot hold is reported as such, and counts are bounded too") {
  testing::TempStore t(rules_text, "round-limits");
  std::string csv = "id,organisation,title,requested,cofinancing,planned_clients\n";
  for (int i = 0; i < 100; ++i)
    csv += "A-" + std::to_string(i) + ",O" + std::to_string(i) + ",t,1,999999999999999.99,999999999999999\n";
  auto errors = refused(t, ImportKind::applications, csv);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] ==
        "in.csv: round lim: the requested and co-financing amounts of the applications add up to more than 9.2 × "
        "10^18; at most 999999999999999.99 is allowed (docs/formats.md \"Limits\")");
  CHECK(errors[1] ==
        "in.csv: round lim: the applications' planned_clients add up to 99999999999999900; at most "
        "999999999999999 is allowed (docs/formats.md \"Limits\")");
  CHECK(t.count("applications") == 0);
}

TEST_CASE("round limits: history years add up within the limits") {
  testing::TempStore t(rules_text, "round-limits");
  std::string csv = "year,participants,winners,budget,attracted,clients,jobs,volunteers\n";
  for (int y = 2000; y < 2002; ++y) csv += std::to_string(y) + ",1,1,500000000000000,0,1,1,1\n";
  auto errors = refused(t, ImportKind::history, csv);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] ==
        "in.csv: the history's budget and attracted amounts add up to 1000000000000000.00; at most "
        "999999999999999.99 is allowed (docs/formats.md \"Limits\")");
}

TEST_CASE("checked sums: an overflow throws, and is told as a total too large, not as an internal error") {
  std::int64_t sum = std::numeric_limits<std::int64_t>::max() - 1;
  add_checked(sum, 1, "clients");
  CHECK(sum == std::numeric_limits<std::int64_t>::max());
  try {
    add_checked(sum, 1, "clients");
    FAIL("no overflow");
  } catch (const std::overflow_error& e) {
    CHECK(sum == std::numeric_limits<std::int64_t>::max());
    Error err = as_error(e);
    CHECK(err.kind() == ErrorKind::io);
    CHECK(std::string(err.what()) ==
          "a total is too large to compute (the sum of clients does not fit in 64 bits): the stored data exceed the "
          "limits of docs/formats.md \"Limits\"; nothing was written");
  }
}

namespace {

// reviewers.csv of R-10000 … R-(10000+n-1); the rows of reviews.csv of
// `application` by the reviewers [from, to); reviews.csv of such rows.
std::string reviewers_csv(int n) {
  std::string csv = "id,name\n";
  for (int i = 0; i < n; ++i) csv += "R-" + std::to_string(10000 + i) + ",r\n";
  return csv;
}
std::string review_rows(const std::string& application, int from, int to) {
  std::string rows;
  for (int i = from; i < to; ++i) rows += application + ",R-" + std::to_string(10000 + i) + ",5\n";
  return rows;
}
std::string reviews_csv(const std::string& rows) { return "application,reviewer,a\n" + rows; }

}  // namespace

TEST_CASE("round limits: at most 1000 counted reviews per application, in a fresh round or added to one") {
  {  // A fresh round (the reviews counted as they are read): 1000 are accepted, 1001 are not.
    testing::TempStore t(rules_text, "round-limits");
    t.import(ImportKind::applications, "id,organisation,title,requested\nA-1,O,t,1\nA-2,O2,t,1\n");
    t.import(ImportKind::reviewers, reviewers_csv(1001));
    auto errors = refused(t, ImportKind::reviews, reviews_csv(review_rows("A-2", 0, 1001)));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "in.csv: round lim: application A-2 has 1001 reviews, more than the 1000 an application may have "
          "(docs/formats.md \"Limits\")");
    CHECK(t.count("reviews") == 0);
    CHECK(refused(t, ImportKind::reviews, reviews_csv(review_rows("A-2", 0, 1000))).empty());
    CHECK(t.count("reviews") == 1000);
    // Added to the round's stored reviews (the query over them): one more is refused.
    errors = refused(t, ImportKind::reviews, reviews_csv(review_rows("A-2", 1000, 1001)));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "in.csv: round lim: application A-2 has 1001 reviews, more than the 1000 an application may have "
          "(docs/formats.md \"Limits\")");
    CHECK(t.count("reviews") == 1000);
  }
  {  // Two applications over it in a fresh round: the one with the most is named, then the smaller id.
    testing::TempStore t(rules_text, "round-limits");
    t.import(ImportKind::applications, "id,organisation,title,requested\nA-1,O,t,1\nA-2,O2,t,1\nA-3,O3,t,1\n");
    t.import(ImportKind::reviewers, reviewers_csv(1002));
    auto errors =
        refused(t, ImportKind::reviews, reviews_csv(review_rows("A-3", 0, 1001) + review_rows("A-2", 0, 1001)));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "in.csv: round lim: application A-2 has 1001 reviews, more than the 1000 an application may have "
          "(docs/formats.md \"Limits\")");
    errors = refused(t, ImportKind::reviews, reviews_csv(review_rows("A-1", 0, 1001) + review_rows("A-3", 0, 1002)));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] ==
          "in.csv: round lim: application A-3 has 1002 reviews, more than the 1000 an application may have "
          "(docs/formats.md \"Limits\")");
  }
}
