// `competition audit history` (docs/cli.md "audit"): checks the imported historical
// table (docs/formats.md "history.csv") against itself. The coefficient (attracted /
// budget) and the cost per client ((budget + attracted) / clients, in UAH) are
// recomputed exactly from the raw columns (docs/rules.md §6) and compared with the
// published text values within half a unit of the published value's last
// decimal place; winners above participants is a finding; winners with a zero
// budget are a note. A pure function over the rows; render/render_history_audit.hpp words it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "values/model.hpp"
#include "values/rational.hpp"

namespace competition {

// A mismatch or a violation (docs/cli.md "audit history": `findings`).
struct HistoryFinding {
  int year = 0;
  std::string indicator;             // winners | coefficient | cost_per_client
  std::string published;             // the published text; for `winners` the winners count
  std::optional<Rational> computed;  // exact; none when undefined (zero budget or clients) and for `winners`
  std::int64_t participants = 0;     // for `winners`: the bound it exceeds (for the words)
};

// What is worth knowing but not wrong (docs/cli.md "audit history": `notes`): `unfunded_winners`.
struct HistoryNote {
  int year = 0;
  std::string note;
  std::int64_t winners = 0;
  std::string published_note;  // the row's note column (Kharkiv 2014: `безфін.`)
};

struct HistoryAudit {
  int from = 0;
  int to = 0;
  int years = 0;                         // history years checked
  std::vector<HistoryFinding> findings;  // by year; within a year in report row order
  std::vector<HistoryNote> notes;        // by year
  bool ok() const { return findings.empty(); }
};

// docs/cli.md "audit history": true when `computed` differs from the published
// decimal text by more than half a unit of its last decimal place (`9.8`: 0.05,
// `6.00`: 0.005, `18`: 0.5), compared exactly; exactly half a unit is no finding.
// A published text that is not a decimal number is always a mismatch.
[[nodiscard]] bool outside_published_precision(const Rational& computed, std::string_view published);

// Every history row in [from, to] (a missing bound: the first or last history
// year). Throws Error(invalid) when there is no history at all, when from > to,
// or when the range holds no history year.
[[nodiscard]] HistoryAudit audit_history(const std::vector<HistoryYear>& rows, std::optional<int> from = std::nullopt,
                                         std::optional<int> to = std::nullopt);

}  // namespace competition
