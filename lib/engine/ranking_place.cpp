// docs/sensitivity.md "The money line", placing changed applications.
#include "engine/ranking_place.hpp"

#include <algorithm>

namespace competition {

RankingPlaces::RankingPlaces(const Rules& rules, const std::vector<Application>& applications, const ScoreResult& plain,
                             const MoneyLine& line)
    : rules_(rules), line_(line) {
  app_of_.reserve(applications.size());
  for (const auto& a : applications) app_of_.emplace(a.id, &a);
  for (const auto& s : plain.applications) {
    if (s.status != ScoreStatus::ranked) break;
    plain_at_.emplace(s.id, static_cast<std::uint32_t>(plain_.size()));
    plain_.push_back(&s);
    plain_app_.push_back(application(s.id));
  }
}

const Application* RankingPlaces::application(const std::string& id) const {
  const Application* const* a = app_of_.find(id);
  return a ? *a : nullptr;
}

std::uint32_t RankingPlaces::plain_position(const std::string& id) const {
  const std::uint32_t* at = plain_at_.find(id);
  return at ? *at : MoneyLine::absent;
}

std::uint32_t RankingPlaces::before(const Application& app, const ScoredApplication& scored) const {
  std::uint32_t lo = 0, hi = static_cast<std::uint32_t>(plain_.size());
  while (lo < hi) {
    std::uint32_t mid = lo + (hi - lo) / 2;
    if (ranks_before(rules_, *plain_[mid], *plain_app_[mid], scored, app))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

MoneyLine::Moved RankingPlaces::moved_one(const Application& app, const ScoredApplication& scored) const {
  MoneyLine::Moved m{&app, line_.position(app.id), MoneyLine::absent};
  if (scored.status != ScoreStatus::ranked) return m;
  std::uint32_t others = before(app, scored);
  const std::uint32_t p = plain_position(app.id);
  if (p != MoneyLine::absent && p < others) --others;
  m.y = others + (m.x != MoneyLine::absent && m.x <= others ? 1 : 0);
  return m;
}

// The others keep their order: a changed application goes after every other
// that ranks before it in the plain ranking; a commission order only permutes
// its members among their own places, so counting in the plain ranking gives
// the place in the walked one (docs/sensitivity.md).
std::vector<MoneyLine::Moved> RankingPlaces::moved(const std::vector<Change>& changes) const {
  std::vector<std::uint32_t> old_plain, old_walked;
  for (const Change& c : changes) {
    if (auto p = plain_position(c.app->id); p != MoneyLine::absent) old_plain.push_back(p);
    if (auto x = line_.position(c.app->id); x != MoneyLine::absent) old_walked.push_back(x);
  }
  std::sort(old_plain.begin(), old_plain.end());
  std::sort(old_walked.begin(), old_walked.end());
  struct Placed {
    MoneyLine::Moved moved;
    const ScoredApplication* scored;
  };
  std::vector<Placed> placed;
  for (const Change& c : changes) {
    Placed p{{c.app, line_.position(c.app->id), MoneyLine::absent}, &c.scored};
    if (c.scored.status == ScoreStatus::ranked) {
      // Applications of the plain ranking (old scores) before the changed one.
      const std::uint32_t before = this->before(*c.app, c.scored);
      // Less the moved ones among them: the others before it.
      std::uint32_t others =
          before -
          static_cast<std::uint32_t>(std::lower_bound(old_plain.begin(), old_plain.end(), before) - old_plain.begin());
      // The position of the `others`-th other in the walked ranking.
      std::uint32_t y = others;
      for (std::uint32_t x : old_walked)
        if (x <= y) ++y;
      p.moved.y = std::min(y, line_.ranked());
    }
    if (p.moved.x == MoneyLine::absent && p.moved.y == MoneyLine::absent) continue;
    placed.push_back(p);
  }
  std::sort(placed.begin(), placed.end(), [&](const Placed& a, const Placed& b) {
    if (a.moved.y != b.moved.y) return a.moved.y < b.moved.y;
    if (a.moved.y == MoneyLine::absent) return a.moved.app->id < b.moved.app->id;
    return ranks_before(rules_, *a.scored, *a.moved.app, *b.scored, *b.moved.app);
  });
  std::vector<MoneyLine::Moved> out;
  out.reserve(placed.size());
  for (const Placed& p : placed) out.push_back(p.moved);
  return out;
}

}  // namespace competition
