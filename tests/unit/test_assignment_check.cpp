// The stored assignment checked against the round as it is now (docs/cli.md
// "assign"): each kind of change found, in its order, and none for an
// assignment that still covers the round.
#include <doctest/doctest.h>

#include "engine/assignment_check.hpp"

using namespace competition;
using Kind = AssignmentChange::Kind;

namespace {

// A-1 R-1 R-2; A-2 R-2 R-3; two reviewers per application; R-2 may take 2.
AssignmentCheckInput covered() {
  AssignmentCheckInput in;
  in.pairs = {{"A-1", "R-1"}, {"A-1", "R-2"}, {"A-2", "R-2"}, {"A-2", "R-3"}};
  in.applications = {"A-1", "A-2"};
  in.reviewers = {{"R-1", std::nullopt}, {"R-2", 2}, {"R-3", std::nullopt}};
  in.conflicted = [](const std::string&, const std::string&) { return false; };
  return in;
}

}  // namespace

TEST_CASE("assignment check: an assignment that covers the round has no changes; none without pairs") {
  CHECK(assignment_changes(covered()).empty());
  AssignmentCheckInput none = covered();
  none.pairs.clear();
  none.applications.push_back("A-3");
  CHECK(assignment_changes(none).empty());
}

TEST_CASE("assignment check: every kind of change, in order") {
  AssignmentCheckInput in = covered();
  in.applications = {"A-3", "A-2", "A-1", "A-0"};  // new
  in.pairs.push_back({"A-9", "R-1"});              // A-9 no longer in the round
  in.pairs.push_back({"A-3", "R-7"});              // R-7 no longer in the round
  in.withdrawn = {"A-2"};
  in.reviewers[1].second = 1;  // R-2 has 2
  in.conflicted = [](const std::string& a, const std::string& r) {
    return (a == "A-1" && r == "R-1") || (a == "A-2" && r == "R-3");  // A-2 is withdrawn: not reported
  };
  CHECK(assignment_changes(in) == std::vector<AssignmentChange>{
                                      {Kind::uncovered, "A-0", "", 0, 2},
                                      {Kind::uncovered, "A-3", "", 1, 2},
                                      {Kind::withdrawn, "A-2", "", 2, 0},
                                      {Kind::application_gone, "A-9", "", 1, 0},
                                      {Kind::reviewer_gone, "", "R-7", 1, 0},
                                      {Kind::conflict, "A-1", "R-1", 0, 0},
                                      {Kind::over_capacity, "", "R-2", 2, 1},
                                  });
}
