#include "values/commission_decision.hpp"

namespace competition {

std::string_view to_string(DecisionKind k) {
  switch (k) {
    case DecisionKind::withdraw:
      return "withdraw";
    case DecisionKind::override_award:
      return "override";
    case DecisionKind::order:
      return "order";
    case DecisionKind::undo:
      return "undo";
  }
  return "withdraw";
}

std::optional<DecisionKind> parse_decision_kind(std::string_view s) {
  for (DecisionKind k : {DecisionKind::withdraw, DecisionKind::override_award, DecisionKind::order, DecisionKind::undo})
    if (to_string(k) == s) return k;
  return std::nullopt;
}

}  // namespace competition
