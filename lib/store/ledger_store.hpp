// The tables after the decision (docs/cli.md "ledger"): agreements and
// payments read and written, the awards they answer to, and the `money`
// entry of the decision log that pins them.
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

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

// docs/cli.md "ledger": the payload of a `money` entry, the SHA-256 of the
// canonical CSV of all the round's agreements and of all its payments:
// {"agreements": hex, "payments": hex}.
[[nodiscard]] nlohmann::ordered_json money_payload(const std::vector<Agreement>& agreements,
                                                   const std::vector<Payment>& payments);

}  // namespace competition
