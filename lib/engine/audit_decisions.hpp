// The commission decisions (docs/cli.md "Commission decisions": withdraw, override,
// order, undo) as `audit` and `audit bundle` apply them when they recompute an
// allocation: the one place where the audit turns logged decisions (the
// database's log, or a bundle's decisions.csv) into the AppliedDecisions of
// docs/rules.md §4 step 2 and the record's `decisions`. The reduction itself is
// commission.hpp's, the same code `allocate` runs, so that a change to the
// decision kinds reaches the audit through these functions and nowhere else.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/allocation.hpp"
#include "engine/commission.hpp"
#include "values/diagnostic.hpp"
#include "values/log_entry.hpp"

namespace competition {

struct LoggedDecisions {
  nlohmann::ordered_json record = nlohmann::ordered_json::array();  // the record's `decisions`, in log order
  AppliedDecisions applied;
  // Log entries that cannot be read as decisions, as errors: their words, with
  // the remedy, are render/'s (remedy_words.hpp).
  std::vector<Error> problems;
};

// The decisions standing at an allocation: `before` are the round's log
// entries recorded before that `allocate` entry, in log order.
[[nodiscard]] LoggedDecisions decisions_logged_before(const std::vector<LogEntry>& before);

// The same from the decisions as a bundle's decisions.csv lists them.
[[nodiscard]] LoggedDecisions decisions_standing(const std::vector<CommissionDecision>& decisions);

// Commission decisions recorded after the latest allocation (docs/cli.md: reported
// as pending, not as a mismatch): the log entries after the last `allocate`
// entry that are not allocations (all of them when there is none).
[[nodiscard]] int pending_decisions(const std::vector<LogEntry>& entries);

}  // namespace competition
