#include "store/reviewer_writer.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <map>

#include "base/text.hpp"
#include "values/common_words.hpp"
#include "values/message.hpp"

namespace competition {

void write_reviewers(Store& store, const std::string& round, const std::vector<std::pair<Reviewer, int>>& rows,
                     bool replace, ImportSummary& s, DiagnosticSink& conflicts) {
  std::map<std::string, Reviewer> existing;
  for (auto& r : store.reviewers(round)) existing.emplace(r.id, std::move(r));
  SQLite::Statement put(
      store.db(),
      "INSERT OR REPLACE INTO reviewers (round_id, id, name, conflicts, categories, capacity) VALUES (?,?,?,?,?,?)");
  for (const auto& row : rows) {
    const Reviewer& rv = row.first;
    // As the store keeps them: `|`-separated.
    const std::string joined = join(rv.conflicts, "|");
    const std::string categories = join(rv.categories, "|");
    std::optional<std::string> changed;
    if (auto it = existing.find(rv.id); it != existing.end())
      changed = changed_fields({{"name", it->second.name == rv.name},
                                {"conflicts", join(it->second.conflicts, "|") == joined},
                                {"categories", it->second.categories == rv.categories},
                                {"capacity", it->second.capacity == rv.capacity}});
    settle_upsert(
        s, changed, replace,
        [&](const std::string& diff) {
          conflicts.add(row.second, 1, "id", say(already_in_round_words, rv.id, round, diff), ErrorKind::conflict);
        },
        [&](Upsert) {
          put.reset();
          put.bind(1, round);
          put.bind(2, rv.id);
          put.bind(3, rv.name);
          put.bind(4, joined);
          put.bind(5, categories);
          if (rv.capacity)
            put.bind(6, *rv.capacity);
          else
            put.bind(6);
          put.exec();
        });
  }
}

}  // namespace competition
