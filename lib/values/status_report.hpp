// What `competition status` shows (docs/competition.1): the rounds with their
// stage and counts, and the years of imported history.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "values/assignment_change.hpp"
#include "values/money.hpp"
#include "values/round.hpp"

namespace competition {

// A reviewer of a round with an assignment (docs/cli.md "assign"): the
// applications assigned to it, how many of those it has reviewed, how many not.
struct ReviewerProgress {
  std::string id;
  long assigned = 0, received = 0, missing = 0;
};

struct RoundStatus {
  std::string id;
  int year = 0;
  std::string title;
  Stage stage = Stage::open;
  std::string currency;
  long applications = 0, reviews = 0, funded = 0;
  Money budget, awarded;
  std::vector<ReviewerProgress> reviewers;           // every reviewer, by id; empty: no assignment
  std::vector<AssignmentChange> assignment_changes;  // since the assignment (docs/cli.md "assign")
  // Counted reviews whose reviewer now has a conflict with the application (docs/rules.md §1).
  std::vector<std::pair<std::string, std::string>> conflicted_reviews;  // (application, reviewer)
};

struct StatusReport {
  std::vector<RoundStatus> rounds;
  std::vector<int> history_years;
};

}  // namespace competition
