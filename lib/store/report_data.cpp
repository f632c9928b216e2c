#include "store/report_data.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "engine/ledger.hpp"
#include "store/ledger_store.hpp"
#include "values/clock.hpp"
#include "values/report_received.hpp"

namespace competition {

// docs/report.md; docs/rules.md §6 "over all rounds of that year". The `allocations`
// table (migration 002) holds the latest decision per allocated round; a
// database that predates it has no allocated round to count.
ReportInput load_report_input(Store& store, const std::string& paid_as_of) {
  ReportInput in;
  in.paid_as_of = paid_as_of;
  auto& db = store.db();
  bool have_allocations = db.tableExists("allocations");
  for (const auto& r : store.rounds()) {
    RoundData d;
    d.id = r.id;
    d.year = r.year;
    d.currency = r.currency;
    d.allocated = have_allocations && r.stage == Stage::allocated;
    if (d.allocated && d.currency == "UAH") {
      d.applications = store.applications(r.id);
      // docs/report.md "Awarded or paid": a report that arrived after the day is left
      // out, as the ledger of that day leaves it out (planned figures stand in).
      d.outcomes = store.outcomes(r.id);
      std::erase_if(d.outcomes,
                    [&](const Outcome& o) { return o.received_on && !received_by(*o.received_on, paid_as_of); });
      d.lots = Store::rules_of(r).lots;
      // docs/report.md "Awarded or paid": a round with payments made by the day shows what was
      // paid by then, as the ledger of that day does; one whose payments all come later shows none.
      for (const auto& [application, paid] : net_paid(stored_payments(store, r.id), paid_as_of))
        d.paid = d.paid.value_or(Money()) + paid;
      SQLite::Statement q(db,
                          "SELECT application, status, award FROM allocations WHERE round_id = ? ORDER BY application");
      q.bind(1, r.id);
      while (q.executeStep())
        d.decision.push_back(
            {q.getColumn(0).getString(), q.getColumn(1).getString(), Money::from_kopiykas(q.getColumn(2).getInt64())});
    }
    in.rounds.push_back(std::move(d));
  }
  in.history = store.history();
  return in;
}

ReportTable build_report(Store& store, const ReportYears& asked, const std::string& paid_as_of) {
  return build_report_table(load_report_input(store, paid_as_of), asked);
}

// The tables by category and by service show no paid money: today's date is as good as any.
CategoryTable build_category_report(Store& store, const ReportYears& asked) {
  return build_category_table(load_report_input(store, today_utc()), asked);
}

ServiceTable build_service_report(Store& store, const ReportYears& asked) {
  return build_service_table(load_report_input(store, today_utc()), asked);
}

}  // namespace competition
