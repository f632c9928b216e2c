#include "store/assignment_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace competition {

std::vector<NamedPair> stored_assignment(Store& store, const std::string& round) {
  SQLite::Statement q(
      store.db(), "SELECT application, reviewer FROM assignments WHERE round_id = ? ORDER BY application, reviewer");
  q.bind(1, round);
  std::vector<NamedPair> out;
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
  return out;
}

void store_assignment(Store& store, const std::string& round, const std::vector<NamedPair>& pairs) {
  SQLite::Statement del(store.db(), "DELETE FROM assignments WHERE round_id = ?");
  del.bind(1, round);
  del.exec();
  SQLite::Statement put(store.db(), "INSERT INTO assignments (round_id, application, reviewer) VALUES (?,?,?)");
  for (const auto& [application, reviewer] : pairs) {
    put.reset();
    put.bind(1, round);
    put.bind(2, application);
    put.bind(3, reviewer);
    put.exec();
  }
}

}  // namespace competition
