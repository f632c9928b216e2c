#include "values/log_kind.hpp"

namespace competition {

std::string_view to_string(LogKind k) {
  switch (k) {
    case LogKind::allocate:
      return "allocate";
    case LogKind::withdraw:
      return "withdraw";
    case LogKind::override_award:
      return "override";
    case LogKind::order:
      return "order";
    case LogKind::undo:
      return "undo";
    case LogKind::assign:
      return "assign";
    case LogKind::money:
      return "money";
  }
  return "allocate";
}

std::optional<LogKind> parse_log_kind(std::string_view s) {
  for (LogKind k : {LogKind::allocate, LogKind::withdraw, LogKind::override_award, LogKind::order, LogKind::undo,
                    LogKind::assign, LogKind::money})
    if (to_string(k) == s) return k;
  return std::nullopt;
}

LogKind log_kind(DecisionKind k) {
  switch (k) {
    case DecisionKind::withdraw:
      return LogKind::withdraw;
    case DecisionKind::override_award:
      return LogKind::override_award;
    case DecisionKind::order:
      return LogKind::order;
    case DecisionKind::undo:
      return LogKind::undo;
  }
  return LogKind::withdraw;
}

std::optional<DecisionKind> decision_kind(LogKind k) {
  switch (k) {
    case LogKind::allocate:
    case LogKind::assign:
    case LogKind::money:
      return std::nullopt;
    case LogKind::withdraw:
      return DecisionKind::withdraw;
    case LogKind::override_award:
      return DecisionKind::override_award;
    case LogKind::order:
      return DecisionKind::order;
    case LogKind::undo:
      return DecisionKind::undo;
  }
  return std::nullopt;
}

std::string_view to_string(DecisionKind k) { return to_string(log_kind(k)); }

std::optional<DecisionKind> parse_decision_kind(std::string_view s) {
  std::optional<LogKind> k = parse_log_kind(s);
  return k ? decision_kind(*k) : std::nullopt;
}

}  // namespace competition
