// docs/cli.md "assign": whether a round's stored reviewer assignment still
// covers the round, for `status` and `score` to warn about (`assign --force`
// repairs it).
#pragma once
#include <vector>

#include "store/store.hpp"
#include "values/assignment_change.hpp"
#include "values/status_report.hpp"

namespace competition {

// The changes since the round's assignment (engine/assignment_check.hpp);
// none when the round has no assignment or is allocated (its assignment is
// frozen then). Reads only, inside the caller's transaction if any.
[[nodiscard]] std::vector<AssignmentChange> stale_assignment(Store& store, const RoundRecord& round);

// `competition status`: the rounds and history years (store/status.hpp), each
// round with its assignment's changes and its counted reviews by reviewers now
// in conflict (commands/conflicted_reviews.hpp).
[[nodiscard]] StatusReport status_with_assignments(Store& store);

}  // namespace competition
