// docs/sensitivity.md "The margin": the smallest change of one score (or of the
// votes) that changes whether one application gets money, everything else as it
// is, found from the money line (money_line.hpp) rather than by allocating again
// for every candidate change. Pure.
#pragma once
#include <optional>
#include <vector>

#include "base/string_index.hpp"
#include "engine/money_line.hpp"
#include "engine/ranking_place.hpp"
#include "engine/sensitivity.hpp"

namespace competition {

class MarginSearch {
 public:
  // `plain`: score_round over the round without orders; `line` and `places`
  // over the baseline; `standing` as sensitivity() takes it. All must outlive this.
  MarginSearch(const Rules& rules, const std::vector<Application>& applications, const std::vector<Review>& reviews,
               const std::vector<CommissionDecision>& standing, const ScoreResult& plain, const MoneyLine& line,
               const RankingPlaces& places);

  // The margin of `scored` (of `plain`), which has money in the baseline or not;
  // none when it has too few valid reviews or a withdrawal or override, or when
  // no single change does it.
  [[nodiscard]] std::optional<SensitivityMargin> of(const ScoredApplication& scored, bool money) const;

 private:
  // Whether the application gets money with `changed` as its scores, the rest as it is.
  bool money_with(const Application& app, const ScoredApplication& changed) const;
  // The same by allocating again (an application in a commission order, whose
  // change may undo the order): the reviews with one score changed.
  bool money_reallocated(const Application& app, const Review& review, std::size_t criterion,
                         const Rational& score) const;
  std::optional<SensitivityMargin> by_votes(const Application& app, const ScoredApplication& scored, bool money) const;

  const Rules& rules_;
  const std::vector<Application>& applications_;
  const std::vector<Review>& reviews_;
  const std::vector<CommissionDecision>& standing_;
  const ScoreResult& plain_;
  const MoneyLine& line_;
  const RankingPlaces& places_;
  StringIndex<std::uint32_t> group_;               // application -> its valid reviews in valid_
  std::vector<std::vector<const Review*>> valid_;  // by reviewer id
  StringIndex<char> fixed_;                        // withdrawn or overridden
  StringIndex<char> ordered_;                      // a member of a standing order
};

}  // namespace competition
