// `competition score` as a library call (docs/cli.md "score"): resolve the round,
// score it from the stored inputs (docs/rules.md §1–3), store the result and mark
// the round `scored`, all in one transaction; an allocated round's stored scores.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/scoring.hpp"
#include "store/store.hpp"
#include "values/assignment_change.hpp"
#include "values/conflicts.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

// What was scored, with the inputs the renderers need (organisation names,
// criteria), read in the same transaction as the result.
struct ScoredRound {
  RoundRecord round;
  Rules rules;
  std::vector<Application> applications;  // without their titles
  ScoreResult result;
  std::vector<UnknownConflict> unknown_conflicts;    // reviewers' conflicts naming no known organisation
  std::vector<AssignmentChange> assignment_changes;  // since the round's reviewer assignment (docs/cli.md "assign")
  std::vector<std::pair<std::string, std::string>> conflicted_reviews;  // counted, by reviewers now in conflict
  bool frozen = false;  // the round is allocated: `result` is the stored one the decision used
};

// Scores the round (`--round`, or the only one) and stores the result. An
// allocated round is frozen: its stored scores are returned as they are
// (`frozen`), nothing is computed or stored. Applications without enough
// reviews are `incomplete`, never an error.
// `meanwhile`, when given, runs on a second thread over the scored round
// (reading it only) while the result is stored and committed: what the caller
// will print can be prepared in that time (a national round's ranking takes
// seconds to lay out, and as long to store). Its failure is raised after.
ScoredRound score_and_store(Store& store, const std::optional<std::string>& round_id,
                            const std::function<void(const ScoredRound&)>& meanwhile = {});

// What score_round needs of the round's stored reviews (review_summary.hpp),
// read in one pass that also shows each review to `also` when given (the
// input hashes of `allocate` and `audit`). A round ranked by votes reads none.
// Unfinished: finish() raises what scoring them would raise, where the caller
// scores (after the reviews have been read).
[[nodiscard]] ReviewSummaries review_summaries(Store& store, const std::string& round, const Rules& rules,
                                               const std::vector<Application>& applications,
                                               const std::function<void(const ReviewRow&)>& also = {});

// The same, returning only the result.
ScoreResult run_score(Store& store, const std::optional<std::string>& round_id);

}  // namespace competition
