// The pabulib sources of a round imported from a pabulib file (docs/pabulib.md):
// what engine/pabulib_recount.hpp recounts, read back from the store.
#pragma once
#include <optional>
#include <string>

#include "engine/pabulib_recount.hpp"
#include "store/store.hpp"

namespace competition {

// The stored instance of a round, or none when the round was not imported
// from a pabulib file.
[[nodiscard]] std::optional<PabulibInstance> load_pabulib_instance(Store& store, const std::string& round);

}  // namespace competition
