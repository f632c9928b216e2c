// What a `score` read, by hash (schemas/011_scored_inputs.sql): the SHA-256 of
// the canonical applications.csv and reviews.csv of the round as scored, which
// `allocate` records in its decision (docs/decisions.md "Choices in `allocate`").
#pragma once
#include <optional>
#include <string>

#include "store/store.hpp"

namespace competition {

struct ScoredInputs {
  std::string applications_sha256;  // hex, as ApplicationsHash gives it
  std::string reviews_sha256;       // hex, as ReviewsHash gives it
};

// Replaces what is stored for `round`. Inside the caller's transaction, after
// save_scores (which clears it with the scores).
void save_scored_inputs(Store& store, const std::string& round, const ScoredInputs& inputs);

// What save_scored_inputs stored, nullopt when nothing is: scores cleared
// since, or stored by a version before migration 11.
[[nodiscard]] std::optional<ScoredInputs> load_scored_inputs(Store& store, const std::string& round);

// Removes what is stored for `round` (clear_scores does, with the scores).
void clear_scored_inputs(Store& store, const std::string& round);

}  // namespace competition
