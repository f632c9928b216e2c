#include "engine/assignment.hpp"

#include <lemon/network_simplex.h>
#include <lemon/preflow.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "base/sha256.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_no_optimum{.uk = "внутрішня помилка: assign: розв’язувач потоку не знайшов оптимуму",
                                            .en = "internal error: assign: the flow solver found no optimum"};

std::uint32_t pair_cost(std::uint64_t seed, const std::string& application, const std::string& reviewer) {
  const auto digest = sha256_digest(std::to_string(seed) + "/" + application + "/" + reviewer);
  return (std::uint32_t{digest[0]} << 24) | (std::uint32_t{digest[1]} << 16) | (std::uint32_t{digest[2]} << 8) |
         std::uint32_t{digest[3]};
}

namespace {

using Graph = lemon::SmartDigraph;
using Cost = long long;
using Simplex = lemon::NetworkSimplex<Graph, std::int64_t, Cost>;

// The round: each application's gap, each reviewer's kept load, and which new
// pairs are allowed (all but the forbidden and the kept ones).
struct Round {
  const AssignmentInput& in;
  std::size_t n, m;
  std::vector<std::int64_t> need;                   // per application: per_application - kept pairs (never below 0)
  std::vector<std::int64_t> kept_load;              // per reviewer
  std::vector<std::vector<std::uint32_t>> blocked;  // per application: reviewers it cannot get anew, sorted
  std::vector<AssignPair> kept;                     // the kept pairs, each once
  std::int64_t total_need = 0;

  explicit Round(const AssignmentInput& input)
      : in(input), n(input.applications.size()), m(input.reviewers.size()), need(n, 0), kept_load(m, 0), blocked(n) {
    for (const AssignPair& p : in.forbidden) blocked[p.first].push_back(p.second);
    kept = in.kept;
    std::sort(kept.begin(), kept.end());
    kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
    std::vector<std::int64_t> kept_app(n, 0);
    for (const AssignPair& p : kept) {
      ++kept_app[p.first];
      ++kept_load[p.second];
      blocked[p.first].push_back(p.second);
    }
    for (std::size_t a = 0; a < n; ++a) {
      std::sort(blocked[a].begin(), blocked[a].end());
      blocked[a].erase(std::unique(blocked[a].begin(), blocked[a].end()), blocked[a].end());
      need[a] = std::max<std::int64_t>(0, in.per_application - kept_app[a]);
      total_need += need[a];
    }
  }

  // Calls f(r) for every reviewer application a may get anew, by position
  // (none when its gap is 0).
  template <class F>
  void each_candidate(std::uint32_t a, F&& f) const {
    if (need[a] == 0) return;
    const std::vector<std::uint32_t>& b = blocked[a];
    std::size_t i = 0;
    for (std::uint32_t r = 0; r < m; ++r) {
      if (i < b.size() && b[i] == r) {
        ++i;
        continue;
      }
      f(r);
    }
  }

  // What reviewer r can still take when no load may exceed `limit`.
  std::int64_t room(std::size_t r, std::int64_t limit) const {
    std::int64_t cap = in.reviewers[r].capacity ? std::min(*in.reviewers[r].capacity, limit) : limit;
    return std::max<std::int64_t>(0, cap - kept_load[r]);
  }

  std::int64_t unlimited() const { return static_cast<std::int64_t>(n) + 1; }
};

// A largest flow when no load exceeds `limit`, over the pairs `each_pair`
// gives (each_pair(add) calls add(a, r)): source -> application (its gap) ->
// reviewer (capacity 1) -> sink (the reviewer's room).
struct MaxFlow {
  std::int64_t value = 0;
  std::vector<std::int64_t> covered;  // per application: its flow
  // Reviewers whose room is set by `limit` (not by their capacity) and whose
  // arc to the sink crosses a minimum cut: raising the limit by d raises that
  // cut by at most d each.
  std::int64_t cut_by_limit = 0;
  std::vector<AssignPair> pairs;  // the pairs that carry flow
};

template <class EachPair>
MaxFlow max_flow(const Round& round, std::int64_t limit, EachPair each_pair) {
  Graph g;
  Graph::ArcMap<std::int64_t> cap(g);
  const std::size_t n = round.n, m = round.m;
  g.reserveNode(static_cast<int>(n + m + 2));
  std::vector<Graph::Node> app(n), rev(m);
  const Graph::Node s = g.addNode(), t = g.addNode();
  std::vector<Graph::Arc> in_arc(n);
  for (std::size_t a = 0; a < n; ++a) {
    app[a] = g.addNode();
    in_arc[a] = g.addArc(s, app[a]);
    cap[in_arc[a]] = round.need[a];
  }
  for (std::size_t r = 0; r < m; ++r) {
    rev[r] = g.addNode();
    cap[g.addArc(rev[r], t)] = round.room(r, limit);
  }
  std::vector<std::pair<Graph::Arc, AssignPair>> pair_arcs;
  each_pair([&](std::uint32_t a, std::uint32_t r) {
    const Graph::Arc arc = g.addArc(app[a], rev[r]);
    cap[arc] = 1;
    pair_arcs.emplace_back(arc, AssignPair{a, r});
  });
  lemon::Preflow<Graph, Graph::ArcMap<std::int64_t>> flow(g, cap, s, t);
  flow.run();
  MaxFlow out;
  out.value = flow.flowValue();
  for (std::size_t r = 0; r < m; ++r) {
    const auto& capacity = round.in.reviewers[r].capacity;
    if (flow.minCut(rev[r]) && (!capacity || *capacity > limit)) ++out.cut_by_limit;
  }
  out.covered.resize(n);
  for (std::size_t a = 0; a < n; ++a) out.covered[a] = flow.flow(in_arc[a]);
  for (const auto& [arc, p] : pair_arcs)
    if (flow.flow(arc) > 0) out.pairs.push_back(p);
  return out;
}

MaxFlow full_max_flow(const Round& round, std::int64_t limit) {
  return max_flow(round, limit, [&](auto add) {
    for (std::uint32_t a = 0; a < round.n; ++a) round.each_candidate(a, [&](std::uint32_t r) { add(a, r); });
  });
}

// A flow over `per` of each application's candidates, spread over the
// reviewers (application a's start at a * 7 mod m, on cyclically).
MaxFlow sparse_max_flow(const Round& round, std::int64_t limit, std::size_t per) {
  return max_flow(round, limit, [&](auto add) {
    for (std::uint32_t a = 0; a < round.n; ++a) {
      if (round.need[a] == 0) continue;
      const std::vector<std::uint32_t>& b = round.blocked[a];
      std::size_t taken = 0;
      const std::size_t start = (std::size_t{a} * 7) % round.m;
      for (std::size_t k = 0; k < round.m && taken < per; ++k) {
        const auto r = static_cast<std::uint32_t>((start + k) % round.m);
        if (std::binary_search(b.begin(), b.end(), r) || round.room(r, limit) == 0) continue;
        add(a, r);
        ++taken;
      }
    }
  });
}

// Whether a reviewer knows an application's category (and matches count), as
// a table: the pricing asks it for every pair, several times.
class Matches {
 public:
  explicit Matches(const AssignmentInput& in) : m_(in.reviewers.size()), category_(in.applications.size(), -1) {
    if (!in.match_categories) return;
    std::vector<std::string> names;
    for (const AssignApplication& a : in.applications)
      if (!a.category.empty()) names.push_back(a.category);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (std::size_t a = 0; a < in.applications.size(); ++a)
      if (!in.applications[a].category.empty())
        category_[a] = static_cast<std::int32_t>(
            std::lower_bound(names.begin(), names.end(), in.applications[a].category) - names.begin());
    knows_.resize(names.size() * m_);
    for (std::size_t c = 0; c < names.size(); ++c)
      for (std::size_t r = 0; r < m_; ++r) {
        const auto& known = in.reviewers[r].categories;
        knows_[c * m_ + r] = std::binary_search(known.begin(), known.end(), names[c]);
      }
  }
  bool operator()(std::uint32_t a, std::uint32_t r) const {
    return category_[a] >= 0 && knows_[static_cast<std::size_t>(category_[a]) * m_ + r];
  }

 private:
  std::size_t m_;
  std::vector<std::int32_t> category_;  // per application: its category's number, -1 for none
  std::vector<std::uint8_t> knows_;     // [category * m + reviewer]
};

// A feasible result: `pairs` sorted by ids, with the loads and matches it has.
AssignmentResult assignment_of(const AssignmentInput& in, std::vector<AssignPair> pairs, const Matches& matches) {
  AssignmentResult res;
  res.feasible = true;
  res.pairs = std::move(pairs);
  std::sort(res.pairs.begin(), res.pairs.end(), [&](const AssignPair& x, const AssignPair& y) {
    const std::string& xa = in.applications[x.first].id;
    const std::string& ya = in.applications[y.first].id;
    return xa != ya ? xa < ya : in.reviewers[x.second].id < in.reviewers[y.second].id;
  });
  std::vector<std::int64_t> load(in.reviewers.size(), 0);
  for (const AssignPair& p : res.pairs) {
    ++load[p.second];
    if (matches(p.first, p.second)) ++res.category_matches;
  }
  if (!load.empty()) {
    res.max_load = *std::max_element(load.begin(), load.end());
    res.min_load = *std::min_element(load.begin(), load.end());
  }
  return res;
}

// The infeasible round's applications: those with fewer allowed reviewers than
// they need, else (capacities too small) those a largest flow leaves short.
std::vector<Uncovered> uncovered_applications(const Round& round) {
  const std::size_t n = round.n;
  std::vector<std::int64_t> possible(n, 0);
  for (std::uint32_t a = 0; a < n; ++a) {
    possible[a] = round.in.per_application - round.need[a];
    round.each_candidate(a, [&](std::uint32_t r) { possible[a] += round.room(r, round.unlimited()) > 0; });
  }
  std::vector<Uncovered> out;
  for (std::size_t a = 0; a < n; ++a)
    if (possible[a] < round.in.per_application) out.push_back({static_cast<std::uint32_t>(a), possible[a]});
  if (out.empty()) {
    const MaxFlow flow = full_max_flow(round, round.unlimited());
    for (std::size_t a = 0; a < n; ++a)
      if (flow.covered[a] < round.need[a]) out.push_back({static_cast<std::uint32_t>(a), possible[a]});
  }
  const auto& apps = round.in.applications;
  std::sort(out.begin(), out.end(),
            [&](const Uncovered& x, const Uncovered& y) { return apps[x.application].id < apps[y.application].id; });
  return out;
}

// (1) The smallest largest load, with a flow that meets it; nullopt when the
// round cannot be covered. No limit below `least` can cover the round (the
// reviewers' room under it is smaller than the gaps); a flow over a few pairs
// per application that covers it there proves it the optimum. Otherwise each
// limit that leaves a gap proves, by its minimum cut over all pairs, how much
// higher the least covering limit must be: no limit in between is tried.
std::optional<std::pair<std::int64_t, std::vector<AssignPair>>> least_largest_load(const Round& round) {
  std::int64_t least = round.m == 0 ? 0 : *std::max_element(round.kept_load.begin(), round.kept_load.end());
  auto room_under = [&](std::int64_t limit) {
    std::int64_t total = 0;
    for (std::size_t r = 0; r < round.m; ++r) total += round.room(r, limit);
    return total;
  };
  for (std::int64_t hi = round.unlimited(); least < hi;) {
    const std::int64_t mid = least + (hi - least) / 2;
    if (room_under(mid) >= round.total_need)
      hi = mid;
    else
      least = mid + 1;
  }
  if (least <= round.unlimited() && room_under(least) >= round.total_need)
    for (std::size_t per = 4 * static_cast<std::size_t>(round.in.per_application); per < round.m; per *= 4) {
      MaxFlow flow = sparse_max_flow(round, least, per);
      if (flow.value == round.total_need) return std::pair{least, std::move(flow.pairs)};
    }
  if (full_max_flow(round, round.unlimited()).value < round.total_need) return std::nullopt;
  std::int64_t limit = std::min(least, round.unlimited());
  while (true) {
    MaxFlow flow = full_max_flow(round, limit);
    const std::int64_t gap = round.total_need - flow.value;
    if (gap == 0 || limit >= round.unlimited()) return std::pair{limit, std::move(flow.pairs)};
    limit = flow.cut_by_limit == 0
                ? round.unlimited()
                : std::min(round.unlimited(), limit + (gap + flow.cut_by_limit - 1) / flow.cut_by_limit);
  }
}

// The min-cost flow network of (2)-(4) under the largest load `limit`: source
// -> application (its gap) -> reviewer (a pair, capacity 1) -> sink, the arcs
// to the sink one per unit of the reviewer's room (so that a convex cost is a
// cost per arc). It holds only some of the candidate pairs: the others are
// priced after each solve, and added while any would lower the cost (column
// generation), so each solve is optimal over every pair.
struct CostFlow {
  Graph g;
  Graph::Node s, t;
  std::vector<Graph::Node> app, rev;
  Graph::ArcMap<std::int64_t> lower{g, 0}, upper{g, 0};
  Graph::ArcMap<Cost> cost{g, 0};
  std::vector<std::pair<Graph::Arc, AssignPair>> pair_arcs;
  std::vector<std::vector<std::uint32_t>> held;  // per application: the reviewers of its pair arcs, sorted
  std::int64_t supply = 0;

  CostFlow(const Round& round, std::int64_t limit)
      : app(round.n), rev(round.m), held(round.n), supply(round.total_need) {
    g.reserveNode(static_cast<int>(round.n + round.m + 2));
    s = g.addNode();
    t = g.addNode();
    for (std::size_t a = 0; a < round.n; ++a) {
      app[a] = g.addNode();
      upper[g.addArc(s, app[a])] = round.need[a];
    }
    for (std::size_t r = 0; r < round.m; ++r) {
      rev[r] = g.addNode();
      // The j-th further application raises the sum of squares by 2(kept + j) - 1.
      const std::int64_t room = round.room(r, limit);
      for (std::int64_t j = 1; j <= room; ++j) {
        const Graph::Arc arc = g.addArc(rev[r], t);
        upper[arc] = 1;
        cost[arc] = 2 * (round.kept_load[r] + j) - 1;
      }
    }
  }

  void add_pair(AssignPair p, Cost c) {
    const Graph::Arc arc = g.addArc(app[p.first], rev[p.second]);
    upper[arc] = 1;
    cost[arc] = c;
    pair_arcs.emplace_back(arc, p);
    auto& h = held[p.first];
    h.insert(std::upper_bound(h.begin(), h.end(), p.second), p.second);
  }

  Cost reduced(const Simplex& simplex, Graph::Arc arc) const {
    return cost[arc] + simplex.potential(g.source(arc)) - simplex.potential(g.target(arc));
  }
  Cost reduced(const Simplex& simplex, AssignPair p, Cost c) const {
    return c + simplex.potential(app[p.first]) - simplex.potential(rev[p.second]);
  }

  // Solves over every pair `each(a, f)` offers (f(r, cost), by reviewer
  // position); those not held are priced, and each application's `batch` most
  // negative added, until none is negative.
  template <class Each>
  void solve(Simplex& simplex, std::uint32_t applications, Each each) {
    constexpr std::size_t batch = 8;
    std::vector<std::pair<Cost, std::uint32_t>> best;
    while (true) {
      simplex.reset();
      simplex.lowerMap(lower).upperMap(upper).costMap(cost).stSupply(s, t, supply);
      if (simplex.run() != Simplex::OPTIMAL) throw Error(ErrorKind::io, say(w_no_optimum));
      std::size_t added = 0;
      for (std::uint32_t a = 0; a < applications; ++a) {
        best.clear();
        const std::vector<std::uint32_t>& h = held[a];
        std::size_t i = 0;
        each(a, [&](std::uint32_t r, Cost c) {
          while (i < h.size() && h[i] < r) ++i;
          if (i < h.size() && h[i] == r) return;
          const Cost rc = reduced(simplex, {a, r}, c);
          if (rc < 0) best.emplace_back(rc, r);
        });
        if (best.size() > batch) {
          std::nth_element(best.begin(), best.begin() + batch, best.end());
          best.resize(batch);
        }
        std::vector<std::pair<Cost, std::uint32_t>> picked(best);
        each(a, [&](std::uint32_t r, Cost c) {
          for (const auto& [rc, x] : picked)
            if (x == r) add_pair({a, r}, c);
        });
        added += picked.size();
      }
      if (added == 0) return;
    }
  }

  // Keeps the optimal flows of the cost just solved for the next cost: every
  // held arc whose reduced cost is not zero is fixed at its bound
  // (complementary slackness), so the next solve is the lexicographic optimum.
  void fix(const Simplex& simplex) {
    for (Graph::ArcIt arc(g); arc != lemon::INVALID; ++arc) {
      const Cost rc = reduced(simplex, arc);
      if (rc > 0) upper[arc] = lower[arc];
      if (rc < 0) lower[arc] = upper[arc];
    }
  }
};

}  // namespace

AssignmentResult assign_reviewers(const AssignmentInput& in) {
  const Round round(in);
  const std::size_t n = round.n, m = round.m;
  AssignmentResult res;
  // year.md §2: no reviewer above its capacity, kept pairs included: reviews
  // already in that exceed it make the round infeasible, not silently allowed.
  for (std::uint32_t r = 0; r < m; ++r)
    if (in.reviewers[r].capacity && round.kept_load[r] > *in.reviewers[r].capacity) res.over_capacity.push_back(r);
  if (!res.over_capacity.empty()) return res;
  auto found = least_largest_load(round);
  if (!found) {
    res.uncovered = uncovered_applications(round);
    return res;
  }
  const std::int64_t limit = found->first;
  const auto apps = static_cast<std::uint32_t>(n);
  const Matches matches(in);

  // (2) and (3) in one cost: a match weighs more than any difference in the
  // sum of squares (at most total_need * (2 * limit - 1) over the unit arcs).
  const Cost match_weight = round.total_need * (2 * limit) + 1;
  auto even_cost = [&](std::uint32_t a, std::uint32_t r) -> Cost { return matches(a, r) ? -match_weight : 0; };
  CostFlow net(round, limit);
  for (const AssignPair& p : found->second) net.add_pair(p, even_cost(p.first, p.second));
  // A start that spreads each application over reviewers who know its
  // category and some who do not, so that few pairs are added later.
  for (std::uint32_t a = 0; a < apps; ++a) {
    if (round.need[a] == 0) continue;  // (then m > 0: the round is covered)
    std::size_t known = 0, unknown = 0;
    const std::size_t start = (std::size_t{a} * 13) % m;
    for (std::size_t k = 0; k < m && (known < 8 || unknown < 4); ++k) {
      const auto r = static_cast<std::uint32_t>((start + k) % m);
      if (round.room(r, limit) == 0 || std::binary_search(round.blocked[a].begin(), round.blocked[a].end(), r) ||
          std::binary_search(net.held[a].begin(), net.held[a].end(), r))
        continue;
      const bool match = matches(a, r);
      std::size_t& count = match ? known : unknown;
      if (count == (match ? 8 : 4)) continue;
      ++count;
      net.add_pair({a, r}, even_cost(a, r));
    }
  }
  Simplex simplex(net.g);
  net.solve(simplex, apps, [&](std::uint32_t a, auto f) {
    round.each_candidate(a, [&](std::uint32_t r) {
      if (round.room(r, limit) > 0) f(r, even_cost(a, r));
    });
  });
  // The pairs not held whose reduced cost is 0 stay open for (4) (the others
  // would lose a match or evenness); their cost is the seed's.
  std::vector<std::vector<std::pair<std::uint32_t, Cost>>> open(n);
  for (std::uint32_t a = 0; a < apps; ++a) {
    const std::vector<std::uint32_t>& h = net.held[a];
    round.each_candidate(a, [&](std::uint32_t r) {
      if (round.room(r, limit) == 0 || std::binary_search(h.begin(), h.end(), r)) return;
      if (net.reduced(simplex, {a, r}, even_cost(a, r)) == 0)
        open[a].emplace_back(r, pair_cost(in.seed, in.applications[a].id, in.reviewers[r].id));
    });
  }
  net.fix(simplex);

  // (4) only where the earlier objectives left a choice; a start with each
  // application's cheapest open pairs.
  for (Graph::ArcIt arc(net.g); arc != lemon::INVALID; ++arc) net.cost[arc] = 0;
  for (const auto& [arc, p] : net.pair_arcs)
    if (net.lower[arc] != net.upper[arc])
      net.cost[arc] = pair_cost(in.seed, in.applications[p.first].id, in.reviewers[p.second].id);
  std::vector<std::pair<Cost, std::uint32_t>> cheapest;
  for (std::uint32_t a = 0; a < apps; ++a) {
    cheapest.clear();
    for (const auto& [r, c] : open[a]) cheapest.emplace_back(c, r);
    const auto take = static_cast<std::ptrdiff_t>(std::min<std::size_t>(cheapest.size(), 6));
    std::partial_sort(cheapest.begin(), cheapest.begin() + take, cheapest.end());
    for (auto k = cheapest.begin(); k != cheapest.begin() + take; ++k) net.add_pair({a, k->second}, k->first);
  }
  net.solve(simplex, apps, [&](std::uint32_t a, auto f) {
    for (const auto& [r, c] : open[a]) f(r, c);
  });

  std::vector<AssignPair> chosen = round.kept;
  for (const auto& [arc, p] : net.pair_arcs)
    if (simplex.flow(arc) > 0) chosen.push_back(p);
  return assignment_of(in, std::move(chosen), matches);
}

AssignmentResult assignment_of(const AssignmentInput& in, std::vector<AssignPair> pairs) {
  return assignment_of(in, std::move(pairs), Matches(in));
}

}  // namespace competition
