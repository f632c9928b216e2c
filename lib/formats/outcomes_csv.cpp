#include "formats/outcomes_csv.hpp"

namespace competition {

const std::vector<ColumnSpec> outcome_columns = {{"application", true}, {"clients", false},   {"jobs", false},
                                                 {"volunteers", false}, {"attracted", false}, {"received_on", false}};

std::string OutcomeRowParser::application(RowReader& r) {
  std::string id = r.id(0);
  check_unique(seen_, id, r, 0, [&] { return fmt::format("application \"{}\"", id); });
  return id;
}

void OutcomeRowParser::values(RowReader& r, Outcome& out) {
  out.clients = r.count(1);
  out.jobs = r.count(2);
  out.volunteers = r.count(3);
  out.attracted = r.money(4);
  out.received_on = r.date(5);
}

}  // namespace competition
