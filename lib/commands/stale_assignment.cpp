#include "commands/stale_assignment.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "commands/commission_decisions.hpp"
#include "commands/conflicted_reviews.hpp"
#include "engine/assignment_check.hpp"
#include "store/assignment_store.hpp"
#include "store/review_checks.hpp"
#include "store/status.hpp"

namespace competition {

std::vector<AssignmentChange> stale_assignment(Store& store, const RoundRecord& round) {
  if (round.stage == Stage::allocated || !store.db().tableExists("assignments")) return {};
  AssignmentCheckInput in;
  in.pairs = stored_assignment(store, round.id);
  if (in.pairs.empty()) return {};
  in.per_application = Store::rules_of(round).reviewers_per_application();
  for (const Application& a : store.applications(round.id, [](Application& x) { std::string().swap(x.title); }))
    in.applications.push_back(a.id);
  in.withdrawn = standing_decisions(store, round.id).applied.withdrawn;
  for (const Reviewer& r : store.reviewers(round.id)) in.reviewers.emplace_back(r.id, r.capacity);
  // docs/formats.md "reviewers.csv": conflicts as `import reviews` and `assign` check them.
  const ReviewChecks checks(store, round);
  in.conflicted = [&](const std::string& application, const std::string& reviewer) {
    const std::int64_t a = checks.app(application), r = checks.reviewer(reviewer);
    return a >= 0 && r >= 0 && checks.conflicted(static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(r));
  };
  return assignment_changes(in);
}

StatusReport status_with_assignments(Store& store) {
  StatusReport s = collect_status(store);
  for (const RoundRecord& round : store.rounds())
    for (RoundStatus& r : s.rounds)
      if (r.id == round.id) {
        r.assignment_changes = stale_assignment(store, round);
        r.conflicted_reviews = conflicted_reviews(store, round);
      }
  return s;
}

}  // namespace competition
