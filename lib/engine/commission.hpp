// The commission's decisions (docs/cli.md "Commission decisions"; docs/rules.md §3 and §4
// step 2) as entries of the decision log: their payloads, reading them back in
// log order with their numbers 1, 2, …, and reducing them to what an allocation
// applies. Pure functions; recording and listing over a store are in
// commands/commission_decisions.hpp. docs/decisions.md describes the payloads and the choices.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/allocation.hpp"
#include "engine/scoring.hpp"
#include "values/commission_decision.hpp"
#include "values/log_entry.hpp"
#include "values/model.hpp"
#include "values/money.hpp"
#include "values/rules.hpp"

namespace competition {

// The log payload of a new decision (canonical JSON once stored):
//   withdraw  {"applications": [ID], "award": null, "reason": R}
//   override  {"applications": [ID], "award": "5000.00", "reason": R}
//   order     {"applications": [ID, ID, …], "award": null, "reason": R}   (decided order)
//   undo      {"reason": R, "undoes": SEQ}   (the decision_log.seq of the reversed entry)
[[nodiscard]] nlohmann::ordered_json decision_payload(DecisionKind kind, const std::vector<std::string>& applications,
                                                      const std::optional<Money>& award, const std::string& reason);
[[nodiscard]] nlohmann::ordered_json undo_payload(std::int64_t undone_seq, const std::string& reason);

// The decision entries of a round's log (`allocate` entries skipped), numbered
// in log order, with `undone_by` set: an `undo` stands unless a later standing
// `undo` reverses it, so undoing an undo reinstates the entry it reversed.
// Error(io) naming the entry when a payload lacks the shape of its kind or an
// `undo` names no earlier decision entry (the log was written by hand).
[[nodiscard]] std::vector<CommissionDecision> read_decisions(const std::vector<LogEntry>& log);

// The log entries strictly before entry `seq`, in log order: what an allocation
// logged as entry `seq` applied (docs/cli.md "audit": "decisions logged before each allocation").
[[nodiscard]] std::vector<LogEntry> entries_before(const std::vector<LogEntry>& log, std::int64_t seq);

// docs/rules.md §4 step 2: what an allocation applies.
struct StandingDecisions {
  AppliedDecisions applied;
  std::vector<CommissionDecision> standing;  // the decisions applied, in log order
};

// Undone entries and `undo` entries themselves are left out; of the withdrawals
// and overrides of one application the latest stands (a later override replaces
// an earlier withdrawal, and the other way round); every order that is not
// undone stands, applied in log order (a later order re-arranges its own
// members again: scoring.hpp).
[[nodiscard]] StandingDecisions reduce_decisions(const std::vector<CommissionDecision>& decisions);

// The decision record's `decisions` (docs/bundle.md "The decision record"): the
// decisions applied, in log order, each {"n", "kind", "applications", "award"
// (money string, or null but for overrides), "reason", "recorded_at"}.
[[nodiscard]] nlohmann::ordered_json applied_decisions_json(const std::vector<CommissionDecision>& standing);

// One entry of `competition decisions --json`: {"n", "kind", "applications",
// "award", "reason", "recorded_at", "undone_by"} (docs/cli.md).
[[nodiscard]] nlohmann::ordered_json decision_entry_json(const CommissionDecision& d);

// docs/rules.md §3, `competition order`: why these applications cannot be put in an
// explicit order (one is not ranked, or two are not tied on every ranking key:
// names the total or the first tie-break key that differs), or nothing when
// they can. Every id must be in `scores`; `applications` supplies the
// tie-break values.
[[nodiscard]] std::optional<Message> order_problem(const Rules& rules, const std::vector<Application>& applications,
                                                   const ScoreResult& scores, const std::vector<std::string>& ids);

// `criterion:relevance`, `cofinancing_share`, … as written in the rules.
[[nodiscard]] std::string tie_break_key_name(const TieBreakKey& key);

}  // namespace competition
