// `competition status`: the rounds with their stage and counts, and the years
// of imported history, read from the store (render/render_status.hpp prints them).
#pragma once
#include <string>
#include <vector>

#include "store/store.hpp"
#include "values/status_report.hpp"

namespace competition {

// The rounds (by year, id) and the history years, read in one transaction.
[[nodiscard]] StatusReport collect_status(Store& store);

}  // namespace competition
