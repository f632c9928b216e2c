// docs/sensitivity.md "The margin".
#include "engine/margin.hpp"

#include <algorithm>
#include <map>

#include "engine/scenario.hpp"
#include "values/diagnostic.hpp"

namespace competition {

MarginSearch::MarginSearch(const Rules& rules, const std::vector<Application>& applications,
                           const std::vector<Review>& reviews, const std::vector<CommissionDecision>& standing,
                           const ScoreResult& plain, const MoneyLine& line, const RankingPlaces& places)
    : rules_(rules),
      applications_(applications),
      reviews_(reviews),
      standing_(standing),
      plain_(plain),
      line_(line),
      places_(places) {
  for (const Review& r : reviews) {
    if (r.excluded) continue;
    auto [g, fresh] = group_.emplace(r.application, static_cast<std::uint32_t>(valid_.size()));
    if (fresh) valid_.emplace_back();
    valid_[*g].push_back(&r);
  }
  for (auto& group : valid_)
    std::sort(group.begin(), group.end(), [](const Review* a, const Review* b) { return a->reviewer < b->reviewer; });
  for (const CommissionDecision& d : standing)
    for (const std::string& id : d.applications) (d.kind == DecisionKind::order ? ordered_ : fixed_).emplace(id, 1);
}

bool MarginSearch::money_with(const Application& app, const ScoredApplication& changed) const {
  if (changed.status != ScoreStatus::ranked) return false;
  const MoneyLine::Moved m = places_.moved_one(app, changed);
  return line_.gets_money(app, m.x, m.y);
}

bool MarginSearch::money_reallocated(const Application& app, const Review& review, std::size_t criterion,
                                     const Rational& score) const {
  std::vector<Review> changed = reviews_;
  for (Review& r : changed)
    if (r.application == review.application && r.reviewer == review.reviewer && !r.excluded)
      r.scores[criterion] = score;
  ScoreResult ranking = score_round(rules_, applications_, changed);
  ScenarioOutcome o = decide_scenario(rules_, applications_, ranking, standing_);
  for (const AllocationLine& l : o.decided.decision.applications)
    if (l.id == app.id) return l.status == AwardStatus::funded || l.status == AwardStatus::partial;
  return false;
}

// docs/sensitivity.md "The margin": k = 1, 2, … steps; at each k every valid
// review by reviewer id and every criterion in rules order, so that the first
// change found is the smallest and wins the ties as the rules say.
std::optional<SensitivityMargin> MarginSearch::of(const ScoredApplication& scored, bool money) const {
  if (fixed_.find(scored.id) || scored.status == ScoreStatus::incomplete) return std::nullopt;
  const Application* app = places_.application(scored.id);
  if (!app) return std::nullopt;
  if (rules_.source == ScoreSource::votes) return by_votes(*app, scored, money);
  // A reason no score can lift (sector, request, co-financing) keeps it rejected.
  for (std::string_view r : scored.reasons)
    if (r != "total_below_pass" && r.rfind("criterion_below_threshold:", 0) != 0) return std::nullopt;
  const std::uint32_t* g = group_.find(scored.id);
  if (!g) return std::nullopt;
  const std::vector<const Review*>& reviews = valid_[*g];
  const bool reallocate = ordered_.find(scored.id) != nullptr;
  const std::size_t width = rules_.criteria.size();
  // Every criterion's aggregate with one score replaced, and the weighted total.
  std::map<std::pair<std::size_t, std::pair<std::int64_t, std::int64_t>>, bool> seen;  // (criterion, aggregate)
  ScoredApplication changed = scored;  // one score changed at a time, then put back
  std::vector<Rational> values;
  for (std::int64_t k = 1;; ++k) {
    bool any = false;
    for (const Review* review : reviews)
      for (std::size_t c = 0; c < width; ++c) {
        const Criterion& cr = rules_.criteria[c];
        const Rational score = review->scores[c] + (money ? Rational(-k) : Rational(k)) * cr.step;
        if (score < cr.min || score > cr.max) continue;
        any = true;
        values.clear();
        for (const Review* r : reviews) values.push_back(r == review ? score : r->scores[c]);
        const Rational aggregate = aggregate_scores(rules_.aggregate, values);
        auto [it, fresh] = seen.try_emplace({c, {aggregate.num(), aggregate.den()}}, money);
        if (fresh || reallocate) {
          bool gets;
          if (reallocate) {
            gets = money_reallocated(*app, *review, c, score);
          } else {
            changed.criteria[c] = aggregate;
            Rational total;
            bool passes = true;
            for (std::size_t i = 0; i < width; ++i) {
              const Rational& a = i == c ? aggregate : scored.criteria[i];
              total += rules_.criteria[i].weight * a;
              if (rules_.criteria[i].threshold && a < *rules_.criteria[i].threshold) passes = false;
            }
            if (rules_.pass_total && total < *rules_.pass_total) passes = false;
            changed.total = total;
            changed.status = passes ? ScoreStatus::ranked : ScoreStatus::rejected;
            gets = money_with(*app, changed);
            changed.criteria[c] = scored.criteria[c];
          }
          it->second = gets;
        }
        if (it->second != money) return SensitivityMargin{k, review->reviewer, cr.id, money};
      }
    if (!any) return std::nullopt;
  }
}

// docs/sensitivity.md "The margin" in a round ranked by votes: only where the place
// changes is money looked at (the votes of another application, or one past
// them), walking away from the application's own place, so the first change
// that does it is the smallest.
std::optional<SensitivityMargin> MarginSearch::by_votes(const Application& app, const ScoredApplication& scored,
                                                        bool money) const {
  if (!scored.reasons.empty() || !scored.total) return std::nullopt;  // a reason no vote lifts
  const std::int64_t votes = scored.total->num();
  const std::uint32_t at = places_.plain_position(scored.id);
  if (at == MoneyLine::absent) return std::nullopt;
  auto try_votes = [&](std::int64_t k) -> std::optional<SensitivityMargin> {
    if (k < 1 || (money && k > votes)) return std::nullopt;
    const std::int64_t now = money ? votes - k : votes + k;
    bool gets;
    if (ordered_.find(scored.id)) {
      std::vector<Application> changed = applications_;
      for (Application& a : changed)
        if (a.id == app.id) a.votes = now;
      ScenarioOutcome o = decide_scenario(rules_, changed, score_round(rules_, changed, reviews_), standing_);
      gets = false;
      for (const AllocationLine& l : o.decided.decision.applications)
        if (l.id == app.id) gets = l.status == AwardStatus::funded || l.status == AwardStatus::partial;
    } else {
      ScoredApplication changed = scored;
      changed.total = Rational(now);
      gets = money_with(app, changed);
    }
    if (gets == money) return std::nullopt;
    return SensitivityMargin{k, std::nullopt, std::nullopt, money};
  };
  // One vote first: it undoes a commission order's tie whichever side the
  // partner ranks on in the plain ranking.
  if (auto m = try_votes(1)) return m;
  std::int64_t last = 1;  // the largest k tried
  auto try_both = [&](std::int64_t other) -> std::optional<SensitivityMargin> {
    const std::int64_t tie = money ? votes - other : other - votes;
    for (std::int64_t k : {tie, tie + 1})
      if (k > last) {
        last = k;
        if (auto m = try_votes(k)) return m;
      }
    return std::nullopt;
  };
  const std::uint32_t ranked = places_.ranked();
  if (money) {
    for (std::uint32_t i = at + 1; i < ranked; ++i)
      if (auto m = try_both(places_.plain_total(i).num())) return m;
    if (votes > last) return try_votes(votes);  // down to no votes at all
    return std::nullopt;
  }
  for (std::uint32_t i = at; i-- > 0;)
    if (auto m = try_both(places_.plain_total(i).num())) return m;
  return std::nullopt;
}

}  // namespace competition
