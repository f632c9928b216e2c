// docs/rules.md §1: a review counts unless it is stored as excluded. A review
// imported before its reviewer declared a conflict with the application's
// organisation still counts; `status` and `score` warn about it (docs/cli.md
// "import": re-import it with --exclude-conflicts --replace).
#pragma once
#include <vector>

#include "store/assignment_store.hpp"
#include "store/store.hpp"

namespace competition {

// The (application, reviewer) pairs of the round's counted reviews whose
// reviewer now has a conflict of interest with the application's
// organisation, sorted; none for an allocated round (its reviews are frozen).
// Reads only, inside the caller's transaction if any.
[[nodiscard]] std::vector<NamedPair> conflicted_reviews(Store& store, const RoundRecord& round);

}  // namespace competition
