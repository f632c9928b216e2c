// Reviewer assignment (docs/cli.md "assign"): small rounds whose optimum was
// worked out by enumerating every assignment (the order: largest load, then
// category matches, then the sum of squared loads, then the seed's pair costs).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "engine/assignment.hpp"

using namespace competition;

namespace {

using Named = std::vector<std::pair<std::string, std::string>>;

AssignmentInput round_of(int applications, int reviewers, std::int64_t per_application) {
  AssignmentInput in;
  for (int a = 1; a <= applications; ++a) in.applications.push_back({"A-" + std::to_string(a), ""});
  for (int r = 1; r <= reviewers; ++r) in.reviewers.push_back({"R-" + std::to_string(r), {}, std::nullopt});
  in.per_application = per_application;
  return in;
}

Named named(const AssignmentInput& in, const AssignmentResult& res) {
  Named out;
  for (const auto& [a, r] : res.pairs) out.emplace_back(in.applications[a].id, in.reviewers[r].id);
  return out;
}

}  // namespace

TEST_CASE("assignment: pair cost is the first 4 bytes of SHA-256(\"SEED/APPLICATION/REVIEWER\")") {
  // sha256("0/A-1/R-1") starts 1a245c7b.
  CHECK(pair_cost(0, "A-1", "R-1") == 0x1a245c7bU);
}

TEST_CASE("assignment: even loads, ties broken by the seed's pair costs") {
  AssignmentInput in = round_of(4, 4, 2);
  AssignmentResult res = assign_reviewers(in);
  REQUIRE(res.feasible);
  CHECK(res.max_load == 2);
  CHECK(res.min_load == 2);
  CHECK(named(in, res) == Named{{"A-1", "R-1"},
                                {"A-1", "R-3"},
                                {"A-2", "R-2"},
                                {"A-2", "R-4"},
                                {"A-3", "R-3"},
                                {"A-3", "R-4"},
                                {"A-4", "R-1"},
                                {"A-4", "R-2"}});
  in.seed = 7;
  CHECK(named(in, assign_reviewers(in)) == Named{{"A-1", "R-2"},
                                                 {"A-1", "R-3"},
                                                 {"A-2", "R-1"},
                                                 {"A-2", "R-4"},
                                                 {"A-3", "R-1"},
                                                 {"A-3", "R-4"},
                                                 {"A-4", "R-2"},
                                                 {"A-4", "R-3"}});
}

TEST_CASE("assignment: category matches come before even loads, the largest load before both") {
  AssignmentInput in = round_of(4, 3, 1);
  for (auto& a : in.applications) a.category = "art";
  in.reviewers[0].categories = {"art"};
  in.reviewers[1].categories = {"art", "roads"};
  AssignmentResult res = assign_reviewers(in);
  REQUIRE(res.feasible);
  // Largest load 2 either way; 4 matches (loads 2,2,0) beat 3 (loads 2,1,1).
  CHECK(res.max_load == 2);
  CHECK(res.min_load == 0);
  CHECK(res.category_matches == 4);
  CHECK(named(in, res) == Named{{"A-1", "R-1"}, {"A-2", "R-2"}, {"A-3", "R-2"}, {"A-4", "R-1"}});
  // Without the preference, the most even loads (2,1,1).
  in.match_categories = false;
  AssignmentResult even = assign_reviewers(in);
  CHECK(even.min_load == 1);
  CHECK(even.category_matches == 0);
  CHECK(named(in, even) == Named{{"A-1", "R-1"}, {"A-2", "R-2"}, {"A-3", "R-3"}, {"A-4", "R-1"}});
}

TEST_CASE("assignment: conflicts never assigned, kept pairs count, capacity respected") {
  AssignmentInput in = round_of(3, 4, 2);
  in.forbidden = {{0, 0}, {1, 0}};  // R-1 conflicted with
  in.kept = {{2, 1}};               // A-3 already reviewed by R-2
  in.reviewers[3].capacity = 1;
  AssignmentResult res = assign_reviewers(in);
  REQUIRE(res.feasible);
  CHECK(res.max_load == 2);
  CHECK(named(in, res) ==
        Named{{"A-1", "R-3"}, {"A-1", "R-4"}, {"A-2", "R-2"}, {"A-2", "R-3"}, {"A-3", "R-1"}, {"A-3", "R-2"}});
}

TEST_CASE("assignment: infeasible rounds name every application that cannot be covered") {
  AssignmentInput in = round_of(3, 3, 2);
  in.forbidden = {{1, 0}, {1, 1}};  // A-2 can have only R-3
  AssignmentResult res = assign_reviewers(in);
  CHECK(!res.feasible);
  CHECK(res.pairs.empty());
  CHECK(res.uncovered == std::vector<Uncovered>{{1, 1}});

  // Capacities: 3 applications x 2 need 6, the reviewers take 1 + 1 + 2 = 4.
  AssignmentInput small = round_of(3, 3, 2);
  small.reviewers[0].capacity = 1;
  small.reviewers[1].capacity = 1;
  small.reviewers[2].capacity = 2;
  AssignmentResult short_of = assign_reviewers(small);
  CHECK(!short_of.feasible);
  REQUIRE(!short_of.uncovered.empty());
  for (const Uncovered& u : short_of.uncovered) CHECK(u.possible == 3);
}

TEST_CASE("assignment: no reviewers cover nothing; no applications need nobody") {
  AssignmentResult none = assign_reviewers(round_of(2, 0, 2));
  CHECK(!none.feasible);
  CHECK(none.uncovered == std::vector<Uncovered>{{0, 0}, {1, 0}});
  AssignmentResult empty = assign_reviewers(round_of(0, 3, 2));
  CHECK(empty.feasible);
  CHECK(empty.pairs.empty());
  CHECK(empty.max_load == 0);
  CHECK(empty.min_load == 0);
}

TEST_CASE("assignment: a crowded organisation raises the largest load above the reviewers' room bound") {
  // 6 applications x 2 = 12 places over 4 reviewers: 3 each would do, but
  // A-1..A-4 may only have R-1 and R-2 (conflicts), so those two take 4 each.
  AssignmentInput in = round_of(6, 4, 2);
  for (std::uint32_t a = 0; a < 4; ++a) in.forbidden.insert(in.forbidden.end(), {{a, 2}, {a, 3}});
  AssignmentResult res = assign_reviewers(in);
  REQUIRE(res.feasible);
  CHECK(res.max_load == 4);
  CHECK(res.min_load == 2);
  const Named pairs = named(in, res);
  CHECK(pairs.size() == 12);
  CHECK(std::count(pairs.begin(), pairs.end(), std::pair<std::string, std::string>{"A-5", "R-3"}) == 1);
  CHECK(std::count(pairs.begin(), pairs.end(), std::pair<std::string, std::string>{"A-6", "R-4"}) == 1);
}

// `assign --show`: stored pairs (in any order) read back as the result `assign`
// printed: sorted by ids, loads over every reviewer (R-3 has none), matches.
TEST_CASE("assignment_of: a stored assignment's order, loads and category matches") {
  AssignmentInput in = round_of(2, 3, 2);
  in.applications[0].category = "children";
  in.reviewers[1].categories = {"children"};
  const AssignmentResult res = assignment_of(in, {{1, 1}, {0, 1}, {1, 0}, {0, 0}});
  CHECK(res.feasible);
  CHECK(named(in, res) == Named{{"A-1", "R-1"}, {"A-1", "R-2"}, {"A-2", "R-1"}, {"A-2", "R-2"}});
  CHECK(res.max_load == 2);
  CHECK(res.min_load == 0);
  CHECK(res.category_matches == 1);
}
