#include "score_round.hpp"

#include <fmt/format.h>

#include "score_store.hpp"

namespace competition {

// cli.md "score": one transaction from reading the inputs to the new stage, so
// a concurrent import cannot slip between the reviews read and the scores stored.
ScoredRound score_and_store(Store& store, const std::optional<std::string>& round_id) {
  Transaction tx(store);
  ScoredRound s;
  s.round = store.resolve_round(round_id);
  if (s.round.stage == "allocated")
    throw Error(ExitCode::conflict,
                fmt::format("round {} is already allocated; scores are frozen by the decision (its ranking is in the "
                            "stored decision: see `competition minutes` or `competition export bundle`)",
                            s.round.id));
  s.rules = Store::rules_of(s.round);
  s.applications = store.applications(s.round.id);
  std::vector<Review> reviews =
      s.rules.source == ScoreSource::votes ? std::vector<Review>{} : store.reviews(s.round.id, s.rules);
  // Commission orders are not applied here: `allocate` applies them (cli.md,
  // "Commission decisions"), so `score` shows the ranking of the rules alone.
  s.result = score_round(s.rules, s.applications, reviews);
  save_scores(store, s.round.id, s.result);
  store.set_stage(s.round.id, "scored");
  tx.commit();
  return s;
}

ScoreResult run_score(Store& store, const std::optional<std::string>& round_id) {
  return score_and_store(store, round_id).result;
}

}  // namespace competition
