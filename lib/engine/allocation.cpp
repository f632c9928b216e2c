#include "engine/allocation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string_view>

#include "base/permutation.hpp"
#include "base/position_index.hpp"
#include "base/string_index.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_invariant{.uk = "внутрішня помилка: порушено інваріант: {}",
                                           .en = "internal error: invariant violated: {}"};
constexpr PerLang<const char*> w_twice{.uk = "заявка {} двічі трапляється в конкурсі",
                                       .en = "application {} appears twice in the round"};
constexpr PerLang<const char*> w_not_in_round{.uk = "оцінки називають заявку {}, якої немає в конкурсі",
                                              .en = "scores name application {}, which is not in the round"};
constexpr PerLang<const char*> w_scored_twice{.uk = "заявку {} оцінено двічі", .en = "application {} is scored twice"};
constexpr PerLang<const char*> w_no_rank{.uk = "ранжована заявка {} не має місця",
                                         .en = "ranked application {} has no rank"};
constexpr PerLang<const char*> w_not_scored{.uk = "заявку {} не оцінено", .en = "application {} has not been scored"};
constexpr PerLang<const char*> w_share_rank{.uk = "заявки {} і {} мають однакове місце {}",
                                            .en = "applications {} and {} share rank {}"};
constexpr PerLang<const char*> w_lots_over{.uk = "lots: суми лотів разом {} — більше за бюджет {}",
                                           .en = "lots: lot amounts add up to {}, more than the budget {}"};
constexpr PerLang<const char*> w_withdrawal{.uk = "відкликання", .en = "withdrawal"};
constexpr PerLang<const char*> w_override{.uk = "зміна суми", .en = "override"};
constexpr PerLang<const char*> w_no_such{.uk = "{} щодо {}: такої заявки в конкурсі немає",
                                         .en = "{} of {}: no such application in the round"};
constexpr PerLang<const char*> w_not_ranked{
    .uk = "{} щодо {}: заявка не ранжована ({}); рішення комісії стосуються лише ранжованих заявок",
    .en = "{} of {}: the application is not ranked ({}); commission decisions apply to ranked applications only"};
constexpr PerLang<const char*> w_both{.uk = "{} водночас відкликано й змінено суму",
                                      .en = "{} is both withdrawn and overridden"};
constexpr PerLang<const char*> w_above_request{.uk = "зміна суми {}: {} — більше за запит {}",
                                               .en = "override of {}: {} is more than the request {}"};
constexpr PerLang<const char*> w_no_pot{
    .uk =
        "зміна суми {}: категорія \"{}\" не входить у жоден лот, а leftover = \"keep\" не лишає резерву, з якого її "
        "сплатити",
    .en = "override of {}: its category \"{}\" is in no lot and leftover = \"keep\" leaves no pool to charge it to"};
constexpr PerLang<const char*> w_pot_exceeded{
    .uk = "зміна суми {}: зміни сум, віднесені на {}, перевищують його суму {}",
    .en = "override of {}: the overrides charged to {} exceed its amount {}"};
constexpr PerLang<const char*> w_award_range{.uk = "сума для {} — {}, поза (0, {}]",
                                             .en = "award of {} is {}, outside (0, {}]"};
constexpr PerLang<const char*> w_status{.uk = "статус {} не відповідає його сумі",
                                        .en = "status of {} does not match its award"};
constexpr PerLang<const char*> w_no_lot{.uk = "сума для {} не має лоту", .en = "award of {} has no lot"};
constexpr PerLang<const char*> w_funded_reasons{.uk = "профінансована {} має причини", .en = "funded {} has reasons"};
constexpr PerLang<const char*> w_money_unfunded{.uk = "{} має гроші, не будучи профінансованою",
                                                .en = "{} has money without being funded"};
constexpr PerLang<const char*> w_no_reason{.uk = "{} не отримує грошей і не має причини",
                                           .en = "{} gets no money and has no reason"};
constexpr PerLang<const char*> w_over_budget{.uk = "суми {} перевищують бюджет {}",
                                             .en = "awards {} exceed the budget {}"};
constexpr PerLang<const char*> w_awarded_sum{.uk = "awarded — не сума призначених сум",
                                             .en = "awarded is not the sum of the awards"};
constexpr PerLang<const char*> w_lot_awarded{.uk = "лот {} розподілив {} зі своїх {}",
                                             .en = "lot {} awarded {} of its {}"};
constexpr PerLang<const char*> w_pool_awarded{.uk = "резерв розподілив {}", .en = "the pool awarded {}"};
constexpr PerLang<const char*> w_outside{.uk = "суми поза всіма лотами й резервом",
                                         .en = "awards outside every lot and the pool"};

namespace {
__extension__ typedef __int128 i128;  // __extension__: no -Wpedantic warning
}  // namespace

std::string_view to_string(AwardStatus s) {
  switch (s) {
    case AwardStatus::funded:
      return "funded";
    case AwardStatus::partial:
      return "partial";
    case AwardStatus::reserve:
      return "reserve";
    case AwardStatus::rejected:
      return "rejected";
    case AwardStatus::incomplete:
      return "incomplete";
    case AwardStatus::withdrawn:
      return "withdrawn";
    case AwardStatus::declined:
      return "declined";
  }
  return "reserve";
}

std::optional<AwardStatus> parse_award_status(std::string_view s) {
  for (AwardStatus a : {AwardStatus::funded, AwardStatus::partial, AwardStatus::reserve, AwardStatus::rejected,
                        AwardStatus::incomplete, AwardStatus::withdrawn, AwardStatus::declined})
    if (to_string(a) == s) return a;
  return std::nullopt;
}

std::optional<Rational> Decision::coefficient() const {
  if (awarded.is_zero()) return std::nullopt;
  return Rational(cofinancing.kopiykas(), awarded.kopiykas());
}

namespace {

// One pass's money: a lot (or `main`), or the pool.
struct Pot {
  std::string id;
  Money amount;
  Money remaining;
  std::set<std::string> categories;  // empty with `all`
  bool all = false;                  // the single lot `main` holds every category
  bool holds(const std::string& category) const { return all || categories.count(category) > 0; }
};

// Why a pass that reached a ranked application left it without money.
enum class Skip : std::uint8_t { none, organisation_cap, budget_exhausted };

// Where one application stands while the passes run; its line of the decision
// is Allocator::lines_[line] (kept apart so that the decision's lines are
// built once and moved out whole: a national round has a million).
struct Entry {
  const Application* app = nullptr;
  std::uint32_t line = 0;
  std::uint32_t organisation = 0;                // its organisation's position in Allocator::awards_of_
  ScoreStatus status = ScoreStatus::incomplete;  // its score's
  bool in_play = false;                          // ranked, neither withdrawn nor declined
  bool has_award = false;
  Skip last_skip = Skip::none;  // the reason of the last pass that reached and skipped it
};

// The organisation of an application for the cap (docs/formats.md: by ЄДРПОУ, else by
// normalised name) is its organisation_key, which the store resolves. Hand-built
// inputs without a key fall back to this: the name as written.
std::string organisation_by_name(const Application& a) { return "name:" + a.organisation; }

[[noreturn]] void invariant_violated(const Message& what) { throw Error(ErrorKind::io, say(w_invariant, what)); }

// docs/rules.md §4 step 4: p ≥ min_partial_share × requested, compared exactly in 128 bits.
bool partial_large_enough(Money p, Money requested, const Rational& share) {
  return static_cast<i128>(p.kopiykas()) * share.den() >= static_cast<i128>(requested.kopiykas()) * share.num();
}

class Allocator {
 public:
  Allocator(const Rules& rules, const std::vector<Application>& applications, const ScoreResult& scores,
            const AppliedDecisions& decisions)
      : rules_(rules), decisions_(decisions) {
    index(applications, scores);
    make_pots();
  }

  // docs/rules.md §4 steps 2–6: commission decisions, the lot passes in file order,
  // the pool pass, the reserve reasons, then the invariants.
  Decision run() {
    apply_commission_decisions();
    for (Pot& lot : lots_) walk(lot, [&](const Entry& e) { return lot.holds(e.app->category); });
    if (pool_pass_) {
      Pot& pool = *pool_;
      for (const Pot& lot : lots_) pool.remaining += lot.remaining;
      pool.amount = pool.remaining + pool_charged_;
      walk(pool, [](const Entry&) { return true; });
    }
    name_reserve_reasons();
    Decision d = result();
    check_invariants(d);
    return d;
  }

 private:
  // Scores and applications matched by id, in output order: rank order, then the
  // unranked by id (docs/cli.md "allocate" JSON).
  //
  // Hashed lookups and each organisation numbered once: a national round has
  // 100 000s of applications (same checks, same messages as ordered maps gave).
  void index(const std::vector<Application>& applications, const ScoreResult& scores) {
    // Positions hashed by the ids and organisation keys the applications hold
    // (position_index.hpp): a lookup or two per application, no copied keys.
    const auto n = static_cast<std::uint32_t>(applications.size());
    PositionIndex by_id(n, [&](std::uint32_t i) { return std::string_view(applications[i].id); });
    for (std::uint32_t i = 0; i < n; ++i)
      if (by_id.insert(i) != i) throw Error(ErrorKind::invalid, say(w_twice, applications[i].id));
    // organisation_by_name() for the applications without a key (hand-built inputs).
    std::vector<std::string> made;
    if (std::any_of(applications.begin(), applications.end(),
                    [](const Application& a) { return a.organisation_key.empty(); })) {
      made.resize(n);
      for (std::uint32_t i = 0; i < n; ++i)
        if (applications[i].organisation_key.empty()) made[i] = organisation_by_name(applications[i]);
    }
    PositionIndex organisations(n, [&](std::uint32_t i) {
      const std::string& key = applications[i].organisation_key;
      return std::string_view(key.empty() ? made[i] : key);
    });
    constexpr std::uint32_t unnumbered = UINT32_MAX;
    std::vector<std::uint32_t> number(n, unnumbered);  // an organisation's number, at its first application's position
    std::uint32_t organisations_seen = 0;
    std::vector<bool> scored(applications.size(), false);
    entries_.reserve(scores.applications.size());
    lines_.reserve(scores.applications.size());
    for (const ScoredApplication& s : scores.applications) {
      const std::optional<std::uint32_t> at = by_id.find(s.id);
      if (!at) throw Error(ErrorKind::conflict, say(w_not_in_round, s.id), Remedy::score_again);
      if (scored[*at]) throw Error(ErrorKind::conflict, say(w_scored_twice, s.id));
      scored[*at] = true;
      std::uint32_t& org = number[organisations.insert(*at)];
      if (org == unnumbered) org = organisations_seen++;
      add_entry(s, applications[*at], org);
    }
    check_all_scored(applications, scored);
    awards_of_.assign(organisations_seen, 0);
    order_output();
  }

  // The entry and the line of one scored application; `organisation`: its
  // organisation's number.
  void add_entry(const ScoredApplication& s, const Application& app, std::uint32_t organisation) {
    Entry e;
    e.status = s.status;
    e.app = &app;
    e.line = static_cast<std::uint32_t>(lines_.size());
    e.organisation = organisation;
    AllocationLine& line = lines_.emplace_back();
    line.id = s.id;
    line.rank = s.rank;
    switch (s.status) {
      case ScoreStatus::ranked:
        if (!s.rank) throw Error(ErrorKind::conflict, say(w_no_rank, s.id));
        e.in_play = true;
        line.status = AwardStatus::reserve;
        break;
      case ScoreStatus::rejected:
        line.status = AwardStatus::rejected;
        line.rank.reset();
        line.reasons = s.reasons;
        break;
      case ScoreStatus::incomplete:
        line.status = AwardStatus::incomplete;
        line.rank.reset();
        line.reasons = s.reasons;
        break;
    }
    entries_.push_back(e);
  }

  // Error(conflict) naming the first unscored application by id, as the
  // ordered map reported it.
  static void check_all_scored(const std::vector<Application>& applications, const std::vector<bool>& scored) {
    std::optional<std::string_view> unscored;
    for (std::size_t i = 0; i < applications.size(); ++i)
      if (!scored[i] && (!unscored || applications[i].id < *unscored)) unscored = applications[i].id;
    if (unscored) throw Error(ErrorKind::conflict, say(w_not_scored, *unscored), Remedy::score_again);
  }

  // Output order: entries sorted, then the lines put in the same order; two
  // ranked lines may not share a rank.
  void order_output() {
    std::sort(entries_.begin(), entries_.end(), [&](const Entry& a, const Entry& b) {
      const AllocationLine& x = lines_[a.line];
      const AllocationLine& y = lines_[b.line];
      if (x.rank.has_value() != y.rank.has_value()) return x.rank.has_value();
      if (x.rank && *x.rank != *y.rank) return *x.rank < *y.rank;
      return x.id < y.id;
    });
    std::vector<std::uint32_t> order(entries_.size());
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      order[i] = entries_[i].line;
      entries_[i].line = static_cast<std::uint32_t>(i);
    }
    permute_in_place(lines_, order);
    for (std::size_t i = 1; i < lines_.size(); ++i)
      if (lines_[i].rank && lines_[i - 1].rank && *lines_[i].rank == *lines_[i - 1].rank)
        throw Error(ErrorKind::conflict, say(w_share_rank, lines_[i - 1].id, lines_[i].id, *lines_[i].rank));
  }

  // docs/rules.md §4 step 1: the lots in file order, or the single lot `main`; what
  // the lots leave unassigned is the pool's starting amount.
  void make_pots() {
    if (rules_.lots.empty()) {
      Pot main{"main", rules_.budget, rules_.budget, {}, true};
      lots_.push_back(std::move(main));
      return;
    }
    std::vector<Money> amounts = lot_amounts(rules_);
    Money assigned;
    for (std::size_t i = 0; i < rules_.lots.size(); ++i) {
      const Lot& l = rules_.lots[i];
      Pot p{l.id, amounts[i], amounts[i], std::set<std::string>(l.categories.begin(), l.categories.end()), false};
      lots_.push_back(std::move(p));
      assigned += amounts[i];
    }
    if (assigned > rules_.budget)
      throw Error(ErrorKind::invalid, say(w_lots_over, assigned.said(), rules_.budget.said()));
    pool_pass_ = rules_.leftover == Leftover::pool;
    unassigned_ = rules_.budget - assigned;
    pool_ = Pot{"pool", Money{}, unassigned_, {}, true};
  }

  Entry& ranked_entry(const std::string& id, const PerLang<const char*>& what) {
    if (by_id_.size() == 0) {  // built on the first decision: most rounds have none
      by_id_.reserve(entries_.size());
      for (std::size_t i = 0; i < lines_.size(); ++i) by_id_.emplace(lines_[i].id, i);
    }
    const std::size_t* at = by_id_.find(id);
    if (!at) throw Error(ErrorKind::conflict, say(w_no_such, what, id));
    Entry& e = entries_[*at];
    if (!e.in_play) throw Error(ErrorKind::conflict, say(w_not_ranked, what, id, to_string(e.status)));
    return e;
  }

  // docs/rules.md §4 step 2: withdrawn and declined take no part; an override is fixed
  // and charged to the first lot holding its category, else to the pool.
  void apply_commission_decisions() {
    for (const std::string& id : decisions_.withdrawn) {
      Entry& e = ranked_entry(id, w_withdrawal);
      if (decisions_.overrides.count(id)) throw Error(ErrorKind::conflict, say(w_both, id));
      e.in_play = false;
      lines_[e.line].status = AwardStatus::withdrawn;
      lines_[e.line].reasons = {"withdrawn"};
    }
    for (const auto& [id, amount] : decisions_.overrides) {
      Entry& e = ranked_entry(id, w_override);
      e.in_play = false;
      if (amount.is_zero()) {
        lines_[e.line].status = AwardStatus::declined;
        lines_[e.line].reasons = {"declined"};
        continue;
      }
      if (amount > e.app->requested)
        throw Error(ErrorKind::conflict, say(w_above_request, id, amount.said(), e.app->requested.said()));
      Pot* pot = nullptr;
      for (Pot& lot : lots_)
        if (lot.holds(e.app->category)) {
          pot = &lot;
          break;
        }
      if (!pot) {
        if (!pool_ || !pool_pass_) throw Error(ErrorKind::conflict, say(w_no_pot, id, e.app->category));
        pot = &*pool_;
        pool_charged_ += amount;
      }
      if (amount > pot->remaining)
        throw Error(ErrorKind::conflict,
                    say(w_pot_exceeded, id, pot->id, (pot->id == "pool" ? unassigned_ : pot->amount).said()));
      pot->remaining -= amount;
      give(e, amount, pot->id);
    }
  }

  void give(Entry& e, Money amount, const std::string& pot) {
    e.has_award = true;
    AllocationLine& line = lines_[e.line];
    line.award = amount;
    line.lot = pot;
    line.status = amount == e.app->requested ? AwardStatus::funded : AwardStatus::partial;
    line.reasons.clear();
    ++awards_of_[e.organisation];
  }

  // docs/rules.md §4 step 4: one pass over the ranked applications it may fund, in
  // rank order; it visits every one of them unless greedy_stop ends it.
  template <class Filter>
  void walk(Pot& pot, Filter in_pass) {
    for (Entry& e : entries_) {
      if (!e.in_play || e.has_award || !in_pass(e)) continue;
      if (rules_.max_awards_per_organisation && awards_of_[e.organisation] >= *rules_.max_awards_per_organisation) {
        e.last_skip = Skip::organisation_cap;
        continue;
      }
      const Money requested = e.app->requested;
      if (requested <= pot.remaining) {
        pot.remaining -= requested;
        give(e, requested, pot.id);
        continue;
      }
      if (rules_.partial) {
        Money p = pot.remaining.floor_to_multiple(rules_.round_to);
        if (p > Money{} && partial_large_enough(p, requested, rules_.min_partial_share)) {
          pot.remaining -= p;
          give(e, p, pot.id);
          continue;
        }
      }
      e.last_skip = Skip::budget_exhausted;
      if (rules_.rule == AllocationRule::greedy_stop) return;
    }
  }

  // docs/rules.md §4 step 5: the one reason of each ranked application left without money.
  void name_reserve_reasons() {
    bool lots_defined = !rules_.lots.empty();
    for (Entry& e : entries_) {
      if (!e.in_play || e.has_award) continue;
      bool in_a_lot = std::any_of(lots_.begin(), lots_.end(), [&](const Pot& p) { return p.holds(e.app->category); });
      AllocationLine& line = lines_[e.line];
      if (lots_defined && !pool_pass_ && !in_a_lot)
        line.reasons = {"no_lot"};
      else if (e.last_skip == Skip::organisation_cap)
        line.reasons = {"organisation_cap"};
      else
        line.reasons = {"budget_exhausted"};
      line.status = AwardStatus::reserve;
    }
  }

  // Moves the lines out: only check_invariants (which reads the entries'
  // applications, in the same order, not their lines) runs after it.
  Decision result() {
    Decision d;
    d.round = rules_.id;
    d.budget = rules_.budget;
    for (const Entry& e : entries_) {
      const AllocationLine& line = lines_[e.line];
      if (line.status == AwardStatus::funded || line.status == AwardStatus::partial) {
        d.awarded += line.award;
        d.cofinancing += e.app->cofinancing;
      }
    }
    d.applications = std::move(lines_);
    d.leftover = d.budget - d.awarded;
    for (const Pot& lot : lots_) d.lots.push_back(LotAllocation{lot.id, lot.amount, lot.amount - lot.remaining});
    if (pool_pass_) {
      d.pool_amount = pool_->amount;
      d.pool_awarded = pool_->amount - pool_->remaining;
    }
    return d;
  }

  // docs/rules.md §4 step 6, recomputed from the lines rather than from the pots.
  void check_invariants(const Decision& d) const {
    Money total;
    std::map<std::string, Money> by_pot;
    for (std::size_t i = 0; i < d.applications.size(); ++i) {
      const AllocationLine& l = d.applications[i];
      const Application& a = *entries_[i].app;
      bool money = l.status == AwardStatus::funded || l.status == AwardStatus::partial;
      if (money) {
        if (l.award <= Money{} || l.award > a.requested)
          invariant_violated(say(w_award_range, l.id, l.award.to_string(), a.requested.to_string()));
        if ((l.status == AwardStatus::funded) != (l.award == a.requested)) invariant_violated(say(w_status, l.id));
        if (!l.lot) invariant_violated(say(w_no_lot, l.id));
        by_pot[*l.lot] += l.award;
        if (!l.reasons.empty()) invariant_violated(say(w_funded_reasons, l.id));
      } else {
        if (!l.award.is_zero() || l.lot) invariant_violated(say(w_money_unfunded, l.id));
        if (l.reasons.empty()) invariant_violated(say(w_no_reason, l.id));
      }
      total += l.award;
    }
    if (total > d.budget) invariant_violated(say(w_over_budget, total.to_string(), d.budget.to_string()));
    if (total != d.awarded) invariant_violated(say(w_awarded_sum));
    for (const LotAllocation& lot : d.lots) {
      Money got = by_pot.count(lot.id) ? by_pot.at(lot.id) : Money{};
      if (got != lot.awarded || got > lot.amount)
        invariant_violated(say(w_lot_awarded, lot.id, got.to_string(), lot.amount.to_string()));
    }
    Money pool_got = by_pot.count("pool") ? by_pot.at("pool") : Money{};
    if (d.pool_amount ? (pool_got != d.pool_awarded || pool_got > *d.pool_amount) : !pool_got.is_zero())
      invariant_violated(say(w_pool_awarded, pool_got.to_string()));
    Money lots_and_pool = pool_got;
    for (const LotAllocation& lot : d.lots) lots_and_pool += lot.awarded;
    if (lots_and_pool != total) invariant_violated(say(w_outside));
  }

  const Rules& rules_;
  const AppliedDecisions& decisions_;
  std::vector<Entry> entries_;         // in output order
  std::vector<AllocationLine> lines_;  // entries_[i].line == i once index() has sorted them
  StringIndex<std::size_t> by_id_;     // entries_ by id, once a commission decision needs it
  std::vector<Pot> lots_;
  std::optional<Pot> pool_;  // with lots defined (its unassigned budget); a pass only with leftover = pool
  bool pool_pass_ = false;
  Money unassigned_;            // the budget no lot holds (docs/rules.md §4 step 1)
  Money pool_charged_;          // overrides charged to the pool
  std::vector<int> awards_of_;  // awards per organisation (Entry::organisation) so far
};

}  // namespace

// docs/rules.md §4.
Decision allocate(const Rules& rules, const std::vector<Application>& applications, const ScoreResult& scores,
                  const AppliedDecisions& decisions) {
  return Allocator(rules, applications, scores, decisions).run();
}

}  // namespace competition
