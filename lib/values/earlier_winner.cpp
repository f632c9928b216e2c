#include "values/earlier_winner.hpp"

namespace competition {

std::string_view to_string(ReportState s) {
  switch (s) {
    case ReportState::not_due:
      return "not_due";
    case ReportState::received:
      return "received";
    case ReportState::missing:
      return "missing";
  }
  return "not_due";
}

std::optional<ReportState> report_state_named(std::string_view text) {
  for (ReportState s : {ReportState::not_due, ReportState::received, ReportState::missing})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

}  // namespace competition
