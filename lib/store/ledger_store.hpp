// The tables after the decision (docs/cli.md "ledger"): agreements and
// payments read and written, the awards they answer to, and the `money`
// entries of the decision log that pin them (with the outcomes).
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "engine/money_entry.hpp"
#include "formats/diagnostic_sink.hpp"
#include "store/store.hpp"
#include "values/agreement.hpp"
#include "values/import_summary.hpp"

namespace competition {

// The round's agreements, by application; its payments, by application, then reference.
[[nodiscard]] std::vector<Agreement> stored_agreements(Store& store, const std::string& round);
[[nodiscard]] std::vector<Payment> stored_payments(Store& store, const std::string& round);
// The applications of the round with an award above zero in the stored allocation.
[[nodiscard]] std::map<std::string, Money> stored_awards(Store& store, const std::string& round);
// application -> received_on of the round's outcomes that have one.
[[nodiscard]] std::map<std::string, std::string> stored_reports(Store& store, const std::string& round);

// Writes the rows of a file (each with its line), keyed by application
// (agreements) or reference (payments): each compared with the stored row
// (values/upsert.hpp), counted in `s`; a stored row with other values without
// `replace` is a conflict reported to `conflicts` (the caller then rolls back).
// Inside a transaction.
void write_agreements(Store& store, const std::string& round, const std::vector<std::pair<Agreement, int>>& rows,
                      bool replace, ImportSummary& s, DiagnosticSink& conflicts);
void write_payments(Store& store, const std::string& round, const std::vector<std::pair<Payment, int>>& rows,
                    bool replace, ImportSummary& s, DiagnosticSink& conflicts);

// The round's agreements, outcomes and payments as its `money` entries pin
// them (engine/money_entry.hpp).
[[nodiscard]] std::vector<MoneyTable> stored_money_tables(Store& store, const std::string& round);

}  // namespace competition
