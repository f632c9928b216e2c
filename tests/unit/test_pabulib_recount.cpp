// docs/pabulib.md "Recounting": vote totals recounted from the ballots
// (approval: one vote per ballot listing the project; cumulative and scoring:
// the sum of the points), compared with the PROJECTS cells as imported; ordinal
// scores are not recounted (a note); the official `selected` against an
// allocation.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/pabulib_recount.hpp"

using namespace competition;

namespace {

RecountProject project(std::string id, std::optional<std::string> votes, std::optional<std::string> score = {},
                       std::optional<std::int64_t> selected = {}) {
  return RecountProject{std::move(id), std::move(votes), std::move(score), selected};
}

PabulibInstance approval() {
  PabulibInstance in;
  in.vote_type = "approval";
  in.projects = {project("1", "3", {}, 1), project("2", "2", {}, 0), project("3", "1", {}, 1)};
  in.ballots = {{"v1", "1,2,3", {}}, {"v2", "1, 2", {}}, {"v3", "1", {}}, {"v4", "", {}}};
  return in;
}

PabulibInstance cumulative() {
  PabulibInstance in;
  in.vote_type = "cumulative";
  in.projects = {project("A", "2", "15"), project("B", "1", "5")};
  in.ballots = {{"1", "A,B", "10,5"}, {"2", "A", "5"}};
  return in;
}

}  // namespace

TEST_CASE("recount: approval totals match the PROJECTS votes") {
  Recount r = recount_pabulib(approval());
  CHECK(r.differences.empty());
  CHECK(r.notes.empty());
  CHECK(r.votes.at("1") == 3);
  CHECK(r.votes.at("2") == 2);
  CHECK(r.votes.at("3") == 1);
}

TEST_CASE("recount: approval, a planted difference names the project") {
  PabulibInstance in = approval();
  in.ballots[2].vote = "2";  // v3 now approves 2 instead of 1
  Recount r = recount_pabulib(in);
  REQUIRE(r.differences.size() == 2);
  CHECK(r.differences[0] == Difference{std::string("1"), "votes", std::string("3"), std::string("2")});
  CHECK(r.differences[1] == Difference{std::string("2"), "votes", std::string("2"), std::string("3")});
}

TEST_CASE("recount: an approval ballot listing a project twice counts it once") {
  PabulibInstance in = approval();
  in.ballots[0].vote = "1,2,3,1,1";  // as Warszawa 2022 Wola's line 3096 (docs/pabulib.md)
  Recount r = recount_pabulib(in);
  CHECK(r.differences.empty());
  CHECK(r.votes.at("1") == 3);
}

TEST_CASE("recount: cumulative sums the points") {
  Recount r = recount_pabulib(cumulative());
  CHECK(r.score_recounted);
  CHECK(r.differences.empty());
  CHECK(r.score.at("A") == 15);
  CHECK(r.score.at("B") == 5);

  PabulibInstance in = cumulative();
  in.ballots[0].points = "9,6";  // one point moved from A to B
  r = recount_pabulib(in);
  REQUIRE(r.differences.size() == 2);
  CHECK(r.differences[0] == Difference{std::string("A"), "score", std::string("15"), std::string("14")});
  CHECK(r.differences[1] == Difference{std::string("B"), "score", std::string("5"), std::string("6")});
}

TEST_CASE("recount: a cumulative ballot without points leaves the score unchecked") {
  PabulibInstance in = cumulative();
  in.ballots[1].points.reset();
  Recount r = recount_pabulib(in);
  CHECK_FALSE(r.score_recounted);
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0].en.find("ballot 2") != std::string::npos);
  CHECK(r.differences.empty());  // the votes still match
}

TEST_CASE("recount: ordinal scores are taken as published") {
  PabulibInstance in;
  in.vote_type = "ordinal";
  in.projects = {project("1", "2", "999"), project("2", "1", "1")};
  in.ballots = {{"a", "1,2", {}}, {"b", "1", {}}};
  Recount r = recount_pabulib(in);
  CHECK_FALSE(r.score_recounted);
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0].en.find("ordinal") != std::string::npos);
  CHECK(r.differences.empty());
}

TEST_CASE("recount: points whose sum overflows 64 bits are a difference, never a wrapped total") {
  PabulibInstance in;
  in.vote_type = "cumulative";
  in.projects = {project("1", "2", "5"), project("2", "1", "1")};
  in.ballots = {{"v1", "1,2", "9223372036854775807,1"}, {"v2", "1", "9223372036854775807"}};
  Recount r = recount_pabulib(in);
  REQUIRE(r.differences.size() == 1);
  CHECK(r.differences[0] == Difference{std::string("1"), "score", std::string("5"),
                                       std::string("more than 9223372036854775807 (too large)")});
}

TEST_CASE("recount: no ballots at all: the PROJECTS totals are the record, with a note") {
  PabulibInstance in;
  in.vote_type = "scoring";
  in.projects = {project("A", "0", "92"), project("B", "3", "71")};
  Recount r = recount_pabulib(in);
  CHECK(r.differences.empty());
  CHECK_FALSE(r.score_recounted);
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0].en ==
        "no ballots to recount: the file's VOTES section is empty; the PROJECTS `votes` and `score` are taken as "
        "published");
}

TEST_CASE("compare_selected: each project whose official outcome differs") {
  PabulibInstance in = approval();
  std::vector<AllocationLine> lines(3);
  lines[0].id = "1";
  lines[0].status = AwardStatus::funded;
  lines[1].id = "2";
  lines[1].status = AwardStatus::partial;
  lines[2].id = "3";
  lines[2].status = AwardStatus::reserve;
  std::vector<Difference> out;
  compare_selected(in, lines, out);
  REQUIRE(out.size() == 2);
  CHECK(out[0] == Difference{std::string("2"), "selected", std::string("0"), std::string("1")});
  CHECK(out[1] == Difference{std::string("3"), "selected", std::string("1"), std::string("0")});
  in.projects[1].selected.reset();
  out.clear();
  compare_selected(in, lines, out);
  CHECK(out.size() == 1);
}
