#include "commands/conflicted_reviews.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <optional>

namespace competition {

std::vector<NamedPair> conflicted_reviews(Store& store, const RoundRecord& round) {
  if (round.stage == Stage::allocated) return {};
  // Only reviewers who declared a conflict can have one: a national round's
  // millions of reviews by reviewers without conflicts are not read.
  SQLite::Statement any(store.db(), "SELECT EXISTS (SELECT 1 FROM reviewers WHERE round_id = ? AND conflicts <> '')");
  any.bind(1, round.id);
  if (!any.executeStep() || any.getColumn(0).getInt() == 0) return {};
  SQLite::Statement q(store.db(),
                      "SELECT application, reviewer FROM reviews WHERE round_id = ?1 AND excluded = 0 AND reviewer IN "
                      "(SELECT id FROM reviewers WHERE round_id = ?1 AND conflicts <> '') ORDER BY application, "
                      "reviewer");
  q.bind(1, round.id);
  std::vector<NamedPair> out;
  std::optional<ReviewChecks> checks;  // loaded at the first such review
  while (q.executeStep()) {
    if (!checks) checks.emplace(store, round);
    const std::string application = q.getColumn(0).getString(), reviewer = q.getColumn(1).getString();
    const std::int64_t a = checks->app(application), r = checks->reviewer(reviewer);
    if (a >= 0 && r >= 0 && checks->conflicted(static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(r)))
      out.emplace_back(application, reviewer);
  }
  return out;
}

ConflictedReviews::ConflictedReviews(Store& store, const std::vector<Reviewer>& reviewers,
                                     const std::vector<Application>& applications) {
  if (std::any_of(reviewers.begin(), reviewers.end(), [](const Reviewer& r) { return !r.conflicts.empty(); }))
    checks_.emplace(store, reviewers, applications);
}

// The filter of conflicted_reviews()' query (counted reviews by reviewers with
// conflicts), then its check; each_review's order is that query's order.
void ConflictedReviews::see(const ReviewRow& review) {
  if (!checks_ || review.excluded) return;
  const std::int64_t r = checks_->reviewer(review.reviewer);
  if (r < 0 || !checks_->declares_conflicts(static_cast<std::uint32_t>(r))) return;
  const std::int64_t a = checks_->app(review.application);
  if (a >= 0 && checks_->conflicted(static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(r)))
    found_.emplace_back(review.application, review.reviewer);
}

}  // namespace competition
