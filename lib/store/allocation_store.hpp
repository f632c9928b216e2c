// The stored decision of `allocate` (docs/cli.md): the `allocations` table holds the
// round's latest allocation, one row per application, award in kopiykas.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "engine/allocation.hpp"
#include "store/store.hpp"

namespace competition {

// Replaces the round's rows with the decision's lines. Must run inside a Transaction.
void save_allocation(Store& store, const std::string& round, const Decision& d);

// The round's stored lines in the decision's order (rank order, then the
// unranked by id); empty when the round was never allocated.
[[nodiscard]] std::vector<AllocationLine> load_allocation(Store& store, const std::string& round);

// The same lines one at a time, in application order, each handed to `line`
// (a national round has a million).
void each_allocation_line(Store& store, const std::string& round,
                          const std::function<void(const AllocationLine&)>& line);

// Whether the round has stored lines, without reading them.
[[nodiscard]] bool has_allocation(Store& store, const std::string& round);

}  // namespace competition
