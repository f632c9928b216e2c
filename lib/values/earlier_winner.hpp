// The facts of year.md §5's cross-year checks: an earlier round's winner as the
// checks of a later round use it (stored with that round's scores, and the
// rows of its bundle's history.json).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace competition {

// An earlier winner's final report as of the cut-off.
enum class ReportState { not_due, received, missing };
[[nodiscard]] std::string_view to_string(ReportState s);
[[nodiscard]] std::optional<ReportState> report_state_named(std::string_view text);

struct EarlierWinner {
  std::string round;
  std::string application;
  std::string organisation;  // identity key: `code:` and the ЄДРПОУ, else `name:` and the name key
  std::string title_key;     // values/title_key.hpp
  ReportState report = ReportState::not_due;
  bool operator==(const EarlierWinner&) const = default;
};

// The facts the checks used: earlier winners by round id, then application id.
using CheckFacts = std::vector<EarlierWinner>;

}  // namespace competition
