// `competition ledger [--as-of DATE]` (docs/cli.md "ledger"): each winner's
// award, agreement, paid, still to pay and final report as the round stood at
// the end of a date. Reads only.
#pragma once
#include <optional>
#include <string>

#include "engine/ledger.hpp"
#include "store/store.hpp"

namespace competition {

// `as_of` in a date form of docs/formats.md "Dates" (Error(invalid) naming
// --as-of otherwise); none: today (values/clock.hpp).
[[nodiscard]] Ledger round_ledger(Store& store, const std::optional<std::string>& round_id,
                                  const std::optional<std::string>& as_of);

}  // namespace competition
