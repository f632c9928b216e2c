#include "store/pabulib_sources.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>

namespace competition {

std::optional<PabulibInstance> load_pabulib_instance(Store& store, const std::string& round) {
  PabulibInstance in;
  {
    SQLite::Statement q(store.db(), "SELECT vote_type FROM pabulib_sources WHERE round_id = ?");
    q.bind(1, round);
    if (!q.executeStep()) return std::nullopt;
    in.vote_type = q.getColumn(0).getString();
  }
  {
    SQLite::Statement q(store.db(),
                        "SELECT p.application, p.selected, p.cells FROM pabulib_projects p "
                        "JOIN applications a ON a.round_id = p.round_id AND a.id = p.application "
                        "WHERE p.round_id = ? ORDER BY a.input_order, a.id");
    q.bind(1, round);
    while (q.executeStep()) {
      RecountProject p;
      p.id = q.getColumn(0).getString();
      if (!q.getColumn(1).isNull()) p.selected = q.getColumn(1).getInt64();
      auto cells = nlohmann::json::parse(q.getColumn(2).getString(), nullptr, false);
      auto cell = [&](const char* key) -> std::optional<std::string> {
        if (!cells.is_object() || !cells.contains(key) || !cells[key].is_string()) return std::nullopt;
        std::string v = cells[key].get<std::string>();
        if (v.find_first_not_of(" \t") == std::string::npos) return std::nullopt;  // blank
        return v;
      };
      p.votes = cell("votes");
      p.score = cell("score");
      in.projects.push_back(std::move(p));
    }
  }
  {
    SQLite::Statement q(store.db(),
                        "SELECT voter_id, vote, points FROM pabulib_votes WHERE round_id = ? ORDER BY position");
    q.bind(1, round);
    while (q.executeStep()) {
      RecountBallot b;
      b.voter_id = q.getColumn(0).getString();
      b.vote = q.getColumn(1).getString();
      if (!q.getColumn(2).isNull()) b.points = q.getColumn(2).getString();
      in.ballots.push_back(std::move(b));
    }
  }
  return in;
}

}  // namespace competition
