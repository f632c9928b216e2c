#include "store/allocation_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>

#include "base/id_order.hpp"
#include "store/bulk_statement.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_status{.uk = "allocations: невідомий статус \"{}\" заявки {}",
                                        .en = "allocations: unknown status \"{}\" of {}"};

void save_allocation(Store& store, const std::string& round, const Decision& d) {
  auto& db = store.db();
  SQLite::Statement del(db, "DELETE FROM allocations WHERE round_id = ?");
  del.bind(1, round);
  del.exec();
  // In batches (bulk_statement.hpp): a national decision has 100 000s of rows.
  BatchInsert ins(db, "INSERT OR FAIL INTO allocations (round_id, application, rank, status, lot, award, reasons)", 7);
  // In key order, not rank order (id_order.hpp; the stored rows are the same).
  auto id_of = [](const AllocationLine& l) -> const std::string& { return l.id; };
  each_in_id_order(d.applications, id_of, [&](const AllocationLine& l) {
    const std::string& reasons = l.reasons.joined();
    ins.text(round).text(l.id);
    if (l.rank)
      ins.integer(*l.rank);
    else
      ins.null();
    ins.text(to_string(l.status));
    if (l.lot)
      ins.text(*l.lot);
    else
      ins.null();
    ins.integer(l.award.kopiykas()).text(reasons).end_row();
  });
  ins.flush();
}

namespace {

// The lines of `sql` (the columns application, rank, status, lot, award, reasons; the round bound).
void read_lines(Store& store, const char* sql, const std::string& round,
                const std::function<void(AllocationLine&)>& line) {
  SQLite::Statement q(store.db(), sql);
  q.bind(1, round);
  while (q.executeStep()) {
    AllocationLine l;
    l.id = q.getColumn(0).getString();
    if (!q.getColumn(1).isNull()) l.rank = q.getColumn(1).getInt();
    std::string status = q.getColumn(2).getString();
    auto s = parse_award_status(status);
    if (!s) throw Error(ErrorKind::io, say(w_status, status, l.id));
    l.status = *s;
    if (!q.getColumn(3).isNull()) l.lot = q.getColumn(3).getString();
    l.award = Money::from_kopiykas(q.getColumn(4).getInt64());
    l.reasons.assign_joined(q.getColumn(5).getString());
    line(l);
  }
}

}  // namespace

std::vector<AllocationLine> load_allocation(Store& store, const std::string& round) {
  std::vector<AllocationLine> out;
  read_lines(store,
             "SELECT application, rank, status, lot, award, reasons FROM allocations WHERE round_id = ? "
             "ORDER BY rank IS NULL, rank, application",
             round, [&](AllocationLine& l) { out.push_back(std::move(l)); });
  return out;
}

void each_allocation_line(Store& store, const std::string& round,
                          const std::function<void(const AllocationLine&)>& line) {
  read_lines(store,
             "SELECT application, rank, status, lot, award, reasons FROM allocations WHERE round_id = ? "
             "ORDER BY application",
             round, line);
}

bool has_allocation(Store& store, const std::string& round) {
  SQLite::Statement q(store.db(), "SELECT 1 FROM allocations WHERE round_id = ? LIMIT 1");
  q.bind(1, round);
  return q.executeStep();
}

}  // namespace competition
