// rules.md §1–3: aggregation, eligibility, totals and the ranking. Exact
// Rational arithmetic only: no floating point anywhere in this file.
#include "scoring.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <span>
#include <stdexcept>
#include <unordered_map>

#include "diagnostic.hpp"
#include "string_index.hpp"

namespace competition {

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

Rational mean_of(const std::vector<Rational>& values, std::size_t first, std::size_t last) {
  Rational sum;
  for (std::size_t i = first; i < last; ++i) sum += values[i];
  return sum / Rational(static_cast<std::int64_t>(last - first));
}

// rules.md §5: cofinancing / (requested + cofinancing); 0 when both are 0, so
// the share is defined for every application (requested > 0 on import anyway).
Rational cofinancing_share(const Application& a) {
  Money whole = a.requested + a.cofinancing;
  if (whole.is_zero()) return Rational(0);
  return Rational(a.cofinancing.kopiykas(), whole.kopiykas());
}

// rules.md §2, the rules that need no scores, in the table's order.
std::vector<std::string> non_score_reasons(const Rules& rules, const Application& a) {
  std::vector<std::string> reasons;
  if (rules.sectors && std::find(rules.sectors->begin(), rules.sectors->end(), a.sector) == rules.sectors->end())
    reasons.emplace_back("sector_not_allowed");
  if (rules.max_request && a.requested > *rules.max_request) reasons.emplace_back("request_above_max");
  if (rules.min_cofinancing_share && cofinancing_share(a) < *rules.min_cofinancing_share)
    reasons.emplace_back("cofinancing_below_min");
  return reasons;
}

// rules.md §1–2 for a round ranked by reviews: aggregates, flags, total and the
// score-based reasons, or `incomplete` with too few valid reviews.
// aggregate_scores over values already sorted.
Rational aggregate_sorted(Aggregate how, const std::vector<Rational>& values) {
  std::size_t n = values.size();
  switch (how) {
    case Aggregate::mean:
      return mean_of(values, 0, n);
    case Aggregate::median:
      if (n % 2 == 1) return values[n / 2];
      return (values[n / 2 - 1] + values[n / 2]) / Rational(2);
    case Aggregate::trimmed_mean:
      if (n < 4) return mean_of(values, 0, n);
      return mean_of(values, 1, n - 1);
  }
  throw std::invalid_argument("aggregate_scores: unknown aggregate");
}

// `values` is scratch space, reused across applications (no allocation per criterion).
ScoredApplication score_by_reviews(const Rules& rules, const Application& app, std::span<const Review* const> valid,
                                   std::vector<Rational>& values) {
  ScoredApplication s;
  s.id = app.id;
  s.reviews = static_cast<int>(valid.size());
  s.reasons = non_score_reasons(rules, app);
  // min_reviews is at least 1 (formats.md); the max() only keeps an aggregate of
  // zero reviews impossible should a caller pass rules that were not validated.
  if (s.reviews < std::max(1, rules.min_reviews)) {
    s.status = ScoreStatus::incomplete;
    s.reasons.emplace_back("too_few_reviews");
    return s;
  }
  std::vector<std::string> threshold_reasons;
  Rational total;
  for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
    const Criterion& cr = rules.criteria[c];
    values.clear();
    for (const Review* r : valid) {
      if (r->scores.size() != rules.criteria.size())
        throw std::invalid_argument(fmt::format("review {}/{} has {} scores for {} criteria", r->application,
                                                r->reviewer, r->scores.size(), rules.criteria.size()));
      values.push_back(r->scores[c]);
    }
    std::sort(values.begin(), values.end());
    // A spread exactly at max_spread is not flagged: the rule is "exceeds".
    if (rules.max_spread && values.back() - values.front() > *rules.max_spread) s.flags.push_back("spread:" + cr.id);
    Rational aggregated = aggregate_sorted(rules.aggregate, values);
    // Exactly at the threshold passes (rules.md §2).
    if (cr.threshold && aggregated < *cr.threshold) threshold_reasons.push_back("criterion_below_threshold:" + cr.id);
    total += cr.weight * aggregated;
    s.criteria.push_back(aggregated);
  }
  s.total = total;
  s.reasons.insert(s.reasons.end(), threshold_reasons.begin(), threshold_reasons.end());
  if (rules.pass_total && total < *rules.pass_total) s.reasons.emplace_back("total_below_pass");
  s.status = s.reasons.empty() ? ScoreStatus::ranked : ScoreStatus::rejected;
  return s;
}

// rules.md §1 (votes): the total is the imported vote count; only the rules
// that need no scores apply, and there are no criteria, reviews or flags.
ScoredApplication score_by_votes(const Rules& rules, const Application& app, int valid_reviews) {
  if (!app.votes)
    throw Error(ExitCode::conflict,
                fmt::format("round {}: application {} has no votes, but the round is ranked by votes (re-import the "
                            "applications with a votes column and --replace)",
                            rules.id, app.id));
  ScoredApplication s;
  s.id = app.id;
  s.reviews = valid_reviews;
  s.total = Rational(*app.votes);
  s.reasons = non_score_reasons(rules, app);
  s.status = s.reasons.empty() ? ScoreStatus::ranked : ScoreStatus::rejected;
  return s;
}

int criterion_index(const Rules& rules, const std::string& id) {
  for (std::size_t i = 0; i < rules.criteria.size(); ++i)
    if (rules.criteria[i].id == id) return static_cast<int>(i);
  return -1;
}

// rules.md §3, one tie-break key: negative when a ranks before b, 0 when tied.
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
      // The normalised key sorts as text; a missing date sorts last.
      const std::string& ka = app_a.submitted_key;
      const std::string& kb = app_b.submitted_key;
      if (ka.empty() || kb.empty()) return ka.empty() == kb.empty() ? 0 : (ka.empty() ? 1 : -1);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    }
    case TieBreakKey::Kind::input_order:
      return sign(app_a.input_order <=> app_b.input_order);  // earlier first
  }
  return 0;
}

// rules.md §3 without the commission orders and the `id` key: total, highest
// first, then the tie_break keys in order.
int compare_on_keys(const Rules& rules, const ScoredApplication& a, const Application& app_a,
                    const ScoredApplication& b, const Application& app_b) {
  if (!a.total || !b.total) throw std::invalid_argument("ranking compares applications without a total");
  if (*a.total != *b.total) return *a.total > *b.total ? -1 : 1;
  for (const auto& key : rules.tie_break)
    if (int c = compare_key(rules, key, a, app_a, b, app_b); c != 0) return c;
  return 0;
}

struct Entry {
  ScoredApplication scored;
  const Application* app;
  Rational share;  // cofinancing_share(*app), computed once for the sort
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
    const ScoredApplication& a = x.scored;
    const ScoredApplication& b = y.scored;
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

// rules.md §3, commission orders: within one run of applications tied on every
// key (already in `id` order), the members of an order take the slots those
// members occupy, in the order's sequence; the others keep their places. This
// is a total order even when an order names only some of a tie, and a later
// order re-arranges its own members again (the latest decision stands).
void apply_orders(std::vector<Entry>& run, const std::vector<TieOrder>& orders) {
  for (const auto& order : orders) {
    std::map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < order.applications.size(); ++i) position.emplace(order.applications[i], i);
    std::vector<std::size_t> slots;
    for (std::size_t i = 0; i < run.size(); ++i)
      if (position.count(run[i].scored.id)) slots.push_back(i);
    if (slots.size() < 2) continue;
    std::vector<Entry> members;
    for (auto i : slots) members.push_back(run[i]);
    std::stable_sort(members.begin(), members.end(), [&](const Entry& x, const Entry& y) {
      return position.at(x.scored.id) < position.at(y.scored.id);
    });
    for (std::size_t k = 0; k < slots.size(); ++k) run[slots[k]] = std::move(members[k]);
  }
}

}  // namespace

// rules.md §1: mean, median (mean of the two middle values for an even count),
// trimmed_mean (drop one highest and one lowest; plain mean below 4 values).
Rational aggregate_scores(Aggregate how, std::vector<Rational> values) {
  if (values.empty()) throw std::invalid_argument("aggregate_scores: no values");
  std::sort(values.begin(), values.end());
  return aggregate_sorted(how, values);
}

// rules.md §3 without commission orders and the `id` key.
bool tied_on_every_key(const Rules& rules, const ScoredApplication& a, const Application& app_a,
                       const ScoredApplication& b, const Application& app_b) {
  return compare_on_keys(rules, a, app_a, b, app_b) == 0;
}

// rules.md §1–3 over one round.
ScoreResult score_round(const Rules& rules, const std::vector<Application>& applications,
                        const std::vector<Review>& reviews, const std::vector<TieOrder>& orders) {
  // rules.md §1: the valid reviews are the imported ones minus the excluded,
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
  auto valid_of = [&](const Application& app) {
    std::uint32_t g = *group_of.find(app.id);
    return std::span<const Review* const>(grouped.data() + start[g], start[g + 1] - start[g]);
  };
  std::vector<Rational> scratch;

  std::vector<Entry> ranked;
  std::vector<ScoredApplication> unranked;
  ranked.reserve(applications.size());
  for (const auto& app : applications) {
    auto mine = valid_of(app);
    ScoredApplication s = rules.source == ScoreSource::votes ? score_by_votes(rules, app, static_cast<int>(mine.size()))
                                                             : score_by_reviews(rules, app, mine, scratch);
    if (s.status == ScoreStatus::ranked)
      ranked.push_back({std::move(s), &app, cofinancing_share(app)});
    else
      unranked.push_back(std::move(s));
  }

  // rules.md §3: total and the keys, then `id` (byte order) so that the order is
  // total; commission orders then re-arrange runs tied on every key.
  const RankingOrder order(rules);
  std::sort(ranked.begin(), ranked.end(), [&](const Entry& x, const Entry& y) {
    if (int c = order.compare(x, y); c != 0) return c < 0;
    return x.scored.id < y.scored.id;
  });
  if (!orders.empty()) {
    std::size_t start = 0;
    while (start < ranked.size()) {
      std::size_t end = start + 1;
      while (end < ranked.size() &&
             tied_on_every_key(rules, ranked[start].scored, *ranked[start].app, ranked[end].scored, *ranked[end].app))
        ++end;
      if (end - start > 1) {
        std::vector<Entry> run(ranked.begin() + static_cast<std::ptrdiff_t>(start),
                               ranked.begin() + static_cast<std::ptrdiff_t>(end));
        apply_orders(run, orders);
        std::move(run.begin(), run.end(), ranked.begin() + static_cast<std::ptrdiff_t>(start));
      }
      start = end;
    }
  }

  ScoreResult result;
  result.applications.reserve(ranked.size() + unranked.size());
  int rank = 0;
  for (auto& e : ranked) {
    e.scored.rank = ++rank;
    result.applications.push_back(std::move(e.scored));
  }
  // cli.md: the unranked follow, by id.
  std::sort(unranked.begin(), unranked.end(),
            [](const ScoredApplication& x, const ScoredApplication& y) { return x.id < y.id; });
  for (auto& s : unranked) result.applications.push_back(std::move(s));
  return result;
}

}  // namespace competition
