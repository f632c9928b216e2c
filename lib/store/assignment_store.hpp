// The round's stored reviewer assignment (table `assignments`, docs/cli.md "assign").
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "store/store.hpp"

namespace competition {

using NamedPair = std::pair<std::string, std::string>;  // (application, reviewer)

// The stored pairs, sorted by application then reviewer; empty: no assignment.
[[nodiscard]] std::vector<NamedPair> stored_assignment(Store& store, const std::string& round);

// Replaces the round's pairs (inside the caller's Transaction).
void store_assignment(Store& store, const std::string& round, const std::vector<NamedPair>& pairs);

}  // namespace competition
