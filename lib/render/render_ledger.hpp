// The output of `competition ledger` (docs/cli.md "ledger"): per winner its
// award, agreement, paid, still to pay, report due and received, and state,
// with totals.
#pragma once
#include <string>
#include <vector>

#include "engine/ledger.hpp"
#include "formats/csv_writer.hpp"
#include "values/lang.hpp"

namespace competition {

[[nodiscard]] std::string render_ledger_text(const Ledger& l, Lang lang);
[[nodiscard]] std::string render_ledger_md(const Ledger& l, Lang lang);
// `application,award,agreement,agreed,paid,to_pay,report_due,report_received,state` rows (no totals row).
[[nodiscard]] std::string render_ledger_csv(const Ledger& l, const CsvStyle& style);
[[nodiscard]] std::string render_ledger_json(const Ledger& l);
// A workbook with one sheet: the table and its totals row, money as number
// cells; written through OutputFile (a temporary file renamed into place).
void write_ledger_xlsx(const Ledger& l, Lang lang, const std::string& path, const std::string& database);

}  // namespace competition
