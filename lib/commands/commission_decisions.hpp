// The commission's decisions over a store (docs/cli.md "Commission decisions"):
// `withdraw`, `override`, `order` and `decisions --undo` as library calls that
// validate a decision against the round and append it to the decision log (never
// updating or deleting anything), and the round's decisions as `decisions` lists them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/commission.hpp"
#include "store/store.hpp"
#include "values/money.hpp"

namespace competition {

// docs/cli.md "Commission decisions". Validates, then appends one log entry in one
// transaction; nothing is recorded when it throws. A refusal's message is worded
// relative to the request, which it names as Error::subject().
// Error(invalid) (exit 2): a blank reason or one that is not UTF-8, an unknown
// application, an application named twice, an override above the request, an
// undo of a number that is not a decision of the round.
// Error(conflict) (exit 3): a round that is not scored; a withdrawal or override
// of an application that is not ranked; an order of applications that are not
// all ranked and tied on every ranking key (docs/rules.md §3), or of fewer than two;
// an undo of an entry already undone; a decision that would change nothing (the
// same one already stands); and any decision after which the standing decisions
// could not be applied (docs/rules.md §4 step 2: overrides charged to a lot above its
// amount, an override in no lot with leftover = "keep" or above the unassigned
// budget) — found by allocating over the stored scores with them.
RecordedDecision record_decision(Store& store, const std::optional<std::string>& round_id,
                                 const DecisionRequest& request);

[[nodiscard]] DecisionList list_decisions(Store& store, const std::optional<std::string>& round_id);

// docs/rules.md §4 step 2 for the next `allocate`: every decision in the round's log, reduced.
[[nodiscard]] StandingDecisions standing_decisions(Store& store, const std::string& round);

}  // namespace competition
