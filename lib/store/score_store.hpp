// The stored result of `score` (docs/cli.md "score"): one row per application in the
// `scores` table, totals and aggregates kept exact (`num/den` text; no rounded
// copy: every display is derived, migration 006), so that `allocate`, `audit` and the minutes read back exactly
// what `score` computed.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/scoring.hpp"
#include "store/store.hpp"
#include "values/rules.hpp"

namespace competition {

// Replaces the round's rows of `scores` with `result` (atomically: a savepoint,
// so it is safe inside or outside a Transaction).
void save_scores(Store& store, const std::string& round, const ScoreResult& result);

// Removes the round's rows of `scores`, and the hashes of the inputs they were
// computed from (scored_inputs.hpp): what init, import and `score` do when the
// stored result no longer holds (the caller sets the stage).
void clear_scores(Store& store, const std::string& round);

// The stored result in its order (ranked by rank, then the unranked by id), or
// nullopt when the round has no stored scores. `rules` gives the criteria order;
// stored aggregates that do not match its criteria are Error(conflict).
[[nodiscard]] std::optional<ScoreResult> load_scores(Store& store, const std::string& round, const Rules& rules);

// load_scores in two steps, for a caller that checks the rows against the
// applications (in id order) before it ranks them: the rows in application
// order (errors as load_scores), then those rows in the stored result's order.
[[nodiscard]] std::vector<ScoredApplication> stored_scores_by_id(Store& store, const std::string& round,
                                                                 const Rules& rules);
[[nodiscard]] ScoreResult in_stored_order(std::vector<ScoredApplication> rows);

// The stored rows one at a time, in application order, each parsed into one
// reused ScoredApplication (its owner may move from it) and handed to `row`:
// for a caller that compares rather than keeps (allocate, at national scale).
// A row that cannot be read is Error(conflict) naming the first such row in
// the stored order, as load_scores reports it; no row is handed on after one.
void each_stored_score(Store& store, const std::string& round, const Rules& rules,
                       const std::function<void(ScoredApplication&)>& row);

// `num/den`, the exact text form of the `scores` table, and its reader.
[[nodiscard]] std::string encode_exact(const Rational& value);
[[nodiscard]] std::optional<Rational> decode_exact(std::string_view text);
// The `criteria` column's text of `criteria`: `id=num/den;…` in the rules' order.
[[nodiscard]] std::string encode_criteria(const Rules& rules, const std::vector<Rational>& criteria);

// The exact columns of a stored `scores` row as text, for `audit` to check
// that they are in the one form save_scores writes (docs/audit.md): decode_exact
// reads `2755/30` as 551/6, so only the text shows it is not reduced.
struct StoredScoreText {
  std::string application;
  std::optional<std::string> total;  // none: NULL
  std::string criteria;
};
// The round's rows one at a time, in application order (a national round has a million).
void each_stored_score_text(Store& store, const std::string& round,
                            const std::function<void(const StoredScoreText&)>& row);

}  // namespace competition
