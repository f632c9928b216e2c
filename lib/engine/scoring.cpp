// docs/rules.md §1–3: aggregation, eligibility, totals and the ranking. Exact
// Rational arithmetic only: no floating point anywhere in this file.
#include "engine/scoring.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <span>
#include <stdexcept>
#include <unordered_map>

#include "base/permutation.hpp"
#include "base/string_index.hpp"
#include "engine/cross_year_checks.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_no_votes{
    .uk = "конкурс {}: заявка {} не має голосів, а конкурс ранжує за голосами",
    .en = "round {}: application {} has no votes, but the round is ranked by votes"};

std::string_view to_string(ScoreStatus s) {
  switch (s) {
    case ScoreStatus::ranked:
      return "ranked";
    case ScoreStatus::rejected:
      return "rejected";
    case ScoreStatus::incomplete:
      return "incomplete";
  }
  return "incomplete";
}

const ScoredApplication* ScoreResult::find(const std::string& id) const {
  for (const auto& a : applications)
    if (a.id == id) return &a;
  return nullptr;
}

namespace {

// docs/rules.md §5: cofinancing / (requested + cofinancing); 0 when both are 0, so
// the share is defined for every application (requested > 0 on import anyway).
Rational cofinancing_share(const Application& a) {
  Money whole = a.requested + a.cofinancing;
  if (whole.is_zero()) return Rational(0);
  return Rational(a.cofinancing.kopiykas(), whole.kopiykas());
}

// docs/rules.md §2, the rules that need no scores, in the table's order
// (`earlier_missing`: year.md §5 found an earlier report missing).
TokenList non_score_reasons(const Rules& rules, const Application& a, bool earlier_missing) {
  TokenList reasons;
  if (rules.sectors && std::find(rules.sectors->begin(), rules.sectors->end(), a.sector) == rules.sectors->end())
    reasons.push_back("sector_not_allowed");
  if (rules.max_request && a.requested > *rules.max_request) reasons.push_back("request_above_max");
  if (rules.min_cofinancing_share && cofinancing_share(a) < *rules.min_cofinancing_share)
    reasons.push_back("cofinancing_below_min");
  if (earlier_missing && rules.earlier_reports == EarlierReports::reject) reasons.push_back("earlier_report_missing");
  return reasons;
}

// docs/rules.md §1–2 for a round ranked by reviews: the summary's aggregates and
// flags, the total and the score-based reasons, or `incomplete` with too few
// valid reviews.
ScoredApplication score_by_reviews(const Rules& rules, const Application& app, ReviewSummary&& summary,
                                   bool earlier_missing) {
  ScoredApplication s;
  s.id = app.id;
  s.reviews = summary.reviews;
  s.reasons = non_score_reasons(rules, app, earlier_missing);
  if (s.reviews < std::max(1, rules.min_reviews)) {
    s.status = ScoreStatus::incomplete;
    s.reasons.push_back("too_few_reviews");
    return s;
  }
  if (summary.criteria.size() != rules.criteria.size())
    throw std::invalid_argument(fmt::format("the reviews of {} are summarised for {} criteria, not {}", app.id,
                                            summary.criteria.size(), rules.criteria.size()));
  Rational total;
  for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
    const Criterion& cr = rules.criteria[c];
    const Rational& aggregated = summary.criteria[c];
    // Exactly at the threshold passes (docs/rules.md §2).
    if (cr.threshold && aggregated < *cr.threshold) {
      s.reasons.push_back("criterion_below_threshold:");
      s.reasons.append_to_last(cr.id);
    }
    total += cr.weight * aggregated;
  }
  s.criteria = std::move(summary.criteria);
  s.flags = std::move(summary.flags);
  s.total = total;
  if (rules.pass_total && total < *rules.pass_total) s.reasons.push_back("total_below_pass");
  s.status = s.reasons.empty() ? ScoreStatus::ranked : ScoreStatus::rejected;
  return s;
}

// docs/rules.md "checks": the planned cost per client, (requested +
// cofinancing) / planned_clients, of each application that plans clients; an
// application (not incomplete) whose cost is strictly above `factor` × or below
// 1/`factor` × the median of those costs gets the flag `cost_outlier`, after
// its spread flags. Exact: no double compares costs.
void flag_cost_outliers(const Rational& factor, const std::vector<Application>& applications,
                        std::vector<ScoredApplication>& all) {
  auto cost = [](const Application& a) {
    return Rational::of_money(a.requested + a.cofinancing) / Rational(a.planned_clients);
  };
  std::vector<Rational> costs;
  for (const Application& a : applications)
    if (a.planned_clients > 0) costs.push_back(cost(a));
  if (costs.empty()) return;
  std::sort(costs.begin(), costs.end());
  const Rational median = aggregate_sorted(Aggregate::median, costs);
  for (std::size_t i = 0; i < applications.size(); ++i) {
    const Application& a = applications[i];
    if (a.planned_clients <= 0 || all[i].status == ScoreStatus::incomplete) continue;
    const Rational c = cost(a);
    if (c > factor * median || c * factor < median) all[i].flags.push_back("cost_outlier");
  }
}

// docs/rules.md §1 (votes): the total is the imported vote count; only the rules
// that need no scores apply, and there are no criteria, reviews or flags.
ScoredApplication score_by_votes(const Rules& rules, const Application& app, int valid_reviews, bool earlier_missing) {
  if (!app.votes) throw Error(ErrorKind::conflict, say(w_no_votes, rules.id, app.id), Remedy::reimport_with_votes);
  ScoredApplication s;
  s.id = app.id;
  s.reviews = valid_reviews;
  s.total = Rational(*app.votes);
  s.reasons = non_score_reasons(rules, app, earlier_missing);
  s.status = s.reasons.empty() ? ScoreStatus::ranked : ScoreStatus::rejected;
  return s;
}

int criterion_index(const Rules& rules, const std::string& id) {
  for (std::size_t i = 0; i < rules.criteria.size(); ++i)
    if (rules.criteria[i].id == id) return static_cast<int>(i);
  return -1;
}

// docs/rules.md §3, one tie-break key: negative when a ranks before b, 0 when tied.
int compare_key(const Rules& rules, const TieBreakKey& key, const ScoredApplication& a, const Application& app_a,
                const ScoredApplication& b, const Application& app_b) {
  auto sign = [](std::strong_ordering o) { return o < 0 ? -1 : o > 0 ? 1 : 0; };
  switch (key.kind) {
    case TieBreakKey::Kind::criterion: {
      int i = criterion_index(rules, key.criterion);
      auto n = static_cast<std::size_t>(i);
      // No aggregates (votes rounds have no criteria): the key cannot separate them.
      if (i < 0 || n >= a.criteria.size() || n >= b.criteria.size()) return 0;
      return -sign(a.criteria[n] <=> b.criteria[n]);  // higher first
    }
    case TieBreakKey::Kind::cofinancing_share:
      return -sign(cofinancing_share(app_a) <=> cofinancing_share(app_b));  // higher first
    case TieBreakKey::Kind::requested:
      return sign(app_a.requested <=> app_b.requested);  // smaller first
    case TieBreakKey::Kind::submitted_at: {
      // Earlier first; a missing date (0) sorts last.
      const std::int64_t ka = app_a.submitted_key;
      const std::int64_t kb = app_b.submitted_key;
      if (ka == 0 || kb == 0) return (ka == 0) == (kb == 0) ? 0 : (ka == 0 ? 1 : -1);
      return sign(ka <=> kb);
    }
    case TieBreakKey::Kind::input_order:
      return sign(app_a.input_order <=> app_b.input_order);  // earlier first
  }
  return 0;
}

// docs/rules.md §3 without the commission orders and the `id` key: total, highest
// first, then the tie_break keys in order.
int compare_on_keys(const Rules& rules, const ScoredApplication& a, const Application& app_a,
                    const ScoredApplication& b, const Application& app_b) {
  if (!a.total || !b.total) throw std::invalid_argument("ranking compares applications without a total");
  if (*a.total != *b.total) return *a.total > *b.total ? -1 : 1;
  for (const auto& key : rules.tie_break)
    if (int c = compare_key(rules, key, a, app_a, b, app_b); c != 0) return c;
  return 0;
}

// A ranked application in the sort: small, so the sort moves 40 bytes, not
// whole results.
struct Entry {
  const ScoredApplication* scored;
  const Application* app;
  Rational share;    // cofinancing_share(*app), computed once for the sort
  std::uint32_t at;  // position of `scored` in the results
};

// compare_on_keys for the sort of score_round, with what it would recompute
// on every comparison (criterion positions, co-financing shares) computed
// once: the same order, a fraction of the work at national scale.
class RankingOrder {
 public:
  explicit RankingOrder(const Rules& rules) : rules_(rules) {
    for (const auto& key : rules.tie_break)
      criterion_.push_back(key.kind == TieBreakKey::Kind::criterion ? criterion_index(rules, key.criterion) : -1);
  }
  int compare(const Entry& x, const Entry& y) const {
    const ScoredApplication& a = *x.scored;
    const ScoredApplication& b = *y.scored;
    if (!a.total || !b.total) throw std::invalid_argument("ranking compares applications without a total");
    if (*a.total != *b.total) return *a.total > *b.total ? -1 : 1;
    auto sign = [](std::strong_ordering o) { return o < 0 ? -1 : o > 0 ? 1 : 0; };
    for (std::size_t k = 0; k < rules_.tie_break.size(); ++k) {
      const TieBreakKey& key = rules_.tie_break[k];
      int c = 0;
      if (key.kind == TieBreakKey::Kind::criterion) {
        int i = criterion_[k];
        auto n = static_cast<std::size_t>(i);
        if (i >= 0 && n < a.criteria.size() && n < b.criteria.size()) c = -sign(a.criteria[n] <=> b.criteria[n]);
      } else if (key.kind == TieBreakKey::Kind::cofinancing_share) {
        c = -sign(x.share <=> y.share);
      } else {
        c = compare_key(rules_, key, a, *x.app, b, *y.app);
      }
      if (c != 0) return c;
    }
    return 0;
  }

 private:
  const Rules& rules_;
  std::vector<int> criterion_;  // per tie_break key: its criterion's position, or -1
};

// docs/rules.md §3, commission orders: within one run of applications tied on every
// key (already in `id` order), the members of an order take the slots those
// members occupy, in the order's sequence; the others keep their places. This
// is a total order even when an order names only some of a tie, and a later
// order re-arranges its own members again (the latest decision stands).
void apply_orders(std::span<ScoredApplication> run, const std::vector<TieOrder>& orders) {
  for (const auto& order : orders) {
    std::map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < order.applications.size(); ++i) position.emplace(order.applications[i], i);
    std::vector<std::size_t> slots;
    for (std::size_t i = 0; i < run.size(); ++i)
      if (position.count(run[i].id)) slots.push_back(i);
    if (slots.size() < 2) continue;
    std::vector<ScoredApplication> members;
    for (auto i : slots) members.push_back(std::move(run[i]));
    std::stable_sort(members.begin(), members.end(), [&](const ScoredApplication& x, const ScoredApplication& y) {
      return position.at(x.id) < position.at(y.id);
    });
    for (std::size_t k = 0; k < slots.size(); ++k) run[slots[k]] = std::move(members[k]);
  }
}

}  // namespace

// docs/rules.md §1: mean, median (mean of the two middle values for an even count),
// trimmed_mean (drop one highest and one lowest; plain mean below 4 values).
Rational aggregate_scores(Aggregate how, std::vector<Rational> values) {
  if (values.empty()) throw std::invalid_argument("aggregate_scores: no values");
  std::sort(values.begin(), values.end());
  return aggregate_sorted(how, values);
}

// docs/rules.md §3 without commission orders and the `id` key.
bool tied_on_every_key(const Rules& rules, const ScoredApplication& a, const Application& app_a,
                       const ScoredApplication& b, const Application& app_b) {
  return compare_on_keys(rules, a, app_a, b, app_b) == 0;
}

// docs/rules.md §3 without commission orders, the `id` key last.
bool ranks_before(const Rules& rules, const ScoredApplication& a, const Application& app_a, const ScoredApplication& b,
                  const Application& app_b) {
  if (int c = compare_on_keys(rules, a, app_a, b, app_b); c != 0) return c < 0;
  return a.id < b.id;
}

// docs/rules.md §1–3 over one round, from the reviews themselves.
ScoreResult score_round(const Rules& rules, const std::vector<Application>& applications,
                        const std::vector<Review>& reviews, const std::vector<TieOrder>& orders,
                        const CheckFacts& facts) {
  // docs/rules.md §1: the valid reviews are the imported ones minus the excluded,
  // grouped per application id (in review order) in one flat array by a
  // counting sort: no map of vectors, no allocation per application.
  StringIndex<std::uint32_t> group_of;
  group_of.reserve(applications.size());
  for (const auto& app : applications) group_of.emplace(app.id, static_cast<std::uint32_t>(group_of.size()));
  std::vector<std::uint32_t> start(group_of.size() + 1, 0);
  for (const auto& r : reviews)
    if (!r.excluded)
      if (const std::uint32_t* g = group_of.find(r.application)) ++start[*g + 1];
  for (std::size_t g = 1; g < start.size(); ++g) start[g] += start[g - 1];
  std::vector<const Review*> grouped(start.back());
  {
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    for (const auto& r : reviews)
      if (!r.excluded)
        if (const std::uint32_t* g = group_of.find(r.application)) grouped[next[*g]++] = &r;
  }
  std::vector<ReviewSummary> summaries;
  summaries.reserve(applications.size());
  std::vector<Rational> rows, scratch;
  for (const auto& app : applications) {
    std::uint32_t g = *group_of.find(app.id);
    std::span<const Review* const> mine(grouped.data() + start[g], start[g + 1] - start[g]);
    const int count = static_cast<int>(mine.size());
    rows.clear();
    if (rules.source == ScoreSource::reviews && count >= std::max(1, rules.min_reviews))
      for (const Review* r : mine) {
        if (r->scores.size() != rules.criteria.size())
          throw std::invalid_argument(fmt::format("review {}/{} has {} scores for {} criteria", r->application,
                                                  r->reviewer, r->scores.size(), rules.criteria.size()));
        rows.insert(rows.end(), r->scores.begin(), r->scores.end());
      }
    summaries.push_back(summarise_reviews(rules, count, rows, scratch));
  }
  return score_summarised(rules, applications, std::move(summaries), orders, facts);
}

// docs/rules.md §1–3 over one round.
ScoreResult score_summarised(const Rules& rules, const std::vector<Application>& applications,
                             std::vector<ReviewSummary> summaries, const std::vector<TieOrder>& orders,
                             const CheckFacts& facts) {
  if (summaries.size() != applications.size())
    throw std::invalid_argument(
        fmt::format("{} review summaries for {} applications", summaries.size(), applications.size()));
  ScoreResult result;
  std::vector<ScoredApplication>& all = result.applications;  // in applications order, then permuted
  all.reserve(applications.size());
  std::vector<std::uint32_t> unranked;
  for (std::size_t i = 0; i < applications.size(); ++i) {
    const Application& app = applications[i];
    // year.md §5: the cross-year flags follow the spread flags; incomplete ones carry none.
    CrossYearFindings found = cross_year_findings(rules, app, facts);
    all.push_back(rules.source == ScoreSource::votes
                      ? score_by_votes(rules, app, summaries[i].reviews, found.report_missing)
                      : score_by_reviews(rules, app, std::move(summaries[i]), found.report_missing));
    if (all.back().status != ScoreStatus::incomplete)
      for (std::string_view f : found.flags) all.back().flags.push_back(f);
    if (all.back().status != ScoreStatus::ranked) unranked.push_back(static_cast<std::uint32_t>(i));
  }
  summaries = {};  // moved from: release the rest
  if (rules.cost_outlier_factor) flag_cost_outliers(*rules.cost_outlier_factor, applications, all);
  std::vector<Entry> ranked;
  ranked.reserve(all.size() - unranked.size());
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i].status == ScoreStatus::ranked)
      ranked.push_back({&all[i], &applications[i], cofinancing_share(applications[i]), static_cast<std::uint32_t>(i)});

  // docs/rules.md §3: total and the keys, then `id` (byte order) so that the order is
  // total; commission orders then re-arrange runs tied on every key.
  const RankingOrder order(rules);
  std::sort(ranked.begin(), ranked.end(), [&](const Entry& x, const Entry& y) {
    if (int c = order.compare(x, y); c != 0) return c < 0;
    return x.scored->id < y.scored->id;
  });
  // docs/cli.md: the unranked follow, by id.
  std::sort(unranked.begin(), unranked.end(), [&](std::uint32_t x, std::uint32_t y) { return all[x].id < all[y].id; });
  std::vector<std::uint32_t> positions;
  positions.reserve(all.size());
  for (const Entry& e : ranked) positions.push_back(e.at);
  ranked = {};
  positions.insert(positions.end(), unranked.begin(), unranked.end());
  permute_in_place(all, positions);
  for (std::size_t k = 0; k < all.size() && all[k].status == ScoreStatus::ranked; ++k)
    all[k].rank = static_cast<int>(k + 1);
  if (!orders.empty()) return with_tie_orders(rules, applications, std::move(result), orders);
  return result;
}

// docs/rules.md §3, commission orders over a ranking of the rules alone.
ScoreResult with_tie_orders(const Rules& rules, const std::vector<Application>& applications, ScoreResult scores,
                            const std::vector<TieOrder>& orders) {
  if (orders.empty()) return scores;
  StringIndex<const Application*> app_of;
  app_of.reserve(applications.size());
  for (const auto& app : applications) app_of.emplace(app.id, &app);
  auto app = [&](const ScoredApplication& s) -> const Application& {
    const Application* const* a = app_of.find(s.id);
    if (!a) throw std::invalid_argument(fmt::format("scores name application {}, which is not given", s.id));
    return **a;
  };
  std::vector<ScoredApplication>& all = scores.applications;
  std::size_t ranked = 0;
  while (ranked < all.size() && all[ranked].status == ScoreStatus::ranked) ++ranked;
  std::size_t start = 0;
  while (start < ranked) {
    std::size_t end = start + 1;
    while (end < ranked && tied_on_every_key(rules, all[start], app(all[start]), all[end], app(all[end]))) ++end;
    if (end - start > 1) apply_orders(std::span<ScoredApplication>(all.data() + start, end - start), orders);
    start = end;
  }
  for (std::size_t i = 0; i < ranked; ++i) all[i].rank = static_cast<int>(i + 1);
  return scores;
}

}  // namespace competition
