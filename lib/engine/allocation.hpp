// docs/rules.md §4–5: the allocation of the budget over the ranked applications, as
// a pure function from (rules, applications, scores, commission decisions) to a
// decision. No database, no printing.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/scoring.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

enum class AwardStatus { funded, partial, reserve, rejected, incomplete, withdrawn, declined };
[[nodiscard]] std::string_view to_string(AwardStatus s);
[[nodiscard]] std::optional<AwardStatus> parse_award_status(std::string_view s);

// The commission decisions standing at an allocation (docs/rules.md §4 step 2), already
// reduced from the decision log (latest per application, undone ones left out).
struct AppliedDecisions {
  std::set<std::string> withdrawn;
  std::map<std::string, Money> overrides;  // a fixed award; Money 0 declines
  std::vector<TieOrder> orders;
};

struct AllocationLine {
  std::string id;
  std::optional<int> rank;
  AwardStatus status = AwardStatus::reserve;
  Money award;
  std::optional<std::string> lot;  // lot id, "pool", or none
  TokenList reasons;               // empty for funded and partial
};

struct LotAllocation {
  std::string id;
  Money amount;
  Money awarded;  // its pass plus the overrides charged to it
};

struct Decision {
  std::string round;
  Money budget, awarded, leftover;
  Money cofinancing;                // Σ declared co-financing of funded and partial (docs/rules.md §5)
  std::vector<LotAllocation> lots;  // rules order, or the single lot `main`
  // The pool (docs/rules.md §4 step 3), when lots are defined and leftover = "pool":
  // the unassigned budget plus every lot's remainder, and what it awarded
  // (its pass plus the overrides charged to it). None without a pool pass.
  std::optional<Money> pool_amount;
  Money pool_awarded;
  std::vector<AllocationLine> applications;     // rank order, then the unranked by id
  std::optional<Rational> coefficient() const;  // cofinancing / awarded; none when nothing was awarded
};

// docs/rules.md §4. `scores` is the result of score_round over the same applications
// (with decisions.orders applied). Checks the invariants of §4.6 before returning
// and throws Error(io, "internal error: ...") if one is violated.
[[nodiscard]] Decision allocate(const Rules& rules, const std::vector<Application>& applications,
                                const ScoreResult& scores, const AppliedDecisions& decisions = {});

}  // namespace competition
