#include "store/history_writer.hpp"
#include "values/message.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <map>

namespace competition {

constexpr PerLang<const char*> w_changed{
    .uk = "{} уже є в історії з іншими значеннями ({}); щоб оновити, додайте --replace",
    .en = "{} is already in the history with other values ({}); use --replace to update it"};

namespace {

// The fields of a year that differ from its stored row.
std::string history_changes(const HistoryYear& h, const HistoryYear& b) {
  return changed_fields({{"participants", h.participants == b.participants},
                         {"winners", h.winners == b.winners},
                         {"budget", h.budget == b.budget},
                         {"attracted", h.attracted == b.attracted},
                         {"clients", h.clients == b.clients},
                         {"jobs", h.jobs == b.jobs},
                         {"volunteers", h.volunteers == b.volunteers},
                         {"coefficient", h.coefficient == b.coefficient},
                         {"cost_per_client", h.cost_per_client == b.cost_per_client},
                         {"note", h.note == b.note}});
}

}  // namespace

void write_history(Store& store, const std::vector<std::pair<HistoryYear, int>>& rows, bool replace, ImportSummary& s,
                   DiagnosticSink& conflicts) {
  std::map<int, HistoryYear> existing;
  for (auto& h : store.history()) existing.emplace(h.year, std::move(h));
  SQLite::Statement put(
      store.db(),
      "INSERT OR REPLACE INTO history (year, participants, winners, budget, attracted, clients, jobs, "
      "volunteers, coefficient, cost_per_client, note) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  for (const auto& row : rows) {
    const HistoryYear& h = row.first;
    std::optional<std::string> changed;
    if (auto it = existing.find(h.year); it != existing.end()) changed = history_changes(h, it->second);
    settle_upsert(
        s, changed, replace,
        [&](const std::string& diff) {
          conflicts.add(row.second, 1, "year", say(w_changed, h.year, diff), ErrorKind::conflict);
        },
        [&](Upsert) {
          put.reset();
          put.bind(1, h.year);
          put.bind(2, h.participants);
          put.bind(3, h.winners);
          put.bind(4, h.budget.kopiykas());
          put.bind(5, h.attracted.kopiykas());
          put.bind(6, h.clients);
          put.bind(7, h.jobs);
          put.bind(8, h.volunteers);
          put.bind(9, h.coefficient);
          put.bind(10, h.cost_per_client);
          put.bind(11, h.note);
          put.exec();
        });
  }
}

}  // namespace competition
