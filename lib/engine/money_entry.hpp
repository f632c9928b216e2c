// The `money` entry of the decision log (docs/audit.md "Agreements and payments"):
// what an import of agreements, payments or outcomes records in the round's
// hash chain, and `audit`'s comparison of the tables with it. Each table is
// pinned by the SHA-256 of its canonical CSV and each row by a digest, so that
// `audit` names the rows edited after the entry and how (added, changed, removed).
#pragma once
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/audit_compare.hpp"
#include "values/agreement.hpp"
#include "values/log_entry.hpp"
#include "values/model.hpp"

namespace competition {

// One row of a table after the decision: the application it is of, and its
// line of the table's canonical CSV (docs/bundle.md).
struct MoneyRow {
  std::string application;
  std::string line;
};

// One table: `agreements`, `outcomes` or `payments`, the hex SHA-256 of its
// canonical CSV, and its rows by key (the application; a payment's reference).
struct MoneyTable {
  std::string name;
  std::string sha256;
  std::map<std::string, MoneyRow> rows;
  bool keyed_by_application = true;  // false for payments
};

// The three tables of a round, in payload order: agreements, outcomes, payments.
[[nodiscard]] std::vector<MoneyTable> money_tables(const std::vector<Agreement>& agreements,
                                                   const std::vector<Payment>& payments,
                                                   const std::vector<Outcome>& outcomes);

// The payload of a `money` entry: {"agreements": hex, "outcomes": hex,
// "payments": hex, "rows": {TABLE: {KEY: digest}}}, a row's digest being the
// first 16 hex digits of the SHA-256 of its canonical line.
[[nodiscard]] nlohmann::ordered_json money_payload(const std::vector<MoneyTable>& tables);

// A row's digest as the payload holds it.
[[nodiscard]] std::string money_row_digest(const MoneyRow& row);

// The payload of the last `money` entry of `entries` that logs `table`, with
// its seq; none when no entry does (an entry of an earlier version logs
// agreements and payments only; one that is not JSON the chain check reports).
struct LoggedMoney {
  nlohmann::ordered_json payload;
  std::int64_t seq = 0;
};
[[nodiscard]] std::optional<LoggedMoney> last_logged_money(const std::vector<LogEntry>& entries,
                                                           const std::string& table);

// One table against the payload of the last entry that logs it (none: no
// entry logs it). Differences: TABLE (stored: the table's hash now; computed:
// the logged one) and, when these differ and the entry logs its rows, per row
// `TABLE.KEY.row` (stored: the row's canonical line now, none when removed;
// computed: its logged digest, none when added after the entry). A logged hash
// that is not a string is a problem `log.SEQ.TABLE`.
void compare_money_entry(const MoneyTable& now, const nlohmann::ordered_json* logged, std::int64_t seq,
                         std::vector<Difference>& out);

}  // namespace competition
