#include "store/ledger_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_changed{
    .uk = "{} {} уже збережено з іншими значеннями ({}); щоб оновити, додайте --replace",
    .en = "{} {} is already stored with other values ({}); use --replace to update it"};
constexpr PerLang<const char*> w_agreement_of{.uk = "договір щодо", .en = "the agreement of"};
constexpr PerLang<const char*> w_payment{.uk = "платіж", .en = "payment"};

std::vector<Agreement> stored_agreements(Store& store, const std::string& round) {
  SQLite::Statement q(store.db(),
                      "SELECT application, number, signed_on, amount, report_due FROM agreements WHERE round_id = ? "
                      "ORDER BY application");
  q.bind(1, round);
  std::vector<Agreement> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   Money::from_kopiykas(q.getColumn(3).getInt64()), q.getColumn(4).getString()});
  return out;
}

std::vector<Payment> stored_payments(Store& store, const std::string& round) {
  SQLite::Statement q(store.db(),
                      "SELECT application, reference, paid_on, amount, kind FROM payments WHERE round_id = ? "
                      "ORDER BY application, reference");
  q.bind(1, round);
  std::vector<Payment> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   Money::from_kopiykas(q.getColumn(3).getInt64()), q.getColumn(4).getString() == "refund"});
  return out;
}

std::map<std::string, Money> stored_awards(Store& store, const std::string& round) {
  SQLite::Statement q(store.db(), "SELECT application, award FROM allocations WHERE round_id = ? AND award > 0");
  q.bind(1, round);
  std::map<std::string, Money> out;
  while (q.executeStep()) out.emplace(q.getColumn(0).getString(), Money::from_kopiykas(q.getColumn(1).getInt64()));
  return out;
}

std::map<std::string, std::string> stored_reports(Store& store, const std::string& round) {
  std::map<std::string, std::string> out;
  for (Outcome& o : store.outcomes(round))
    if (o.received_on) out.emplace(std::move(o.application), std::move(*o.received_on));
  return out;
}

namespace {

// The upsert of rows keyed by `key_of`, compared field by field by `changes`
// with the stored row of their key and written by `put`.
template <class Row, class Key, class Changes, class Put>
void upsert_rows(const std::vector<Row>& stored, const std::vector<std::pair<Row, int>>& rows, bool replace,
                 ImportSummary& s, DiagnosticSink& conflicts, Key&& key_of, Changes&& changes, Put&& put,
                 const PerLang<const char*>& what, int column, const char* field) {
  std::map<std::string, const Row*> existing;
  for (const Row& x : stored) existing.emplace(key_of(x), &x);
  for (const auto& [row, line] : rows) {
    std::optional<std::string> changed;
    if (auto it = existing.find(key_of(row)); it != existing.end()) changed = changes(row, *it->second);
    settle_upsert(
        s, changed, replace,
        [&, &row = row, line = line](const std::string& diff) {
          conflicts.add(line, column, field, say(w_changed, what, key_of(row), diff), ErrorKind::conflict);
        },
        [&, &row = row](Upsert) { put(row); });
  }
}

}  // namespace

void write_agreements(Store& store, const std::string& round, const std::vector<std::pair<Agreement, int>>& rows,
                      bool replace, ImportSummary& s, DiagnosticSink& conflicts) {
  SQLite::Statement put(store.db(),
                        "INSERT OR REPLACE INTO agreements (round_id, application, number, signed_on, amount, "
                        "report_due) VALUES (?,?,?,?,?,?)");
  upsert_rows(
      stored_agreements(store, round), rows, replace, s, conflicts, [](const Agreement& a) { return a.application; },
      [](const Agreement& x, const Agreement& b) {
        return changed_fields({{"number", x.number == b.number},
                               {"signed_on", x.signed_on == b.signed_on},
                               {"amount", x.amount == b.amount},
                               {"report_due", x.report_due == b.report_due}});
      },
      [&](const Agreement& a) {
        put.reset();
        put.bind(1, round);
        put.bind(2, a.application);
        put.bind(3, a.number);
        put.bind(4, a.signed_on);
        put.bind(5, a.amount.kopiykas());
        put.bind(6, a.report_due);
        put.exec();
      },
      w_agreement_of, 1, "application");
}

void write_payments(Store& store, const std::string& round, const std::vector<std::pair<Payment, int>>& rows,
                    bool replace, ImportSummary& s, DiagnosticSink& conflicts) {
  SQLite::Statement put(store.db(),
                        "INSERT OR REPLACE INTO payments (round_id, reference, application, paid_on, amount, kind) "
                        "VALUES (?,?,?,?,?,?)");
  upsert_rows(
      stored_payments(store, round), rows, replace, s, conflicts, [](const Payment& p) { return p.reference; },
      [](const Payment& x, const Payment& b) {
        return changed_fields({{"application", x.application == b.application},
                               {"paid_on", x.paid_on == b.paid_on},
                               {"amount", x.amount == b.amount},
                               {"kind", x.refund == b.refund}});
      },
      [&](const Payment& p) {
        put.reset();
        put.bind(1, round);
        put.bind(2, p.reference);
        put.bind(3, p.application);
        put.bind(4, p.paid_on);
        put.bind(5, p.amount.kopiykas());
        put.bind(6, p.refund ? "refund" : "payment");
        put.exec();
      },
      w_payment, 2, "reference");
}

std::vector<MoneyTable> stored_money_tables(Store& store, const std::string& round) {
  return money_tables(stored_agreements(store, round), stored_payments(store, round), store.outcomes(round));
}

}  // namespace competition
