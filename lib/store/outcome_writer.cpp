#include "store/outcome_writer.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <map>

#include "store/bind_optional.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_changed{
    .uk = "результати {} уже збережено з іншими значеннями ({}); щоб оновити, додайте --replace",
    .en = "outcomes of {} are already stored with other values ({}); use --replace to update them"};

OutcomeTargets load_outcome_targets(Store& store, const RoundRecord& round) {
  OutcomeTargets t;
  for (const auto& a : store.applications(round.id)) t.known.insert(a.id);
  // Outcomes belong to applications that got money in the stored decision.
  t.allocated = round.stage == Stage::allocated;
  if (t.allocated) {
    SQLite::Statement q(store.db(), "SELECT application FROM allocations WHERE round_id = ? AND award > 0");
    q.bind(1, round.id);
    while (q.executeStep()) t.funded.insert(q.getColumn(0).getString());
  }
  return t;
}

void write_outcomes(Store& store, const std::string& round, const std::vector<std::pair<Outcome, int>>& rows,
                    bool replace, ImportSummary& s, DiagnosticSink& conflicts) {
  std::map<std::string, Outcome> existing;
  for (auto& x : store.outcomes(round)) existing.emplace(x.application, std::move(x));
  SQLite::Statement put(store.db(),
                        "INSERT OR REPLACE INTO outcomes (round_id, application, clients, jobs, volunteers, attracted, "
                        "received_on) VALUES (?,?,?,?,?,?,?)");
  for (const auto& row : rows) {
    const Outcome& x = row.first;
    std::optional<std::string> changed;
    if (auto it = existing.find(x.application); it != existing.end()) {
      const Outcome& b = it->second;
      changed = changed_fields({{"clients", x.clients == b.clients},
                                {"jobs", x.jobs == b.jobs},
                                {"volunteers", x.volunteers == b.volunteers},
                                {"attracted", x.attracted == b.attracted},
                                {"received_on", x.received_on == b.received_on}});
    }
    settle_upsert(
        s, changed, replace,
        [&](const std::string& diff) {
          conflicts.add(row.second, 1, "application", say(w_changed, x.application, diff), ErrorKind::conflict);
        },
        [&](Upsert) {
          put.reset();
          put.bind(1, round);
          put.bind(2, x.application);
          bind_optional(put, 3, x.clients);
          bind_optional(put, 4, x.jobs);
          bind_optional(put, 5, x.volunteers);
          bind_optional(put, 6, x.attracted ? std::optional<std::int64_t>(x.attracted->kopiykas()) : std::nullopt);
          bind_optional(put, 7, x.received_on);
          put.exec();
        });
  }
}

}  // namespace competition
