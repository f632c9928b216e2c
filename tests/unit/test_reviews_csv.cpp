// formats/reviews_csv.hpp: reviews.csv rows parsed without a store, the
// stored form of their scores, and their problems located as `import
// reviews` reports them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "csv_input_fixture.hpp"
#include "formats/canonical_csv.hpp"
#include "formats/csv_reader.hpp"
#include "formats/csv_row_reader.hpp"
#include "formats/reviews_csv.hpp"

using namespace competition;

using testing::csv_input_rules;
using testing::texts;

TEST_CASE("reviews_csv: the columns are the pair, the comment, one per criterion lower-cased, then a sheet's") {
  Rules rules = csv_input_rules();
  auto specs = review_columns(rules);
  REQUIRE(specs.size() == 11);
  CHECK(specs[1].required);
  CHECK(specs[3].name == "a");
  CHECK(specs[4].name == "b");
  CHECK(specs[4].required);
  CHECK_FALSE(specs[2].required);
  std::vector<std::string> extras;
  for (std::size_t k = 5; k < specs.size(); ++k) {
    extras.push_back(specs[k].name);
    CHECK_FALSE(specs[k].required);
  }
  CHECK(extras == std::vector<std::string>{"organisation", "title", "category", "requested", "cofinancing", "round"});
  CHECK_FALSE(review_columns(rules, false)[1].required);
}

TEST_CASE("reviews_csv: a good row becomes a review") {
  Rules rules = csv_input_rules();
  std::vector<Diagnostic> errors;
  auto reviews =
      parse_reviews_csv("application,reviewer,comment,a,b\nP-1,R1, Добре ,7,1.25\n", rules, "reviews.csv", errors);
  CHECK(errors.empty());
  REQUIRE(reviews.size() == 1);
  const Review& rv = reviews[0];
  CHECK(rv.application == "P-1");
  CHECK(rv.reviewer == "R1");
  CHECK(rv.comment == "Добре");
  REQUIRE(rv.scores.size() == 2);
  CHECK(rv.scores[0].to_decimal() == "7");
  CHECK(rv.scores[1].to_decimal() == "1.25");
  CHECK_FALSE(rv.excluded);
}

TEST_CASE("reviews_csv: problems are located at their line, column and field") {
  Rules rules = csv_input_rules();
  std::vector<Diagnostic> errors;
  auto reviews = parse_reviews_csv(
      "application,reviewer,a,b\n"
      "P-1,R1,11,1.3\n"
      "P-1,R2,x,\n"
      "P-1,R2,1.00005,2\n",
      rules, "reviews.csv", errors);
  CHECK(reviews.empty());
  CHECK(texts(errors) ==
        std::vector<std::string>{
            "reviews.csv:2:3: a: 11 is out of range (expected 0 to 10)",
            "reviews.csv:2:4: b: 1.3 is not on the step 0.25 (expected 1 + a multiple of 0.25)",
            "reviews.csv:3:3: a: \"x\" is not a score (expected a number from 0 to 10)",
            "reviews.csv:3:4: b: must not be empty (expected a number from 1 to 5)",
            "reviews.csv:4:1: application: duplicate review of P-1 by R2 (first on line 3)",
            "reviews.csv:4:3: a: 1.00005 has more than 4 decimal places (expected a number from 0 to 10)"});
}

TEST_CASE("reviews_csv: read row by row, each good row is handed over; the reading stops where asked") {
  Rules rules = csv_input_rules();
  const std::string csv = "application,reviewer,a,b\nP-1,R1,7,2\nP-1,R2,x,2\nP-2,R1,1,1\nP-0,R1,11,1\n";
  std::vector<std::string> pairs, reviews;
  std::vector<Diagnostic> errors;
  read_back_reviews(
      csv, rules, "reviews.csv", errors,
      [&](RowReader&, const Review& rv) {
        pairs.push_back(rv.application + "/" + rv.reviewer);
        return true;
      },
      [&](Review& rv) { reviews.push_back(rv.application + "/" + rv.reviewer + ":" + rv.scores[0].to_decimal()); });
  CHECK(pairs == std::vector<std::string>{"P-1/R1", "P-1/R2", "P-2/R1", "P-0/R1"});
  CHECK(reviews == std::vector<std::string>{"P-1/R1:7", "P-2/R1:1"});  // the rows with errors are not
  CHECK(texts(errors) ==
        std::vector<std::string>{"reviews.csv:3:3: a: \"x\" is not a score (expected a number from 0 to 10)",
                                 "reviews.csv:5:3: a: 11 is out of range (expected 0 to 10)"});

  // Stopped at P-2's row: nothing more is read, and no diagnostic is added.
  pairs.clear();
  reviews.clear();
  read_back_reviews(
      csv, rules, "reviews.csv", errors,
      [&](RowReader&, const Review& rv) {
        pairs.push_back(rv.application);
        return rv.application != "P-2";
      },
      [&](Review& rv) { reviews.push_back(rv.application + "/" + rv.reviewer); });
  CHECK(pairs == std::vector<std::string>{"P-1", "P-1", "P-2"});
  CHECK(reviews == std::vector<std::string>{"P-1/R1"});
  CHECK(errors.size() == 2);
}

TEST_CASE("reviews_csv: scores are stored as `id=value;…`, each value written canonically") {
  Rules rules = csv_input_rules();
  std::vector<ColumnSpec> specs = review_columns(rules);
  std::vector<int> index = {0, 1, -1, 2, 3};  // no comment column
  DiagnosticSink sink("reviews.csv");
  CsvRecord rec{2, {"P-1", "R1", " 07.0 ", "2.50"}, {2, 2, 2, 2}, {}};
  RowReader r{rec, index, specs, sink};
  Review rv;
  rv.excluded = true;  // reset by parse_review_pair
  std::string encoded;
  parse_review_pair(r, rv);
  parse_review_scores(r, rules, rv, encoded);
  CHECK(r.ok);
  CHECK(sink.empty());
  CHECK(rv.comment == "");
  CHECK_FALSE(rv.excluded);
  CHECK(encoded == "a=7;B=2.5");
}

TEST_CASE("reviews_csv: a score typed `4.50`, `4.5` or `04.500` is stored and hashed as `4.5`") {
  // docs/formats.md "Canonical forms": the shortest exact decimal.
  Rules rules = csv_input_rules();
  std::vector<ColumnSpec> specs = review_columns(rules);
  std::vector<int> index = {0, 1, -1, 2, 3};
  for (const char* typed : {"4.50", "4.5", "04.500", " 4.5000 "}) {
    CAPTURE(typed);
    DiagnosticSink sink("reviews.csv");
    CsvRecord rec{2, {"P-1", "R1", "8", typed}, {2, 2, 2, 2}, {}};
    RowReader r{rec, index, specs, sink};
    Review rv;
    std::string encoded;
    parse_review_pair(r, rv);
    parse_review_scores(r, rules, rv, encoded);
    CHECK(r.ok);
    CHECK(encoded == "a=8;B=4.5");
    CHECK(canonical_reviews_csv(rules, {rv}) == "application,reviewer,a,B,comment\nP-1,R1,8,4.5,\n");
  }
  DiagnosticSink sink("reviews.csv");
  CsvRecord rec{2, {"P-1", "R1", "8.0", "1.25"}, {2, 2, 2, 2}, {}};
  RowReader r{rec, index, specs, sink};
  Review rv;
  std::string encoded;
  parse_review_pair(r, rv);
  parse_review_scores(r, rules, rv, encoded);
  CHECK(encoded == "a=8;B=1.25");
}

TEST_CASE("reviews_csv: a score sheet's reviewer fills a row without one; another reviewer in the cell is an error") {
  Rules rules = csv_input_rules();
  std::vector<ColumnSpec> specs = review_columns(rules, false);
  CHECK(specs.size() == 3 + 2 + 6);
  CHECK(specs[review_round_column(rules)].name == "round");
  std::vector<int> index(specs.size(), -1);
  index[0] = 0;
  index[1] = 1;
  index[3] = 2;
  index[4] = 3;
  DiagnosticSink sink("R2.xlsx");
  CsvRecord blank{3, {"P-1", "", "", ""}, {3, 3, 3, 3}, {}};
  RowReader r{blank, index, specs, sink};
  CHECK(review_scores_blank(r, rules));
  Review rv;
  parse_review_pair(r, rv, std::string("R2"));
  CHECK(rv.reviewer == "R2");
  CHECK(r.ok);
  CsvRecord other{4, {"P-1", "R3", "", "2"}, {4, 4, 4, 4}, {}};
  RowReader r2{other, index, specs, sink};
  CHECK_FALSE(review_scores_blank(r2, rules));
  parse_review_pair(r2, rv, std::string("R2"));
  CHECK_FALSE(r2.ok);
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].to_string(Lang::en) ==
        "R2.xlsx:4:2: reviewer: reviewer \"R3\" differs from the workbook's competition_reviewer R2");
}
