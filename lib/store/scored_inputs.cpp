#include "store/scored_inputs.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace competition {

void save_scored_inputs(Store& store, const std::string& round, const ScoredInputs& inputs) {
  SQLite::Statement put(store.db(),
                        "INSERT OR REPLACE INTO scored_inputs (round_id, applications_sha256, reviews_sha256) "
                        "VALUES (?, ?, ?)");
  put.bind(1, round);
  put.bind(2, inputs.applications_sha256);
  put.bind(3, inputs.reviews_sha256);
  put.exec();
}

std::optional<ScoredInputs> load_scored_inputs(Store& store, const std::string& round) {
  SQLite::Statement q(store.db(), "SELECT applications_sha256, reviews_sha256 FROM scored_inputs WHERE round_id = ?");
  q.bind(1, round);
  if (!q.executeStep()) return std::nullopt;
  return ScoredInputs{q.getColumn(0).getString(), q.getColumn(1).getString()};
}

void clear_scored_inputs(Store& store, const std::string& round) {
  SQLite::Statement del(store.db(), "DELETE FROM scored_inputs WHERE round_id = ?");
  del.bind(1, round);
  del.exec();
}

}  // namespace competition
