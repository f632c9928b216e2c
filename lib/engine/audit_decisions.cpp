#include "engine/audit_decisions.hpp"

namespace competition {

LoggedDecisions decisions_standing(const std::vector<CommissionDecision>& decisions) {
  LoggedDecisions d;
  StandingDecisions standing = reduce_decisions(decisions);
  d.applied = std::move(standing.applied);
  d.record = applied_decisions_json(standing.standing);
  return d;
}

LoggedDecisions decisions_logged_before(const std::vector<LogEntry>& before) {
  try {
    return decisions_standing(read_decisions(before));
  } catch (const Error& e) {  // a payload without the shape of its kind: the log was written by hand
    LoggedDecisions d;
    d.problems.push_back(e);
    return d;
  }
}

int pending_decisions(const std::vector<LogEntry>& entries) {
  int pending = 0;
  for (const LogEntry& e : entries) {
    if (e.kind == LogKind::allocate)
      pending = 0;
    else if (decision_kind(e.kind))  // an `assign` entry is never pending
      ++pending;
  }
  return pending;
}

}  // namespace competition
