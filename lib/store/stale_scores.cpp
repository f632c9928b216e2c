#include "store/stale_scores.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace competition {

void discard_scores(Store& store, const std::string& round) {
  SQLite::Statement del(store.db(), "DELETE FROM scores WHERE round_id = ?");
  del.bind(1, round);
  del.exec();
  store.set_stage(round, "open");
}

}  // namespace competition
