// `competition allocate` as a library call (docs/cli.md "allocate"): allocate the
// budget (docs/rules.md §4) from the scores `score` stored (docs/decisions.md),
// build the decision record and its fingerprint, and store the decision with
// its log entry in one transaction.
#pragma once
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/allocation.hpp"
#include "engine/audit_compare.hpp"
#include "engine/commission.hpp"
#include "engine/cross_year_checks.hpp"
#include "store/store.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

// What was allocated, with what the renderers need.
struct AllocateResult {
  RoundRecord round;
  Rules rules;
  std::vector<Application> applications;  // without their titles (the record hashed them)
  Decision decision;
  std::string fingerprint;                    // `sha256:` + 64 hex digits of the decision record
  std::vector<CommissionDecision> decisions;  // the commission decisions applied, in log order
  CrossYearView cross_year;                   // year.md §5: the flags of the checks, for the commission
  // year.md §4: where this decision breaks the money already agreed and paid
  // (an `allocate --force` after agreements), as `audit` will report it.
  std::vector<Difference> money_after;
  bool stored = false;       // false for --dry-run
  std::int64_t log_seq = 0;  // the decision log entry written (0 when not stored)
};

// How `allocate` goes about it (docs/cli.md "allocate" options).
struct AllocateOptions {
  bool force = false;    // allocate an allocated round again: a new decision after the old one
  bool dry_run = false;  // compute everything and write nothing
};

// docs/cli.md "allocate". The round (`--round`, or the only one) must be scored:
// Error(conflict) when it is not, when it is already allocated (unless
// `options.force`, which records a new decision after the old one), when the
// applications are not those `score` read or the stored scores do not name
// exactly them, when a standing commission decision
// cannot apply (docs/rules.md §4 step 2), and, with `ties = "refuse"`, when
// applications tied on every key straddle the money line (the message names
// each group and the money at stake). The commission decisions of the log apply
// first (commission.hpp, reduce_decisions). `options.dry_run` computes
// everything and writes nothing. `meanwhile`, when given, runs on a second
// thread over the decided result while it is stored (not for a dry run): the
// output written into its file (cli EarlyOutput).
AllocateResult run_allocate(Store& store, const std::optional<std::string>& round_id, AllocateOptions options,
                            const std::function<void(const AllocateResult&)>& meanwhile = {});

// The stored scores and a fresh result are the same decision basis: every
// application with the same status, rank, exact total, aggregates, review
// count, flags and reasons. Returns an application that differs, or nothing:
// first one whose own score changed or that is not stored (in the fresh
// order), then a stored one not in the fresh result (the smallest id), then
// one that only moved in the ranking (in the fresh order). A stored row that
// cannot be read is Error(conflict), as each_stored_score raises it.
[[nodiscard]] std::optional<std::string> stored_difference(Store& store, const std::string& round, const Rules& rules,
                                                           const ScoreResult& fresh);

// docs/cli.md, `ties = "refuse"`: the groups of ranked applications tied on every
// ranking key (docs/rules.md §3 without the `id` key), not covered by a commission
// order, in which one gets money and another does not only because of the
// final `id` key: ranking the group the other way round would change which of
// them get money. Each group in rank order. `decision` is allocate(rules,
// applications, scores, decisions).
[[nodiscard]] std::vector<std::vector<std::string>> ties_at_money_line(const Rules& rules,
                                                                       const std::vector<Application>& applications,
                                                                       const ScoreResult& scores,
                                                                       const AppliedDecisions& decisions,
                                                                       const Decision& decision);

}  // namespace competition
