// `competition score` as a library call (cli.md "score"): resolve the round,
// score it from the stored inputs (rules.md §1–3), store the result and mark
// the round `scored`, all in one transaction.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model.hpp"
#include "rules.hpp"
#include "scoring.hpp"
#include "store.hpp"

namespace competition {

// What was scored, with the inputs the renderers need (organisation names,
// criteria), read in the same transaction as the result.
struct ScoredRound {
  RoundRecord round;
  Rules rules;
  std::vector<Application> applications;
  ScoreResult result;
};

// Scores the round (`--round`, or the only one) and stores the result. An
// allocated round is frozen: Error(conflict). Applications without enough
// reviews are `incomplete`, never an error.
ScoredRound score_and_store(Store& store, const std::optional<std::string>& round_id);

// The same, returning only the result.
ScoreResult run_score(Store& store, const std::optional<std::string>& round_id);

}  // namespace competition
