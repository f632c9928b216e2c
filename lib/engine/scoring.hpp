// docs/rules.md §1–3: eligibility, aggregation of reviews, totals and the ranking.
// Pure functions over plain structs: no database, no printing, no globals.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/token_list.hpp"
#include "engine/review_summary.hpp"
#include "values/earlier_winner.hpp"
#include "values/model.hpp"
#include "values/rational.hpp"
#include "values/rules.hpp"

namespace competition {

enum class ScoreStatus { ranked, rejected, incomplete };
[[nodiscard]] std::string_view to_string(ScoreStatus s);

struct ScoredApplication {
  std::string id;
  ScoreStatus status = ScoreStatus::incomplete;
  std::optional<int> rank;         // 1..n for ranked applications
  std::optional<Rational> total;   // none when incomplete
  std::vector<Rational> criteria;  // aggregated score per rules.criteria; empty when incomplete or votes
  int reviews = 0;                 // valid (not excluded) reviews
  TokenList flags;                 // `spread:ID`, in criteria order
  TokenList reasons;               // docs/rules.md §2 table order
};

// The outcome of `score`: ranked applications in rank order, then the unranked by id.
struct ScoreResult {
  std::vector<ScoredApplication> applications;
  const ScoredApplication* find(const std::string& id) const;
};

// An explicit order the commission recorded for applications tied on every
// ranking key (docs/cli.md "Commission decisions" (`competition order`)); applied before the final `id` key.
struct TieOrder {
  std::vector<std::string> applications;  // in the decided order
};

// docs/rules.md §1: aggregate one criterion's valid scores (non-empty).
[[nodiscard]] Rational aggregate_scores(Aggregate how, std::vector<Rational> values);

// docs/rules.md §1–3 over one round. `applications` and `reviews` may come in any
// order; the result does not depend on it (except through input_order). With
// [checks] reading earlier rounds, `facts` are what they read (year.md §5; the
// applications' organisation keys then identity keys and their titles kept).
[[nodiscard]] ScoreResult score_round(const Rules& rules, const std::vector<Application>& applications,
                                      const std::vector<Review>& reviews, const std::vector<TieOrder>& orders = {},
                                      const CheckFacts& facts = {});

// The same from the reviews already summarised: `summaries[i]` is that of
// `applications[i]` (review_summary.hpp; what a national round is scored from).
[[nodiscard]] ScoreResult score_summarised(const Rules& rules, const std::vector<Application>& applications,
                                           std::vector<ReviewSummary> summaries,
                                           const std::vector<TieOrder>& orders = {}, const CheckFacts& facts = {});

// docs/rules.md §3, commission orders applied to `scores`, a score_round result
// without them over the same applications: what score_round with `orders`
// gives, without scoring again.
[[nodiscard]] ScoreResult with_tie_orders(const Rules& rules, const std::vector<Application>& applications,
                                          ScoreResult scores, const std::vector<TieOrder>& orders);

// docs/rules.md §3 without the final `id` key and without commission orders: true when
// a and b (both ranked) are tied on total and every tie_break key. Used to detect
// ties at the money line (`ties = "refuse"`).
[[nodiscard]] bool tied_on_every_key(const Rules& rules, const ScoredApplication& a, const Application& app_a,
                                     const ScoredApplication& b, const Application& app_b);

// docs/rules.md §3 without commission orders: true when a (ranked) comes before b
// (ranked) in score_round's ranking, the final `id` key included. Lets a caller
// place an application whose scores it changed without sorting again.
[[nodiscard]] bool ranks_before(const Rules& rules, const ScoredApplication& a, const Application& app_a,
                                const ScoredApplication& b, const Application& app_b);

}  // namespace competition
