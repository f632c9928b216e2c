// The stored result of `score` (cli.md "score"): one row per application in the
// `scores` table, totals and aggregates kept exact (`num/den` text) beside a
// display column, so that `allocate`, `audit` and the minutes read back exactly
// what `score` computed.
#pragma once
#include <optional>
#include <string>

#include "rules.hpp"
#include "scoring.hpp"
#include "store.hpp"

namespace competition {

// Replaces the round's rows of `scores` with `result` (atomically: a savepoint,
// so it is safe inside or outside a Transaction).
void save_scores(Store& store, const std::string& round, const ScoreResult& result);

// The stored result in its order (ranked by rank, then the unranked by id), or
// nullopt when the round has no stored scores. `rules` gives the criteria order;
// stored aggregates that do not match its criteria are Error(conflict).
std::optional<ScoreResult> load_scores(Store& store, const std::string& round, const Rules& rules);

// `num/den`, the exact text form of the `scores` table, and its reader.
std::string encode_exact(const Rational& value);
std::optional<Rational> decode_exact(std::string_view text);

}  // namespace competition
