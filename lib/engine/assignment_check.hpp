// The stored reviewer assignment checked against the round as it is now
// (docs/cli.md "assign": when applications, reviewers or conflicts change
// after `assign`, `status` and `score` warn that it no longer covers the
// round). Derived from the stored pairs alone: nothing else is recorded.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "values/assignment_change.hpp"

namespace competition {

struct AssignmentCheckInput {
  std::vector<std::pair<std::string, std::string>> pairs;  // stored (application, reviewer), sorted
  std::vector<std::string> applications;                   // the round's applications now, withdrawn ones included
  std::set<std::string> withdrawn;
  std::vector<std::pair<std::string, std::optional<std::int64_t>>> reviewers;  // id and capacity now
  std::function<bool(const std::string& application, const std::string& reviewer)> conflicted;
  std::int64_t per_application = 2;
};

// The changes, in this order: applications not covered, withdrawn, gone (each
// by id); reviewers gone (by id); pairs now in conflict (by application, then
// reviewer); reviewers over capacity (by id). Empty when there are no pairs.
[[nodiscard]] std::vector<AssignmentChange> assignment_changes(const AssignmentCheckInput& in);

}  // namespace competition
