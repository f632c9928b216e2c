// When a winner's final report counts as received (docs/cli.md "ledger"): the
// one rule that `ledger --as-of`, `report --as-of` and `audit`'s overdue
// notes share, so that the three never disagree about the same day.
#pragma once
#include <string_view>

namespace competition {

// A report that arrived on `received_on` (YYYY-MM-DD) is received by the end
// of `as_of` (YYYY-MM-DD) when it arrived on or before that day.
[[nodiscard]] inline bool received_by(std::string_view received_on, std::string_view as_of) {
  return received_on <= as_of;
}

}  // namespace competition
