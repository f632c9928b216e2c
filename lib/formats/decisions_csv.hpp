// The bundle's decisions.csv (docs/bundle.md: "decisions.csv when the
// commission recorded decisions (in log order)"): every decision entry logged
// before the exported allocation, one row each, so that `audit bundle` can
// reduce them again (commission.hpp) and check the decision record's
// `decisions`. Columns: n,kind,applications,award,reason,recorded_at,undoes,undone_by
// (`applications` joined with `|`; an absent value empty). Canonical CSV
// (csv_writer.hpp): UTF-8, `,`, LF, text verbatim.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "formats/csv_writer.hpp"
#include "values/commission_decision.hpp"
#include "values/diagnostic.hpp"

namespace competition {

// The one writer of these columns: the bundle's file (canonical, the default)
// and `competition decisions --format csv` (`CsvStyle::people(--excel)`), so
// that an auditor finds the same rows in both.
std::string decisions_csv(const std::vector<CommissionDecision>& decisions,
                          const CsvStyle& style = CsvStyle::canonical());

// Reads decisions.csv back. `undone_by` is derived again from the `undoes`
// column (as read_decisions derives it from the log); a row whose `undone_by`
// cell says otherwise, a bad cell, a number out of sequence or an `undoes` that
// names no earlier decision is an error appended to `errors`.
std::vector<CommissionDecision> parse_decisions_csv(std::string_view bytes, const std::string& file,
                                                    std::vector<Diagnostic>& errors);

}  // namespace competition
