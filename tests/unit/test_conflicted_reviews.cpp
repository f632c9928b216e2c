// docs/rules.md §1: counted reviews by reviewers who declared a conflict with
// the application's organisation after the review was imported, found by a
// query of their own (`status`) and in `score`'s one pass over the reviews.
#include <doctest/doctest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands/conflicted_reviews.hpp"
#include "commands/score_round.hpp"
#include "store/check_facts_store.hpp"
#include "store/organisations.hpp"
#include "temp_store.hpp"

using namespace competition;

namespace {

const char* rules_text = R"(
[competition]
id = "cr"
title = "t"
year = 2024
budget = 1000000

[scoring]
aggregate = "mean"
min_reviews = 1

[[criteria]]
id = "quality"
name = "Якість"
weight = 2
min = 1
max = 10
)";

const char* applications_csv =
    "id,organisation,edrpou,title,requested\n"
    "A-1,ГО «Веселка»,12345678,t,100\n"
    "A-2,БФ «Турбота»,,t,100\n"
    "A-3,ГО «Світло»,32855961,t,100\n"
    "A-4,БФ  «ТУРБОТА»,,t,100\n";

// A-1 is R-1's by code, A-2 and A-4 are R-3's by name (the same name key), R-2's
// entry names no organisation; R-4's review of A-3 is stored as excluded.
void reviewed_then_conflicted(testing::TempStore& t) {
  t.import(ImportKind::applications, applications_csv);
  t.import(ImportKind::reviewers, "id,name,conflicts\nR-1,a,\nR-2,b,\nR-3,c,\nR-4,d,ГО «Світло»\n");
  ImportOptions o;
  o.kind = ImportKind::reviews;
  o.file = "reviews.csv";
  o.exclude_conflicts = true;
  import_file(*t.store, o,
              "application,reviewer,quality\nA-1,R-1,5\nA-1,R-2,6\nA-2,R-1,7\nA-2,R-3,8\nA-3,R-2,9\nA-3,R-4,4\n"
              "A-4,R-3,3\nA-4,R-1,2\n");
  o.kind = ImportKind::reviewers;
  o.file = "reviewers.csv";
  o.exclude_conflicts = false;
  o.replace = true;
  import_file(*t.store, o,
              "id,name,conflicts\nR-1,a,12345678\nR-2,b,ГО «Інша»\nR-3,c,БФ «Турбота»\nR-4,d,ГО «Світло»\n");
}

// The pairs ConflictedReviews finds in one pass over the round's reviews.
std::vector<NamedPair> in_one_pass(Store& store, const RoundRecord& round,
                                   const std::vector<Application>& applications) {
  ConflictedReviews found(store, store.reviewers(round.id), applications);
  if (found.wanted()) store.each_review(round.id, Store::rules_of(round), [&](const ReviewRow& r) { found.see(r); });
  return std::move(found).found();
}

}  // namespace

TEST_CASE("conflicted reviews: the query and the one pass give the same pairs, in order") {
  testing::TempStore t(rules_text, "conflicted-reviews");
  reviewed_then_conflicted(t);
  const RoundRecord round = t.store->resolve_round(std::nullopt);
  const std::vector<NamedPair> expected{{"A-1", "R-1"}, {"A-2", "R-3"}, {"A-4", "R-3"}};
  CHECK(conflicted_reviews(*t.store, round) == expected);
  CHECK(in_one_pass(*t.store, round, t.store->applications(round.id)) == expected);
  CHECK(score_and_store(*t.store, std::nullopt).conflicted_reviews == expected);
}

TEST_CASE("conflicted reviews: none when no reviewer declares a conflict, and no review is shown") {
  testing::TempStore t(rules_text, "conflicted-reviews");
  t.import(ImportKind::applications, applications_csv);
  t.import(ImportKind::reviewers, "id,name,conflicts\nR-1,a,\n");
  t.import(ImportKind::reviews, "application,reviewer,quality\nA-1,R-1,5\n");
  const RoundRecord round = t.store->resolve_round(std::nullopt);
  const std::vector<Application> applications = t.store->applications(round.id);
  CHECK_FALSE(ConflictedReviews(*t.store, t.store->reviewers(round.id), applications).wanted());
  CHECK(conflicted_reviews(*t.store, round).empty());
  CHECK(in_one_pass(*t.store, round, applications).empty());
}

TEST_CASE("conflicted reviews: the one pass needs the organisations as stored, not the round's keys") {
  testing::TempStore t(rules_text, "conflicted-reviews");
  reviewed_then_conflicted(t);
  const RoundRecord round = t.store->resolve_round(std::nullopt);
  std::vector<Application> applications = t.store->applications(round.id);
  CHECK(stored_organisation_id(applications[0]) > 0);
  use_round_keys(applications);  // `code:`/`name:` keys: which row each names is no longer known
  CHECK_THROWS_AS((void)in_one_pass(*t.store, round, applications), std::logic_error);
}

TEST_CASE("conflicted reviews: `score` finds them with the stored organisations when its checks read history") {
  // double_funding reads earlier rounds: use_round_keys gives the applications
  // the round's keys before the reviews are read.
  testing::TempStore t(std::string(rules_text) + "\n[checks]\ndouble_funding = \"flag\"\n", "conflicted-reviews");
  reviewed_then_conflicted(t);
  const std::vector<NamedPair> expected{{"A-1", "R-1"}, {"A-2", "R-3"}, {"A-4", "R-3"}};
  CHECK(score_and_store(*t.store, std::nullopt).conflicted_reviews == expected);
  CHECK(conflicted_reviews(*t.store, t.store->resolve_round(std::nullopt)) == expected);
}
