// docs/rules.md §1–3: aggregation, eligibility, totals and the ranking. Exact
// Rational arithmetic only: no floating point anywhere in this file.
#include "engine/scoring.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>
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

// docs/rules.md §3, one tie-break key's value for an application (`criterion`:
// the key's criterion's position, or -1), ordered as higher_first says: the
// criterion's aggregate, the co-financing share, the amount requested, the
// submission (a missing date, 0, after every date) or the input order. None
// when the application has no aggregate for it (votes): the key separates nothing.
std::optional<Rational> tie_break_value(const TieBreakKey& key, int criterion, const ScoredApplication& s,
                                        const Application& app) {
  switch (key.kind) {
    case TieBreakKey::Kind::criterion:
      if (criterion < 0 || static_cast<std::size_t>(criterion) >= s.criteria.size()) return std::nullopt;
      return s.criteria[static_cast<std::size_t>(criterion)];
    case TieBreakKey::Kind::cofinancing_share:
      return cofinancing_share(app);
    case TieBreakKey::Kind::requested:
      return Rational(app.requested.kopiykas());
    case TieBreakKey::Kind::submitted_at:
      return Rational(app.submitted_key == 0 ? std::numeric_limits<std::int64_t>::max() : app.submitted_key);
    case TieBreakKey::Kind::input_order:
      return Rational(app.input_order);
  }
  return std::nullopt;
}

// The direction of a tie-break key: criteria and co-financing share highest first,
// the others smallest (earliest) first.
bool higher_first(TieBreakKey::Kind kind) {
  return kind == TieBreakKey::Kind::criterion || kind == TieBreakKey::Kind::cofinancing_share;
}

// -1 when a value ranks before b's, 1 after, 0 tied, for a key of `kind`.
int key_order(TieBreakKey::Kind kind, std::strong_ordering values) {
  if (values == 0) return 0;
  return (values > 0) == higher_first(kind) ? -1 : 1;
}

// docs/rules.md §3, one tie-break key: negative when a ranks before b, 0 when tied.
int compare_key(const Rules& rules, const TieBreakKey& key, const ScoredApplication& a, const Application& app_a,
                const ScoredApplication& b, const Application& app_b) {
  const int i = key.kind == TieBreakKey::Kind::criterion ? criterion_index(rules, key.criterion) : -1;
  std::optional<Rational> va = tie_break_value(key, i, a, app_a), vb = tie_break_value(key, i, b, app_b);
  if (!va || !vb) return 0;
  return key_order(key.kind, *va <=> *vb);
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

// A ranked application in the sort, with its total and its first tie-break
// keys copied in: at national scale the applications tie on the total by the
// thousand, and following pointers to each one's result, criteria and
// application on every comparison missed the cache (the sort of a million was
// most of the time `score` spent ranking). 72 bytes: a million ranked take 70 MB.
constexpr std::size_t inline_keys = 3;
struct Entry {
  Rational total;
  std::array<Rational, inline_keys> key;  // the first tie_break keys, as RankingOrder::key_of gives them
  std::uint32_t at;                       // the application's position in the results and the applications
};

// docs/rules.md §3 for the sort of score_round: total, highest first, then the
// tie_break keys, then `id`; the same order as compare_on_keys and ranks_before,
// with what they would recompute on every comparison computed once.
class RankingOrder {
 public:
  // `all[i]` is the result of `applications[i]`; the sort will see those ranked.
  RankingOrder(const Rules& rules, std::span<const ScoredApplication> all, std::span<const Application> applications)
      : rules_(rules), all_(all), applications_(applications) {
    for (const auto& key : rules.tie_break) {
      int i = key.kind == TieBreakKey::Kind::criterion ? criterion_index(rules, key.criterion) : -1;
      // A criterion's key compares nothing unless both have its aggregate; in a
      // round every ranked application has all (reviews) or none (votes).
      bool present = i >= 0;
      for (const ScoredApplication& a : all)
        if (present && a.status == ScoreStatus::ranked && static_cast<std::size_t>(i) >= a.criteria.size())
          present = false;
      criterion_.push_back(present ? i : -1);
    }
    // The store reads the applications in id order: then positions order as ids.
    in_id_order_ = std::adjacent_find(applications.begin(), applications.end(),
                                      [](const Application& x, const Application& y) { return !(x.id < y.id); }) ==
                   applications.end();
  }

  Entry entry(std::uint32_t at) const {
    const ScoredApplication& s = all_[at];
    if (!s.total) throw std::invalid_argument("ranking compares applications without a total");
    Entry e{*s.total, {}, at};
    for (std::size_t k = 0; k < inline_keys && k < rules_.tie_break.size(); ++k) e.key[k] = key_of(k, at);
    return e;
  }

  int compare(const Entry& x, const Entry& y) const {
    if (auto o = x.total <=> y.total; o != 0) return o > 0 ? -1 : 1;  // highest first
    for (std::size_t k = 0; k < rules_.tie_break.size(); ++k) {
      std::strong_ordering o = k < inline_keys ? x.key[k] <=> y.key[k] : key_of(k, x.at) <=> key_of(k, y.at);
      if (int c = key_order(rules_.tie_break[k].kind, o); c != 0) return c;
    }
    return 0;
  }

  bool in_id_order() const { return in_id_order_; }

  bool before(const Entry& x, const Entry& y) const {
    if (int c = compare(x, y); c != 0) return c < 0;
    return in_id_order_ ? x.at < y.at : all_[x.at].id < all_[y.at].id;
  }

 private:
  // Tie-break key k of the application at `at`; an absent criterion is 0 for all.
  Rational key_of(std::size_t k, std::uint32_t at) const {
    return tie_break_value(rules_.tie_break[k], criterion_[k], all_[at], applications_[at]).value_or(Rational());
  }

  const Rules& rules_;
  std::span<const ScoredApplication> all_;
  std::span<const Application> applications_;
  bool in_id_order_ = false;
  std::vector<int> criterion_;  // per tie_break key: its criterion's position, or -1 (compares nothing)
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
  // docs/rules.md §3: total and the keys, then `id` (byte order) so that the order is
  // total; commission orders then re-arrange runs tied on every key.
  const RankingOrder order(rules, all, applications);
  std::vector<Entry> ranked;
  ranked.reserve(all.size() - unranked.size());
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i].status == ScoreStatus::ranked) ranked.push_back(order.entry(static_cast<std::uint32_t>(i)));
  std::sort(ranked.begin(), ranked.end(), [&](const Entry& x, const Entry& y) { return order.before(x, y); });
  // docs/cli.md: the unranked follow, by id.
  if (!order.in_id_order())  // else they are, as the applications are
    std::sort(unranked.begin(), unranked.end(),
              [&](std::uint32_t x, std::uint32_t y) { return all[x].id < all[y].id; });
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
