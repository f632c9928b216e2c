// docs/sensitivity.md "The money line". Integer kopiykas only.
#include "engine/money_line.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_not_in_round{.uk = "внутрішня помилка: {} ранжована, але її немає в конкурсі",
                                              .en = "internal error: {} is ranked but not in the round"};
constexpr PerLang<const char*> w_differs{.uk = "внутрішня помилка: грошова лінія {} відрізняється від розподілу",
                                         .en = "internal error: the money line of {} differs from the allocation"};

namespace {
__extension__ typedef __int128 i128;  // __extension__: no -Wpedantic warning
constexpr std::int64_t most = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t least = std::numeric_limits<std::int64_t>::min();

std::string organisation_key(const Application& a) {
  return a.organisation_key.empty() ? "name:" + a.organisation : a.organisation_key;
}
}  // namespace

FirstAtMost::FirstAtMost(const std::vector<std::int64_t>& values) : n_(static_cast<std::uint32_t>(values.size())) {
  if (n_ == 0) return;
  min_.assign(4 * std::size_t{n_}, most);
  auto build = [&](auto&& self, std::size_t node, std::uint32_t lo, std::uint32_t hi) -> std::int64_t {
    if (hi - lo == 1) return min_[node] = values[lo];
    std::uint32_t mid = lo + (hi - lo) / 2;
    return min_[node] = std::min(self(self, 2 * node, lo, mid), self(self, 2 * node + 1, mid, hi));
  };
  build(build, 1, 0, n_);
}

std::uint32_t FirstAtMost::descend(std::size_t node, std::uint32_t lo, std::uint32_t hi, std::uint32_t from,
                                   std::int64_t limit) const {
  if (hi <= from || min_[node] > limit) return n_;
  if (hi - lo == 1) return lo;
  std::uint32_t mid = lo + (hi - lo) / 2;
  std::uint32_t left = descend(2 * node, lo, mid, from, limit);
  return left != n_ ? left : descend(2 * node + 1, mid, hi, from, limit);
}

std::uint32_t FirstAtMost::find(std::uint32_t from, std::int64_t limit) const {
  if (from >= n_) return n_;
  return descend(1, 0, n_, from, limit);
}

MoneyLine::MoneyLine(const Rules& rules, const std::vector<Application>& applications, const ScoreResult& walked,
                     const AppliedDecisions& decisions, const Decision& decision)
    : rules_(rules) {
  StringIndex<const Application*> app_of;
  app_of.reserve(applications.size());
  for (const auto& a : applications) app_of.emplace(a.id, &a);
  std::vector<const Application*> apps;
  for (const auto& s : walked.applications) {
    if (s.status != ScoreStatus::ranked) continue;
    const Application* const* a = app_of.find(s.id);
    if (!a) throw Error(ErrorKind::io, say(w_not_in_round, s.id));
    position_.emplace(s.id, static_cast<std::uint32_t>(apps.size()));
    ids_.push_back(s.id);
    apps.push_back(*a);
  }
  n_ = static_cast<std::uint32_t>(apps.size());
  walk_baseline(apps, decisions);
  // The walk remembered here must be the allocation's (docs/rules.md §4).
  for (const AllocationLine& line : decision.applications) {
    const std::uint32_t* at = position_.find(line.id);
    bool money = line.status == AwardStatus::funded || line.status == AwardStatus::partial;
    bool walked_money = at && funded_pass_[*at] >= 0;
    if (at && !in_play_[*at]) continue;  // overrides: fixed, not walked
    if (money != walked_money) throw Error(ErrorKind::io, say(w_differs, line.id));
  }
}

std::uint32_t MoneyLine::position(const std::string& id) const {
  const std::uint32_t* at = position_.find(id);
  return at ? *at : absent;
}

std::uint32_t MoneyLine::organisation(const Application& app) const {
  const std::uint32_t* o = organisation_of_.find(organisation_key(app));
  return o ? *o : static_cast<std::uint32_t>(events_.size());  // one of its own: no awards
}

// docs/rules.md §4 step 4: the least remaining that gives an application money:
// its request, or with partial awards the smallest multiple of round_to that is
// at least min_partial_share of it (and above zero), when that is less.
std::int64_t MoneyLine::need(std::int64_t requested) const {
  if (!rules_.partial) return requested;
  const i128 unit = rules_.round_to.kopiykas();
  const Rational& share = rules_.min_partial_share;
  const i128 wanted = static_cast<i128>(requested) * share.num();  // compared with p × den
  const i128 per_unit = unit * share.den();
  i128 units = (wanted + per_unit - 1) / per_unit;
  if (units < 1) units = 1;
  const i128 m = units * unit;
  return m < requested ? static_cast<std::int64_t>(m) : requested;
}

bool MoneyLine::holds(std::size_t pass, const std::string& category) const {
  if (passes_[pass].all) return true;
  const auto& c = categories_[pass];
  return std::find(c.begin(), c.end(), category) != c.end();
}

std::uint64_t MoneyLine::time(std::size_t pass, std::uint32_t j) const {
  return static_cast<std::uint64_t>(pass) * (std::uint64_t{n_} + 1) + j + 1;
}

int MoneyLine::awards_before(std::uint32_t organisation, std::size_t pass, std::uint32_t j) const {
  if (organisation >= events_.size()) return 0;
  const auto& e = events_[organisation];
  return static_cast<int>(std::lower_bound(e.begin(), e.end(), time(pass, j)) - e.begin());
}

// docs/rules.md §4 steps 1–4 over positions, remembering each pass.
void MoneyLine::walk_baseline(const std::vector<const Application*>& apps, const AppliedDecisions& decisions) {
  requested_.resize(n_);
  in_play_.resize(n_);
  organisation_.resize(n_);
  funded_pass_.assign(n_, -1);
  for (std::uint32_t j = 0; j < n_; ++j) {
    const Application& a = *apps[j];
    requested_[j] = a.requested.kopiykas();
    in_play_[j] = !decisions.withdrawn.count(a.id) && !decisions.overrides.count(a.id);
    auto [o, fresh] = organisation_of_.emplace(organisation_key(a), static_cast<std::uint32_t>(events_.size()));
    if (fresh) events_.emplace_back();
    organisation_[j] = *o;
  }
  // Pots: the lots in file order (or `main`), then the pool.
  std::vector<std::int64_t> pot;
  std::int64_t pool_start = 0;
  bool pool_pass = false;
  if (rules_.lots.empty()) {
    pot.push_back(rules_.budget.kopiykas());
    categories_.emplace_back();
  } else {
    std::vector<Money> amounts = lot_amounts(rules_);
    std::int64_t assigned = 0;
    for (std::size_t i = 0; i < rules_.lots.size(); ++i) {
      pot.push_back(amounts[i].kopiykas());
      assigned += amounts[i].kopiykas();
      categories_.push_back(rules_.lots[i].categories);
    }
    pool_start = rules_.budget.kopiykas() - assigned;
    pool_pass = rules_.leftover == Leftover::pool;
  }
  passes_.resize(pot.size());
  passes_.front().all = rules_.lots.empty();
  if (pool_pass) {
    Pass& pool = passes_.emplace_back();
    pool.pool = pool.all = true;
    categories_.emplace_back();
  }
  // docs/rules.md §4 step 2: overrides charged before any pass (award time 0).
  for (const auto& [id, amount] : decisions.overrides) {
    if (amount.is_zero()) continue;
    const std::uint32_t* at = position_.find(id);
    if (!at) continue;
    const Application* app = apps[*at];
    bool charged = false;
    for (std::size_t i = 0; i < pot.size() && !charged; ++i)
      if (holds(i, app->category)) {
        pot[i] -= amount.kopiykas();
        charged = true;
      }
    if (!charged) pool_start -= amount.kopiykas();
    events_[*organisation_of_.find(organisation_key(*app))].push_back(0);
  }
  const std::int64_t unit = rules_.round_to.kopiykas();
  std::vector<int> awards(events_.size(), 0);
  for (std::size_t o = 0; o < events_.size(); ++o) awards[o] = static_cast<int>(events_[o].size());
  std::int64_t lots_left = 0;
  for (std::size_t p = 0; p < passes_.size(); ++p) {
    Pass& pass = passes_[p];
    std::int64_t rem = pass.pool ? pool_start + lots_left : pot[p];
    pass.holds.resize(n_);
    pass.rem.assign(std::size_t{n_} + 1, 0);
    pass.amount.assign(n_, 0);
    std::vector<std::int64_t> gap(n_, most), slack(n_, most);
    bool stopped = false;
    for (std::uint32_t j = 0; j < n_; ++j) {
      pass.rem[j] = rem;
      pass.holds[j] = holds(p, apps[j]->category);
      if (stopped || !in_play_[j] || funded_pass_[j] >= 0 || !pass.holds[j]) continue;
      if (rules_.max_awards_per_organisation && awards[organisation_[j]] >= *rules_.max_awards_per_organisation)
        continue;
      std::int64_t got = 0;
      if (requested_[j] <= rem) {
        got = requested_[j];
        slack[j] = rem - got;
      } else if (rules_.partial && rem >= need(requested_[j])) {
        got = rem / unit * unit;
        gap[j] = slack[j] = least;
      } else {
        gap[j] = need(requested_[j]) - rem;
        if (rules_.rule == AllocationRule::greedy_stop) {
          pass.stop = j;
          stopped = true;
        }
        continue;
      }
      rem -= got;
      pass.amount[j] = got;
      pass.funded.push_back(j);
      funded_pass_[j] = static_cast<int>(p);
      ++awards[organisation_[j]];
      events_[organisation_[j]].push_back(time(p, j));
    }
    pass.rem[n_] = rem;
    if (!pass.pool) lots_left += rem;
    pass.gap = FirstAtMost(gap);
    pass.slack = FirstAtMost(slack);
  }
  if (rules_.max_awards_per_organisation) {
    positions_of_.resize(events_.size());
    for (std::uint32_t j = 0; j < n_; ++j) positions_of_[organisation_[j]].push_back(j);
  }
}

// What differs from the baseline while moved applications are walked.
struct MoneyLine::Walk {
  std::map<std::uint32_t, int> funded;  // positions funded otherwise: the pass that funded them, or -1
  std::map<std::uint32_t, int> awards;  // organisations: awards so far minus the baseline's at the same time
  void baseline_funds(std::uint32_t j, std::uint32_t organisation) {
    funded.emplace(j, -1);
    --awards[organisation];
  }
};

bool MoneyLine::gets_money(const Application& app, std::uint32_t x, std::uint32_t y) const {
  return walk({Moved{&app, x, y}}, 0).money.front() != 0;
}

// docs/sensitivity.md "The money line": the walk with the moved applications in
// their new places, pass by pass, from one position where it may differ from
// the baseline to the next: a moved application's old or new place, a position
// funded otherwise, an organisation whose count differs, and — while the pot
// holds `delta` more or less than the baseline's — the first position that
// money can change. Between them every application fares as it does now.
MoneyLine::MovedOutcome MoneyLine::walk(const std::vector<Moved>& moved, std::optional<std::size_t> until) const {
  const std::optional<int> cap = rules_.max_awards_per_organisation;
  const std::int64_t unit = rules_.round_to.kopiykas();
  MovedOutcome out;
  out.money.assign(moved.size(), 0);
  std::vector<int> funded_in(moved.size(), -1);  // the pass that funded a moved application
  std::vector<std::uint32_t> organisation_of(moved.size());
  std::map<std::uint32_t, std::size_t> old_place;  // x -> moved application
  std::map<std::string, std::uint32_t> unseen;  // organisations with no ranked application now: numbered after the rest
  for (std::size_t i = 0; i < moved.size(); ++i) {
    organisation_of[i] = organisation(*moved[i].app);
    if (organisation_of[i] == events_.size())
      organisation_of[i] =
          unseen
              .try_emplace(organisation_key(*moved[i].app), static_cast<std::uint32_t>(events_.size() + unseen.size()))
              .first->second;
    if (moved[i].x != absent) old_place.emplace(moved[i].x, i);
  }
  Walk w;
  auto count = [&](std::uint32_t organisation, std::size_t p, std::uint32_t j) {
    auto it = w.awards.find(organisation);
    return awards_before(organisation, p, j) + (it == w.awards.end() ? 0 : it->second);
  };
  // The walk passes position j, where the baseline had a moved application.
  auto pass_old_place = [&](const Pass& pass, std::uint32_t j, std::size_t i) {
    if (pass.amount[j] > 0) --w.awards[organisation_of[i]];
  };
  // The walk stopped before `from` (greedy_stop): what the baseline funds from there on, it does not.
  auto stop_after = [&](const Pass& pass, std::uint32_t from) {
    for (auto it = std::lower_bound(pass.funded.begin(), pass.funded.end(), from); it != pass.funded.end(); ++it) {
      if (auto o = old_place.find(*it); o != old_place.end())
        pass_old_place(pass, *it, o->second);
      else
        w.baseline_funds(*it, organisation_[*it]);
    }
  };
  std::int64_t lots_delta = 0;
  for (std::size_t p = 0; p < passes_.size(); ++p) {
    const Pass& pass = passes_[p];
    std::size_t k = 0;    // the next moved application to visit
    bool beyond = false;  // walking past the baseline's stop
    std::int64_t delta = pass.pool ? lots_delta : 0;
    std::uint32_t j = 0;
    auto visits = [&](std::size_t i) {
      return moved[i].y != absent && funded_in[i] < 0 && holds(p, moved[i].app->category);
    };
    for (;;) {
      while (k < moved.size() && !visits(k)) ++k;
      std::uint32_t next = n_;
      if (beyond) {
        next = j;
      } else {
        if (auto it = w.funded.lower_bound(j); it != w.funded.end()) next = std::min(next, it->first);
        if (auto it = old_place.lower_bound(j); it != old_place.end()) next = std::min(next, it->first);
        if (cap)
          for (const auto& [organisation, d] : w.awards) {
            if (d == 0 || organisation >= positions_of_.size()) continue;
            const auto& ps = positions_of_[organisation];
            auto it = std::lower_bound(ps.begin(), ps.end(), j);
            if (it != ps.end()) next = std::min(next, *it);
          }
        if (delta > 0) next = std::min(next, pass.gap.find(j, delta));
        if (delta < 0) next = std::min(next, pass.slack.find(j, -delta - 1));
        // Nothing differs up to the baseline's stop: this walk stops there too.
        if (pass.stop != absent && next > pass.stop) next = n_ + 1;
      }
      if (k < moved.size() && moved[k].y <= next && (beyond || pass.stop == absent || moved[k].y <= pass.stop)) {
        const std::size_t i = k++;
        const Moved& m = moved[i];
        const std::int64_t rem = pass.rem[m.y] + delta;
        if (cap && count(organisation_of[i], p, m.y) >= *cap) continue;
        const std::int64_t requested = m.app->requested.kopiykas();
        std::int64_t got = 0;
        if (requested <= rem)
          got = requested;
        else if (rules_.partial && rem >= need(requested))
          got = rem / unit * unit;
        if (got > 0) {
          funded_in[i] = static_cast<int>(p);
          out.money[i] = 1;
          if (until && *until == i) return out;
          ++w.awards[organisation_of[i]];
          delta -= got;
          continue;
        }
        if (rules_.rule == AllocationRule::greedy_stop) {
          stop_after(pass, m.y);
          delta = rem - pass.rem[n_];
          break;
        }
        continue;
      }
      if (next >= n_) break;
      const std::uint32_t t = next;
      const std::int64_t rem = pass.rem[t] + delta;
      std::int64_t got = 0;
      bool stops = false;
      if (auto o = old_place.find(t); o != old_place.end()) {
        pass_old_place(pass, t, o->second);
      } else {
        auto it = w.funded.find(t);
        const int before = it != w.funded.end() ? it->second : funded_pass_[t];
        const bool has_award = before >= 0 && before < static_cast<int>(p);
        if (in_play_[t] && pass.holds[t] && !has_award && !(cap && count(organisation_[t], p, t) >= *cap)) {
          if (requested_[t] <= rem)
            got = requested_[t];
          else if (rules_.partial && rem >= need(requested_[t]))
            got = rem / unit * unit;
          else
            stops = rules_.rule == AllocationRule::greedy_stop;
        }
        if (got > 0 && pass.amount[t] == 0) {
          w.funded[t] = static_cast<int>(p);
          ++w.awards[organisation_[t]];
        } else if (got == 0 && pass.amount[t] > 0) {
          w.baseline_funds(t, organisation_[t]);
        }
      }
      if (stops) {
        stop_after(pass, t + 1);
        delta = rem - pass.rem[n_];
        break;
      }
      if (t == pass.stop) beyond = true;
      delta = rem - got - pass.rem[t + 1];
      j = t + 1;
    }
    if (!pass.pool) lots_delta += delta;
  }
  for (const auto& [j, pass] : w.funded)
    if ((pass >= 0) != (funded_pass_[j] >= 0) && !old_place.count(j)) out.changed.push_back(j);
  return out;
}

}  // namespace competition
