#include "engine/pabulib_recount.hpp"

#include "base/text.hpp"
#include "values/message.hpp"

#include <fmt/format.h>

#include <charconv>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>

namespace competition {

constexpr PerLang<const char*> w_no_points{.uk = "бюлетень {} не дає балів: стовпець `score` не можна перелічити",
                                           .en = "ballot {} gives no points: the `score` column cannot be recounted"};
constexpr PerLang<const char*> w_points_count{
    .uk = "бюлетень {}: балів {} на {} проєктів: стовпець `score` не можна перелічити",
    .en = "ballot {}: {} points for {} projects: the `score` column cannot be recounted"};
constexpr PerLang<const char*> w_points_whole{
    .uk = "бюлетень {}: бали \"{}\" не є цілим числом: стовпець `score` не можна перелічити",
    .en = "ballot {}: points \"{}\" are not a whole number: the `score` column cannot be recounted"};
constexpr PerLang<const char*> w_ordinal{
    .uk =
        "порядкові бюлетені: стовпець `score` не можна перелічити з рангів (файл не визначає позиційного правила); "
        "його взято як опубліковано",
    .en =
        "ordinal ballots: the `score` column cannot be recounted from rankings (the file does not define the "
        "positional rule); it is taken as published"};
constexpr PerLang<const char*> w_no_ballots{.uk =
                                                "немає бюлетенів для перелічування: розділ VOTES файлу порожній; "
                                                "`votes` і `score` з PROJECTS взято як опубліковано",
                                            .en =
                                                "no ballots to recount: the file's VOTES section is empty; the "
                                                "PROJECTS `votes` and `score` are taken as published"};

namespace {

// A comma-separated list, each entry trimmed; an empty text is an empty list.
std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string> out;
  if (trim(s).empty()) return out;
  std::size_t start = 0;
  while (true) {
    std::size_t comma = s.find(',', start);
    out.emplace_back(trim(s.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

std::optional<std::int64_t> whole(std::string_view s) {
  s = trim(s);
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// A recounted total, or none when it does not fit in 64 bits (points of an
// edited file; import bounds them so that a round's sums fit).
using Total = std::optional<std::int64_t>;

void add_to(Total& total, std::int64_t v) {
  std::int64_t result = 0;
  if (total && !__builtin_add_overflow(*total, v, &result))
    total = result;
  else
    total.reset();
}

void compare_total(std::vector<Difference>& out, const std::string& id, const char* field,
                   const std::optional<std::string>& cell, const Total& recounted) {
  if (!cell) return;
  std::optional<std::int64_t> stored = whole(*cell);
  if (stored && recounted && *stored == *recounted) return;
  out.push_back({id, field, std::string(trim(*cell)),
                 recounted ? std::to_string(*recounted) : std::string("more than 9223372036854775807 (too large)")});
}

}  // namespace

Recount recount_pabulib(const PabulibInstance& in) {
  Recount r;
  std::map<std::string, Total> score;
  for (const auto& p : in.projects) {
    r.votes[p.id] = 0;
    r.score[p.id] = 0;
    score[p.id] = 0;
  }
  const bool by_points = in.vote_type == "cumulative" || in.vote_type == "scoring";
  r.score_recounted = by_points;
  for (const auto& b : in.ballots) {
    std::vector<std::string> ids = split_list(b.vote);
    // A project an approval ballot lists twice counts once (docs/pabulib.md).
    std::set<std::string_view> counted;
    for (const auto& id : ids)
      if (counted.insert(id).second) ++r.votes[id];
    if (!by_points || !r.score_recounted) continue;
    if (!b.points || trim(*b.points).empty()) {
      r.score_recounted = false;
      r.notes.push_back(say(w_no_points, b.voter_id));
      continue;
    }
    std::vector<std::string> points = split_list(*b.points);
    if (points.size() != ids.size()) {
      r.score_recounted = false;
      r.notes.push_back(say(w_points_count, b.voter_id, points.size(), ids.size()));
      continue;
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
      std::optional<std::int64_t> v = whole(points[i]);
      if (!v) {
        r.score_recounted = false;
        r.notes.push_back(say(w_points_whole, b.voter_id, points[i]));
        break;
      }
      auto it = score.try_emplace(ids[i], 0).first;
      add_to(it->second, *v);
    }
  }
  if (in.vote_type == "ordinal") r.notes.push_back(say(w_ordinal));
  for (const auto& [id, total] : score)
    if (total) r.score[id] = *total;
  // No ballots at all (a round exported from reviews, docs/pabulib.md): the
  // PROJECTS totals are the record and there is nothing to recount them from.
  if (in.ballots.empty()) {
    r.score_recounted = false;
    r.notes.push_back(say(w_no_ballots));
    return r;
  }
  for (const auto& p : in.projects) {
    compare_total(r.differences, p.id, "votes", p.votes, r.votes[p.id]);
    if (r.score_recounted) compare_total(r.differences, p.id, "score", p.score, score[p.id]);
  }
  return r;
}

void compare_selected(const PabulibInstance& in, const std::vector<AllocationLine>& allocation,
                      std::vector<Difference>& out) {
  std::map<std::string, bool> chosen;
  for (const auto& line : allocation)
    chosen[line.id] = line.status == AwardStatus::funded || line.status == AwardStatus::partial;
  for (const auto& p : in.projects) {
    if (!p.selected) continue;
    auto it = chosen.find(p.id);
    std::optional<std::string> computed;
    if (it != chosen.end()) computed = it->second ? "1" : "0";
    std::string official = *p.selected >= 1 ? "1" : "0";
    if (computed != official) out.push_back({p.id, "selected", official, computed});
  }
}

}  // namespace competition
