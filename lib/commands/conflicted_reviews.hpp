// docs/rules.md §1: a review counts unless it is stored as excluded. A review
// imported before its reviewer declared a conflict with the application's
// organisation still counts; `status` and `score` warn about it (docs/cli.md
// "import": re-import it with --exclude-conflicts --replace).
#pragma once
#include <optional>
#include <vector>

#include "store/assignment_store.hpp"
#include "store/review_checks.hpp"
#include "store/store.hpp"

namespace competition {

// The (application, reviewer) pairs of the round's counted reviews whose
// reviewer now has a conflict of interest with the application's
// organisation, sorted; none for an allocated round (its reviews are frozen).
// Reads only, inside the caller's transaction if any.
[[nodiscard]] std::vector<NamedPair> conflicted_reviews(Store& store, const RoundRecord& round);

// The same pairs found in a pass over the reviews that the caller makes anyway
// (`score`): shown every review of a round that is not allocated in
// Store::each_review's order, found() is what conflicted_reviews() gives.
class ConflictedReviews {
 public:
  // `reviewers` and `applications` as Store::reviewers and Store::applications
  // read them (before use_round_keys). When no reviewer declares a conflict,
  // wanted() is false and no review need be shown.
  ConflictedReviews(Store& store, const std::vector<Reviewer>& reviewers, const std::vector<Application>& applications);
  bool wanted() const { return checks_.has_value(); }
  void see(const ReviewRow& review);
  std::vector<NamedPair> found() && { return std::move(found_); }

 private:
  std::optional<ReviewChecks> checks_;
  std::vector<NamedPair> found_;
};

}  // namespace competition
