#include "commands/pabulib_export.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "store/allocation_store.hpp"
#include "store/score_store.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_not_allocated{.uk = "конкурс {} ще не розподілено",
                                               .en = "round {} is not allocated yet"};

namespace {

using ojson = nlohmann::ordered_json;

std::vector<std::string> json_names(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& v : ojson::parse(text)) out.push_back(v.get<std::string>());
  return out;
}

std::string cell_text(const ojson& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

void add_row(PabulibSection& section, std::vector<std::string> fields) {
  section.rows.push_back(PabulibRow{0, std::move(fields)});
}

// A round imported from a pabulib file: META, PROJECTS and VOTES as stored,
// `selected` from the decision (the column is added last when the file had none).
bool stored_instance(Store& store, const RoundRecord& round, const std::map<std::string, bool>& chosen,
                     PabulibFile& f) {
  std::string projects_header, votes_header, meta;
  {
    SQLite::Statement q(store.db(),
                        "SELECT s.projects_header, s.votes_header, COALESCE(r.meta, '{}') FROM pabulib_sources s "
                        "JOIN rounds r ON r.id = s.round_id WHERE s.round_id = ?");
    q.bind(1, round.id);
    if (!q.executeStep()) return false;
    projects_header = q.getColumn(0).getString();
    votes_header = q.getColumn(1).getString();
    meta = q.getColumn(2).getString();
  }
  const ojson meta_json = ojson::parse(meta);
  for (const auto& [key, value] : meta_json.items()) f.meta.push_back({key, cell_text(value), 0});
  f.projects.header = json_names(projects_header);
  if (std::find(f.projects.header.begin(), f.projects.header.end(), "selected") == f.projects.header.end())
    f.projects.header.emplace_back("selected");
  {
    SQLite::Statement q(store.db(),
                        "SELECT p.application, p.cells FROM pabulib_projects p "
                        "JOIN applications a ON a.round_id = p.round_id AND a.id = p.application "
                        "WHERE p.round_id = ? ORDER BY a.input_order, a.id");
    q.bind(1, round.id);
    while (q.executeStep()) {
      const std::string id = q.getColumn(0).getString();
      ojson cells = ojson::parse(q.getColumn(1).getString());
      auto it = chosen.find(id);
      cells["selected"] = it != chosen.end() && it->second ? "1" : "0";
      std::vector<std::string> fields;
      for (const auto& column : f.projects.header)
        fields.push_back(cells.contains(column) ? cell_text(cells[column]) : std::string());
      add_row(f.projects, std::move(fields));
    }
  }
  f.votes.header = json_names(votes_header);
  {
    SQLite::Statement q(store.db(),
                        "SELECT voter_id, vote, points, extra FROM pabulib_votes WHERE round_id = ? ORDER BY position");
    q.bind(1, round.id);
    while (q.executeStep()) {
      ojson extra = ojson::parse(q.getColumn(3).getString());
      std::vector<std::string> fields;
      for (const auto& column : f.votes.header) {
        if (column == "voter_id")
          fields.push_back(q.getColumn(0).getString());
        else if (column == "vote")
          fields.push_back(q.getColumn(1).getString());
        else if (column == "points")
          fields.push_back(q.getColumn(2).isNull() ? std::string() : q.getColumn(2).getString());
        else
          fields.push_back(extra.contains(column) ? cell_text(extra[column]) : std::string());
      }
      add_row(f.votes, std::move(fields));
    }
  }
  return true;
}

}  // namespace

PabulibFile export_pabulib(Store& store, const RoundRecord& round) {
  std::vector<AllocationLine> lines = load_allocation(store, round.id);
  if (round.stage != Stage::allocated || lines.empty())
    throw Error(ErrorKind::conflict, say(w_not_allocated, round.id), Remedy::allocate_before_export);
  std::map<std::string, bool> chosen;
  for (const auto& l : lines) chosen[l.id] = l.status == AwardStatus::funded || l.status == AwardStatus::partial;

  PabulibFile f;
  if (stored_instance(store, round, chosen, f)) return f;

  // Any other round: a `scoring` instance, projects in rank order (then the
  // unranked by id), `score` the total rounded half away from zero to a whole
  // number (`total` keeps it exactly), no ballots.
  const Rules rules = Store::rules_of(round);
  std::optional<ScoreResult> scores = load_scores(store, round.id, rules);
  std::map<std::string, Application> apps;
  for (auto& a : store.applications(round.id)) apps.emplace(a.id, std::move(a));
  std::stable_sort(lines.begin(), lines.end(), [](const AllocationLine& a, const AllocationLine& b) {
    if (a.rank.has_value() != b.rank.has_value()) return a.rank.has_value();
    if (a.rank && *a.rank != *b.rank) return *a.rank < *b.rank;
    return a.id < b.id;
  });
  f.meta = {{"description", round.title, 0},
            {"instance", std::to_string(round.year), 0},
            {"num_projects", std::to_string(lines.size()), 0},
            {"num_votes", "0", 0},
            {"budget", round.budget.to_string(), 0},
            {"currency", round.currency, 0},
            {"vote_type", "scoring", 0},
            {"rule", rules.rule == AllocationRule::greedy_stop ? "greedy-no-skip" : "greedy", 0},
            {"source", fmt::format("competition round {}", round.id), 0}};
  f.projects.header = {"project_id", "cost", "score", "name", "category", "selected", "total", "status"};
  for (const auto& l : lines) {
    auto it = apps.find(l.id);
    const ScoredApplication* s = scores ? scores->find(l.id) : nullptr;
    std::string total = s && s->total ? s->total->to_decimal() : std::string();
    std::string score = s && s->total && l.rank ? s->total->to_fixed(0) : "0";
    if (!score.empty() && score[0] == '-') score = "0";
    add_row(f.projects, {l.id, it == apps.end() ? std::string("0.01") : it->second.requested.to_string(), score,
                         it == apps.end() ? l.id : it->second.title, it == apps.end() ? "" : it->second.category,
                         chosen[l.id] ? "1" : "0", total, std::string(to_string(l.status))});
  }
  f.votes.header = {"voter_id", "vote"};
  return f;
}

}  // namespace competition
