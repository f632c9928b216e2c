// The minutes of the commission's meeting read from the store: the latest
// allocation's decision record, the round's decisions and scores
// (render/minutes_document.hpp words them, render_minutes.hpp lays them out).
#pragma once
#include <optional>
#include <string>

#include "render/minutes_document.hpp"
#include "store/store.hpp"

namespace competition {

// Reads the minutes of the round (`--round`, or the only one) for `date`
// (`YYYY-MM-DD`, checked by the caller), with the round's sensitivity when
// `sensitivity` (docs/cli.md "sensitivity"). Error(conflict) when the round has no
// allocation yet; Error(io) when the stored record cannot be read.
[[nodiscard]] MinutesData load_minutes(Store& store, const std::optional<std::string>& round_id,
                                       const std::string& date, bool sensitivity = false);

}  // namespace competition
