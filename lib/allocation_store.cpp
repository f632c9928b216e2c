#include "allocation_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "diagnostic.hpp"

namespace competition {

void save_allocation(Store& store, const std::string& round, const Decision& d) {
  auto& db = store.db();
  SQLite::Statement del(db, "DELETE FROM allocations WHERE round_id = ?");
  del.bind(1, round);
  del.exec();
  SQLite::Statement ins(db,
                        "INSERT INTO allocations (round_id, application, rank, status, lot, award, reasons) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)");
  for (const AllocationLine& l : d.applications) {
    std::string reasons;
    for (const auto& r : l.reasons) reasons += (reasons.empty() ? "" : "|") + r;
    ins.reset();
    ins.bind(1, round);
    ins.bind(2, l.id);
    if (l.rank)
      ins.bind(3, *l.rank);
    else
      ins.bind(3);
    ins.bind(4, std::string(to_string(l.status)));
    if (l.lot)
      ins.bind(5, *l.lot);
    else
      ins.bind(5);
    ins.bind(6, l.award.kopiykas());
    ins.bind(7, reasons);
    ins.exec();
  }
}

std::vector<AllocationLine> load_allocation(Store& store, const std::string& round) {
  SQLite::Statement q(store.db(),
                      "SELECT application, rank, status, lot, award, reasons FROM allocations WHERE round_id = ? "
                      "ORDER BY rank IS NULL, rank, application");
  q.bind(1, round);
  std::vector<AllocationLine> out;
  while (q.executeStep()) {
    AllocationLine l;
    l.id = q.getColumn(0).getString();
    if (!q.getColumn(1).isNull()) l.rank = q.getColumn(1).getInt();
    std::string status = q.getColumn(2).getString();
    auto s = parse_award_status(status);
    if (!s) throw Error(ExitCode::io, fmt::format("allocations: unknown status \"{}\" of {}", status, l.id));
    l.status = *s;
    if (!q.getColumn(3).isNull()) l.lot = q.getColumn(3).getString();
    l.award = Money::from_kopiykas(q.getColumn(4).getInt64());
    std::string reasons = q.getColumn(5).getString();
    std::size_t start = 0;
    while (!reasons.empty()) {
      std::size_t p = reasons.find('|', start);
      l.reasons.push_back(reasons.substr(start, p == std::string::npos ? std::string::npos : p - start));
      if (p == std::string::npos) break;
      start = p + 1;
    }
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace competition
