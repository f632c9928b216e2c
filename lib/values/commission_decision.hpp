// The commission's decisions (docs/decisions.md "Commission decisions") as
// data: one decision entry of a round's log, a request to record
// one, and what recording and listing give back. The rules over them are
// engine/commission.hpp; recording and listing are commands/commission_decisions.hpp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "values/log_kind.hpp"
#include "values/money.hpp"
#include "values/round.hpp"

namespace competition {

// One decision entry of a round's log.
struct CommissionDecision {
  int n = 0;             // 1, 2, … among the round's decision entries, in log order
  std::int64_t seq = 0;  // decision_log.seq
  DecisionKind kind = DecisionKind::withdraw;
  std::vector<std::string> applications;  // for `undo`: those of the entry it reverses
  std::optional<Money> award;             // `override` only; 0 declines
  std::string reason;
  std::string recorded_at;       // ISO 8601 UTC
  std::optional<int> undoes;     // `undo`: the number of the entry it reverses
  std::optional<int> undone_by;  // the standing `undo` that reverses this entry

  bool declines() const { return kind == DecisionKind::override_award && award && award->is_zero(); }
};

// What the commission decided, as given on the command line.
struct DecisionRequest {
  DecisionKind kind = DecisionKind::withdraw;
  std::vector<std::string> applications;  // withdraw, override: one; order: two or more, in the decided order
  std::optional<Money> award;             // override
  int undo = 0;                           // undo: the number N of the entry to reverse
  std::string reason;
};

struct RecordedDecision {
  RoundRecord round;
  CommissionDecision decision;  // as read back from the log, with its number
};

// docs/cli.md "Commission decisions" (`competition decisions`): the round's decision entries in log order.
struct DecisionList {
  RoundRecord round;
  std::vector<CommissionDecision> decisions;
  // How many of them were logged before the round's latest allocation (they
  // are the ones it could apply); the rest are not applied yet.
  int before_latest_allocation = 0;
  bool allocated = false;
};

}  // namespace competition
