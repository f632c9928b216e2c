#include "engine/assignment.hpp"

#include <lemon/network_simplex.h>
#include <lemon/preflow.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <numeric>
#include <set>
#include <stdexcept>

#include "base/sha256.hpp"

namespace competition {

std::uint32_t pair_cost(std::uint64_t seed, const std::string& application, const std::string& reviewer) {
  const std::string hex = sha256_hex(std::to_string(seed) + "/" + application + "/" + reviewer);
  return static_cast<std::uint32_t>(std::stoul(hex.substr(0, 8), nullptr, 16));
}

namespace {

using Graph = lemon::SmartDigraph;
using Cost = long long;

// The round as flow: source -> application (its gap) -> reviewer (an allowed
// pair, capacity 1) -> sink (what the reviewer can still take).
struct Round {
  const AssignmentInput& in;
  std::vector<std::int64_t> need;       // per application: per_application - kept pairs (never below 0)
  std::vector<std::int64_t> kept_load;  // per reviewer
  std::vector<AssignPair> candidates;   // allowed new pairs, by application then reviewer position
  std::int64_t total_need = 0;

  explicit Round(const AssignmentInput& input) : in(input) {
    const std::size_t n = in.applications.size(), m = in.reviewers.size();
    std::set<AssignPair> blocked(in.forbidden.begin(), in.forbidden.end());
    std::vector<std::int64_t> kept_app(n, 0);
    kept_load.assign(m, 0);
    for (const AssignPair& p : std::set<AssignPair>(in.kept.begin(), in.kept.end())) {
      ++kept_app[p.first];
      ++kept_load[p.second];
      blocked.insert(p);
    }
    need.resize(n);
    for (std::size_t a = 0; a < n; ++a) {
      need[a] = std::max<std::int64_t>(0, in.per_application - kept_app[a]);
      total_need += need[a];
      if (need[a] == 0) continue;
      for (std::uint32_t r = 0; r < m; ++r)
        if (!blocked.count({static_cast<std::uint32_t>(a), r}))
          candidates.emplace_back(static_cast<std::uint32_t>(a), r);
    }
  }

  // What reviewer r can still take when no load may exceed `limit`.
  std::int64_t room(std::size_t r, std::int64_t limit) const {
    std::int64_t cap = in.reviewers[r].capacity ? std::min(*in.reviewers[r].capacity, limit) : limit;
    return std::max<std::int64_t>(0, cap - kept_load[r]);
  }

  // The largest flow when no load exceeds `limit`; `covered` gets each
  // application's flow, `cut_by_limit` the number of reviewers whose room is
  // set by `limit` (not by their capacity) and whose arc to the sink crosses a
  // minimum cut: raising the limit by d raises that cut by at most d each.
  std::int64_t max_flow(std::int64_t limit, std::vector<std::int64_t>* covered = nullptr,
                        std::int64_t* cut_by_limit = nullptr) const {
    Graph g;
    Graph::ArcMap<std::int64_t> cap(g);
    const std::size_t n = in.applications.size(), m = in.reviewers.size();
    g.reserveNode(static_cast<int>(n + m + 2));
    std::vector<Graph::Node> app(n), rev(m);
    const Graph::Node s = g.addNode(), t = g.addNode();
    std::vector<Graph::Arc> in_arc(n);
    for (std::size_t a = 0; a < n; ++a) {
      app[a] = g.addNode();
      in_arc[a] = g.addArc(s, app[a]);
      cap[in_arc[a]] = need[a];
    }
    for (std::size_t r = 0; r < m; ++r) {
      rev[r] = g.addNode();
      cap[g.addArc(rev[r], t)] = room(r, limit);
    }
    for (const AssignPair& p : candidates) cap[g.addArc(app[p.first], rev[p.second])] = 1;
    lemon::Preflow<Graph, Graph::ArcMap<std::int64_t>> flow(g, cap, s, t);
    flow.run();
    if (cut_by_limit) {
      *cut_by_limit = 0;
      for (std::size_t r = 0; r < m; ++r) {
        const auto& capacity = in.reviewers[r].capacity;
        if (flow.minCut(rev[r]) && (!capacity || *capacity > limit)) ++*cut_by_limit;
      }
    }
    if (covered) {
      covered->assign(n, 0);
      for (std::size_t a = 0; a < n; ++a) (*covered)[a] = flow.flow(in_arc[a]);
    }
    return flow.flowValue();
  }
};

bool knows(const AssignReviewer& r, const std::string& category) {
  return !category.empty() && std::binary_search(r.categories.begin(), r.categories.end(), category);
}

// The infeasible round's applications: those with fewer allowed reviewers than
// they need, else (capacities too small) those a largest flow leaves short.
std::vector<Uncovered> uncovered_applications(const Round& round) {
  const std::size_t n = round.in.applications.size();
  std::vector<std::int64_t> possible(n, 0);
  for (std::size_t a = 0; a < n; ++a) possible[a] = round.in.per_application - round.need[a];
  for (const AssignPair& p : round.candidates)
    if (round.room(p.second, static_cast<std::int64_t>(n) + 1) > 0) ++possible[p.first];
  std::vector<Uncovered> out;
  for (std::size_t a = 0; a < n; ++a)
    if (possible[a] < round.in.per_application) out.push_back({static_cast<std::uint32_t>(a), possible[a]});
  if (out.empty()) {
    std::vector<std::int64_t> covered;
    round.max_flow(static_cast<std::int64_t>(n) + 1, &covered);
    for (std::size_t a = 0; a < n; ++a)
      if (covered[a] < round.need[a]) out.push_back({static_cast<std::uint32_t>(a), possible[a]});
  }
  const auto& apps = round.in.applications;
  std::sort(out.begin(), out.end(),
            [&](const Uncovered& x, const Uncovered& y) { return apps[x.application].id < apps[y.application].id; });
  return out;
}

}  // namespace

AssignmentResult assign_reviewers(const AssignmentInput& in) {
  const Round round(in);
  const std::size_t n = in.applications.size(), m = in.reviewers.size();
  AssignmentResult res;
  const std::int64_t unlimited = static_cast<std::int64_t>(n) + 1;
  if (round.max_flow(unlimited) < round.total_need) {
    res.uncovered = uncovered_applications(round);
    return res;
  }
  res.feasible = true;

  // (1) The smallest largest load: the least limit under which every gap is filled.
  std::int64_t lo = 0;
  if (m > 0) {
    const std::int64_t kept = std::accumulate(round.kept_load.begin(), round.kept_load.end(), std::int64_t{0});
    const auto reviewers = static_cast<std::int64_t>(m);
    lo = std::max(*std::max_element(round.kept_load.begin(), round.kept_load.end()),
                  (round.total_need + kept + reviewers - 1) / reviewers);
  }
  // Each limit that leaves a gap proves, by its minimum cut, how much higher
  // the least covering limit must be: no limit in between is tried.
  while (lo < unlimited) {
    std::int64_t by_limit = 0;
    const std::int64_t gap = round.total_need - round.max_flow(lo, nullptr, &by_limit);
    if (gap == 0) break;
    lo = by_limit == 0 ? unlimited : lo + (gap + by_limit - 1) / by_limit;
  }
  lo = std::min(lo, unlimited);
  const std::int64_t limit = lo;

  // (2)-(4) under that limit: each objective a min-cost flow whose optimal
  // solutions are kept for the next one by fixing every arc whose reduced cost
  // is not zero at its bound (complementary slackness), so the result is the
  // lexicographic optimum, exact in integers.
  Graph g;
  g.reserveNode(static_cast<int>(n + m + 2));
  const Graph::Node s = g.addNode(), t = g.addNode();
  std::vector<Graph::Node> app(n), rev(m);
  Graph::ArcMap<std::int64_t> lower(g, 0), upper(g, 0);
  // (2) and (3) in one cost: a match weighs more than any difference in the
  // sum of squares (at most total_need * (2 * limit - 1) over the unit arcs).
  const Cost match_weight = round.total_need * (2 * limit) + 1;
  Graph::ArcMap<Cost> even_cost(g, 0), seed_cost(g, 0);
  for (std::size_t a = 0; a < n; ++a) {
    app[a] = g.addNode();
    upper[g.addArc(s, app[a])] = round.need[a];
  }
  for (std::size_t r = 0; r < m; ++r) {
    rev[r] = g.addNode();
    // The j-th further application raises the sum of squares by 2(kept + j) - 1.
    const std::int64_t room = round.room(r, limit);
    for (std::int64_t j = 1; j <= room; ++j) {
      const Graph::Arc arc = g.addArc(rev[r], t);
      upper[arc] = 1;
      even_cost[arc] = 2 * (round.kept_load[r] + j) - 1;
    }
  }
  std::vector<std::pair<Graph::Arc, AssignPair>> pair_arcs;
  pair_arcs.reserve(round.candidates.size());
  for (const AssignPair& p : round.candidates) {
    if (round.room(p.second, limit) == 0) continue;
    const Graph::Arc arc = g.addArc(app[p.first], rev[p.second]);
    upper[arc] = 1;
    if (in.match_categories && knows(in.reviewers[p.second], in.applications[p.first].category))
      even_cost[arc] = -match_weight;
    pair_arcs.emplace_back(arc, p);
  }
  lemon::NetworkSimplex<Graph, std::int64_t, Cost> simplex(g);
  Graph::ArcMap<std::int64_t> flow(g, 0);
  for (const Graph::ArcMap<Cost>* cost : {&even_cost, &seed_cost}) {
    if (cost == &seed_cost)  // (4) only where the earlier objectives left a choice
      for (const auto& [arc, p] : pair_arcs)
        if (lower[arc] != upper[arc])
          seed_cost[arc] = pair_cost(in.seed, in.applications[p.first].id, in.reviewers[p.second].id);
    simplex.reset();
    simplex.lowerMap(lower).upperMap(upper).costMap(*cost).stSupply(s, t, round.total_need);
    if (simplex.run() != decltype(simplex)::OPTIMAL) throw std::logic_error("assign: the flow solver found no optimum");
    simplex.flowMap(flow);
    for (Graph::ArcIt arc(g); arc != lemon::INVALID; ++arc) {
      const Cost reduced = (*cost)[arc] + simplex.potential(g.source(arc)) - simplex.potential(g.target(arc));
      if (reduced > 0) upper[arc] = lower[arc];
      if (reduced < 0) lower[arc] = upper[arc];
    }
  }

  std::vector<std::int64_t> load = round.kept_load;
  std::set<AssignPair> chosen(in.kept.begin(), in.kept.end());
  for (const auto& [arc, p] : pair_arcs)
    if (flow[arc] > 0) {
      chosen.insert(p);
      ++load[p.second];
    }
  res.pairs.assign(chosen.begin(), chosen.end());
  std::sort(res.pairs.begin(), res.pairs.end(), [&](const AssignPair& x, const AssignPair& y) {
    const std::string& xa = in.applications[x.first].id;
    const std::string& ya = in.applications[y.first].id;
    return xa != ya ? xa < ya : in.reviewers[x.second].id < in.reviewers[y.second].id;
  });
  for (const AssignPair& p : res.pairs)
    if (in.match_categories && knows(in.reviewers[p.second], in.applications[p.first].category)) ++res.category_matches;
  if (m > 0) {
    res.max_load = *std::max_element(load.begin(), load.end());
    res.min_load = *std::min_element(load.begin(), load.end());
  }
  return res;
}

}  // namespace competition
