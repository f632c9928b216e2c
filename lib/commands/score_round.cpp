#include "commands/score_round.hpp"

#include <fmt/format.h>

#include <functional>
#include <optional>

#include "base/alongside.hpp"
#include "commands/conflicted_reviews.hpp"
#include "commands/input_hashing.hpp"
#include "commands/stale_assignment.hpp"
#include "store/bulk_foreign_keys.hpp"
#include "store/check_facts_store.hpp"
#include "store/organisations.hpp"
#include "store/score_store.hpp"
#include "store/scored_inputs.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_no_scores{.uk = "конкурс {} розподілено, але він не має збережених оцінок",
                                           .en = "round {} is allocated but has no stored scores"};

// docs/cli.md "score": one transaction from reading the inputs to the new stage, so
// a concurrent import cannot slip between the reviews read and the scores stored.
ScoredRound score_and_store(Store& store, const std::optional<std::string>& round_id,
                            const std::function<void(const ScoredRound&)>& meanwhile) {
  // Without SQLite's foreign-key checks (bulk_foreign_keys.hpp): each stored
  // score names an application read in this transaction, and looking each one
  // up again was two fifths of storing a million scores (the applications'
  // pages long gone from the cache after the reviews).
  BulkForeignKeys fk(store, true);
  Transaction tx(store);
  ScoredRound s;
  s.round = store.resolve_round(round_id);
  s.rules = Store::rules_of(s.round);
  // docs/formats.md "reviewers.csv": a conflict that names no known organisation is a warning.
  const std::vector<Reviewer> reviewers = store.reviewers(s.round.id);
  s.unknown_conflicts = unknown_conflicts(store.db(), reviewers);
  // Scoring and the ranking tables need no titles: none is kept (a national
  // round's are 100 MB), unless `double_funding` compares them. Each is
  // hashed first, unless the scores are frozen: the decision records what was
  // scored (scored_inputs.hpp).
  const bool frozen = s.round.stage == Stage::allocated;
  HashedApplications read = read_hashed_applications(store, s.round.id, s.rules, s.rules.double_funding, !frozen);
  s.applications = std::move(read.applications);
  if (frozen) {
    // docs/cli.md "score": the decision froze the scores; they are shown as stored.
    std::optional<ScoreResult> stored = load_scores(store, s.round.id, s.rules);
    if (!stored) throw Error(ErrorKind::conflict, say(w_no_scores, s.round.id), Remedy::see_stored_decision);
    s.result = std::move(*stored);
    s.frozen = true;
    if (meanwhile) meanwhile(s);
    return s;
  }
  // docs/cli.md "assign": a warning when the assignment no longer covers the round.
  s.assignment_changes = stale_assignment(store, s.round);
  // docs/rules.md §1: a review counts until it is stored as excluded; a conflict declared after it is a warning.
  // Found in the one pass over the reviews below (a second query and a second read of the
  // applications were 17 % of `score`), from the keys as stored: before use_round_keys.
  std::optional<ConflictedReviews> conflicted;
  if (s.rules.source == ScoreSource::reviews)
    conflicted.emplace(store, reviewers, s.applications);
  else
    s.conflicted_reviews = conflicted_reviews(store, s.round);  // no pass over the reviews below
  // Commission orders are not applied here: `allocate` applies them (docs/cli.md,
  // "Commission decisions"), so `score` shows the ranking of the rules alone.
  // year.md §5: the earlier rounds' facts as they stand now, stored with the scores.
  std::optional<StoredCheckFacts> facts;
  if (s.rules.checks_history()) {
    use_round_keys(s.applications);
    facts.emplace();
    facts->log_seq = last_log_seq(store);
    facts->facts = todays_check_facts(store, s.rules, s.round.id, s.applications, facts->log_seq);
  }
  // As review_summaries(), but the summaries and conflicts are worked out on the
  // second thread with the hash: reading the store is the other half of the pass.
  const bool see_conflicts = conflicted && conflicted->wanted();
  ReviewSummaries summaries(s.rules, s.applications);
  ReviewsHashing reviews(s.rules, [&](const ReviewRow& row) {
    summaries.add(row.application, row.excluded, row.scores);
    if (see_conflicts) conflicted->see(row);
  });
  if (s.rules.source == ScoreSource::reviews)
    store.each_review(s.round.id, s.rules, [&](const ReviewRow& row) { reviews.add(row); });
  const ScoredInputs inputs{std::move(read.sha256), reviews.hex()};
  if (conflicted) s.conflicted_reviews = std::move(*conflicted).found();
  conflicted.reset();  // its index of the applications (10 MB at 100 000) is not kept while scoring
  s.result = score_summarised(s.rules, s.applications, summaries.finish(), {}, facts ? facts->facts : CheckFacts{});
  auto store_it = [&] {
    save_scores(store, s.round.id, s.result);
    save_scored_inputs(store, s.round.id, inputs);
    save_check_facts(store, s.round.id, facts);
    store.set_stage(s.round.id, Stage::scored);
    tx.commit_then_checkpoint();  // the copy into the file overlaps the printing
  };
  // While it is stored nothing changes `s`: both threads only read it.
  if (meanwhile)
    alongside([&] { meanwhile(s); }, store_it);
  else
    store_it();
  return s;
}

ReviewSummaries review_summaries(Store& store, const std::string& round, const Rules& rules,
                                 const std::vector<Application>& applications,
                                 const std::function<void(const ReviewRow&)>& also) {
  ReviewSummaries summaries(rules, applications);
  // A round ranked by votes reads no reviews (its scores report 0 of them, and
  // its decision record hashes an empty reviews.csv, as they always have).
  if (rules.source == ScoreSource::reviews)
    store.each_review(round, rules, [&](const ReviewRow& row) {
      summaries.add(row.application, row.excluded, row.scores);
      if (also) also(row);
    });
  return summaries;
}

ScoreResult run_score(Store& store, const std::optional<std::string>& round_id) {
  return score_and_store(store, round_id).result;
}

}  // namespace competition
