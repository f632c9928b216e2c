#include "commands/sensitivity_round.hpp"

#include <fmt/format.h>

#include "commands/commission_decisions.hpp"
#include "engine/commission.hpp"
#include "store/decision_log.hpp"
#include "values/common_words.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

std::vector<CommissionDecision> baseline_decisions(Store& store, const RoundRecord& round) {
  std::vector<LogEntry> log = log_entries(store, round.id);
  const LogEntry* allocation = nullptr;
  for (const LogEntry& e : log)
    if (e.kind == LogKind::allocate) allocation = &e;
  if (allocation) return reduce_decisions(read_decisions(entries_before(log, allocation->seq))).standing;
  return standing_decisions(store, round.id).standing;
}

// docs/cli.md "sensitivity".
SensitivityResult run_sensitivity(Store& store, const std::optional<std::string>& round_id) {
  SensitivityResult r;
  r.round = store.resolve_round(round_id);
  const std::string& id = r.round.id;
  if (r.round.stage == Stage::open)
    throw Error(ErrorKind::conflict, say(round_not_scored_words, id), Remedy::score_first);
  r.rules = Store::rules_of(r.round);
  r.applications = store.applications(id);
  std::vector<Review> reviews = store.reviews(id, r.rules);
  r.sensitivity = sensitivity(r.rules, r.applications, reviews, baseline_decisions(store, r.round));
  return r;
}

}  // namespace competition
