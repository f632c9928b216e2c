// Storing and loading the result of `score` (score_store.hpp) and the library
// call behind `competition score` (score_round.hpp), on a temporary database.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <string>

#include "commands/importer.hpp"
#include "commands/score_round.hpp"
#include "same_scores.hpp"
#include "store/rounds.hpp"
#include "store/score_store.hpp"
#include "temp_store.hpp"

using namespace competition;

namespace {

const char* rules_text = R"(
[competition]
id = "store-1"
title = "Store test"
year = 2024
budget = "1000.00"

[scoring]
min_reviews = 2
max_spread = 2

[[criteria]]
id = "a"
name = "A"
weight = 3
min = 0
max = 10

[[criteria]]
id = "b"
name = "B"
weight = 0.5
min = 0
max = 10
threshold = 2
)";

// The round of `rules_text` in a temporary store, and the inputs the tests score.
struct ScoreStore : testing::TempStore {
  ScoreStore() : TempStore(rules_text, "score-store") {}
  void import_round() {
    import(ImportKind::applications,
           "id,organisation,title,requested\nP-1,ГО Один,t,100\nP-2,ГО Два,t,100\nP-3,ГО Три,t,100\n");
    import(ImportKind::reviewers, "id,name\nR1,One\nR2,Two\nR3,Three\n");
    // P-1: a = (7 + 8) / 2 = 7.5, b = (1 + 4) / 2 = 2.5 (spread 3 > 2); total 22.5 + 1.25 = 23.75
    // P-2: a = (7 + 7 + 8) / 3 = 22/3, b = 2; total 22 + 1 = 23
    // P-3: one review: incomplete
    import(ImportKind::reviews,
           "application,reviewer,a,b\nP-1,R1,7,1\nP-1,R2,8,4\nP-2,R1,7,2\nP-2,R2,7,2\nP-2,R3,8,2\nP-3,R1,9,9\n");
  }
  Stage stage() { return store->find_round("store-1")->stage; }
};

}  // namespace

TEST_CASE("score store: exact text form num/den") {
  CHECK(encode_exact(Rational(22, 3)) == "22/3");
  CHECK(encode_exact(Rational(46)) == "46/1");
  CHECK(encode_exact(Rational(-1, 8)) == "-1/8");
  CHECK(decode_exact("22/3") == Rational(22, 3));
  CHECK(decode_exact("-1/8") == Rational(-1, 8));
  CHECK(decode_exact("4/2") == Rational(2));
  CHECK_FALSE(decode_exact("22").has_value());
  CHECK_FALSE(decode_exact("1/0").has_value());
  CHECK_FALSE(decode_exact("1/-2").has_value());
  CHECK_FALSE(decode_exact("1/2x").has_value());
  CHECK_FALSE(decode_exact("/2").has_value());
  CHECK_FALSE(decode_exact("").has_value());
  // A non-reduced text reads as its value; only its re-encoding tells (audit's
  // `score.total_text`).
  CHECK(encode_exact(*decode_exact("2755/30")) == "551/6");
}

TEST_CASE("score store: run_score scores, stores and loads back the same result") {
  ScoreStore t;
  t.import_round();
  CHECK(t.stage() == Stage::open);
  CHECK_FALSE(load_scores(*t.store, "store-1", Store::rules_of(*t.store->find_round("store-1"))).has_value());

  ScoreResult r = run_score(*t.store, std::nullopt);
  CHECK(t.stage() == Stage::scored);
  REQUIRE(r.applications.size() == 3);
  const auto& p1 = r.applications[0];
  CHECK(p1.id == "P-1");
  CHECK(p1.rank == 1);
  CHECK(p1.total == Rational(95, 4));  // 23.75
  CHECK(p1.flags == std::vector<std::string>{"spread:b"});
  const auto& p2 = r.applications[1];
  CHECK(p2.id == "P-2");
  CHECK(p2.criteria == std::vector<Rational>{Rational(22, 3), Rational(2)});
  CHECK(p2.total == Rational(23));
  const auto& p3 = r.applications[2];
  CHECK(p3.status == ScoreStatus::incomplete);
  CHECK(p3.reasons == std::vector<std::string>{"too_few_reviews"});

  Rules rules = Store::rules_of(*t.store->find_round("store-1"));
  auto loaded = load_scores(*t.store, "store-1", rules);
  REQUIRE(loaded.has_value());
  competition::testing::check_same_scores(r, *loaded);

  // The stored row an auditor reads with sqlite3.
  SQLite::Statement q(t.store->db(),
                      "SELECT status, rank, total, criteria, reviews, flags, reasons FROM scores "
                      "WHERE round_id = 'store-1' AND application = 'P-2'");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getString() == "ranked");
  CHECK(q.getColumn(1).getInt() == 2);
  CHECK(q.getColumn(2).getString() == "23/1");
  CHECK(q.getColumn(3).getString() == "a=22/3;b=2/1");
  CHECK(q.getColumn(4).getInt() == 3);
}

TEST_CASE("score store: save_scores replaces the round's rows") {
  ScoreStore t;
  t.import_round();
  run_score(*t.store, std::nullopt);
  ScoreResult only;
  ScoredApplication a;
  a.id = "P-2";
  a.status = ScoreStatus::incomplete;
  a.reasons = {"too_few_reviews"};
  only.applications.push_back(a);
  save_scores(*t.store, "store-1", only);
  auto loaded = load_scores(*t.store, "store-1", Store::rules_of(*t.store->find_round("store-1")));
  REQUIRE(loaded.has_value());
  REQUIRE(loaded->applications.size() == 1);
  CHECK(loaded->applications[0].id == "P-2");
  CHECK_FALSE(loaded->applications[0].total.has_value());
}

TEST_CASE("score store: new reviews re-score; an allocated round is refused with exit 3") {
  ScoreStore t;
  t.import_round();
  run_score(*t.store, std::nullopt);
  t.import(ImportKind::reviews, "application,reviewer,a,b\nP-3,R2,9,9\n");
  CHECK(t.stage() == Stage::open);  // the importer invalidated the stored scores
  ScoreResult r = run_score(*t.store, "store-1");
  // P-3: a = 9, b = 9: total 27 + 4.5 = 31.5, now first
  CHECK(r.applications[0].id == "P-3");
  CHECK(r.applications[0].total == Rational(63, 2));

  // docs/cli.md "score": an allocated round's stored scores, as they are, even
  // when the inputs would now give others (here a review changed behind its back).
  t.store->set_stage("store-1", Stage::allocated);
  t.store->db().exec("UPDATE reviews SET scores = 'a=1;b=1' WHERE application = 'P-3'");
  ScoredRound frozen = score_and_store(*t.store, std::nullopt);
  CHECK(frozen.frozen);
  competition::testing::check_same_scores(r, frozen.result);
  CHECK(t.stage() == Stage::allocated);
}

TEST_CASE("score store: an unknown round is invalid input") {
  ScoreStore t;
  try {
    run_score(*t.store, std::string("nope"));
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::invalid);
  }
}
