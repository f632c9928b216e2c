// The cells of one CSV input row read by column (docs/formats.md "CSV inputs"):
// the header mapped onto a kind's columns, and each cell checked as an id, a
// text, an amount or a count, every problem reported at its line and column.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "base/string_index.hpp"
#include "base/text.hpp"
#include "formats/csv_reader.hpp"
#include "formats/diagnostic_sink.hpp"
#include "values/message.hpp"
#include "values/money.hpp"

namespace competition {

struct ColumnSpec {
  std::string name;
  bool required;
};

// "required column \"NAME\" is missing from the header".
Message missing_column_message(std::string_view name);

// Maps the header onto the kind's columns; -1 for an absent optional column.
// Unknown columns are errors unless prefixed `x_`; a column named twice is an error.
std::vector<int> map_columns(const std::vector<std::string>& header, const std::vector<ColumnSpec>& specs,
                             int header_line, DiagnosticSink& sink);

// One data row being validated: reads cells by column spec index and reports
// problems at the cell's line and column.
struct RowReader {
  const CsvRecord& rec;
  const std::vector<int>& index;
  const std::vector<ColumnSpec>& specs;
  DiagnosticSink& sink;
  bool ok = true;

  bool present(std::size_t k) const { return index[k] >= 0; }
  int column(std::size_t k) const { return index[k] + 1; }
  int line(std::size_t k) const {
    if (index[k] < 0) return rec.line;
    const auto i = static_cast<std::size_t>(index[k]);
    return i < rec.field_lines.size() ? rec.field_lines[i] : rec.line;
  }
  // The cell, trimmed; empty for an absent column.
  std::string_view cell(std::size_t k) const {
    return index[k] >= 0 ? trim(rec.fields[static_cast<std::size_t>(index[k])]) : std::string_view{};
  }
  // A problem of cell k; an invalid one makes the row not ok (a conflict does not).
  void error(std::size_t k, Message message, ErrorKind kind = ErrorKind::invalid);
  // The cell trimmed; "must not be empty" when a required one is.
  std::string text(std::size_t k);
  // 1-64 characters of A-Z a-z 0-9 . _ / -
  std::string id(std::size_t k);
  // An amount (money.hpp); nullopt when empty or invalid.
  std::optional<Money> money(std::size_t k);
  // A non-negative whole number, thousands may be grouped by spaces; nullopt when empty or invalid.
  std::optional<std::int64_t> count(std::size_t k);
  // A day (values/dates.hpp canonical_date) as YYYY-MM-DD; nullopt when empty or invalid.
  std::optional<std::string> date(std::size_t k);
};

// Where cell k of the row at `line` is, for a message about another row: `on
// line 3`, or in a workbook `at applications.xlsx:Заявки!A3` (docs/formats.md
// "Workbooks (.xlsx)": a workbook has cells, not lines).
[[nodiscard]] Message place_of(const RowReader& r, int line, std::size_t k);

inline constexpr PerLang<const char*> duplicate_key_words{.uk = "повтор: {} (уперше {})",
                                                          .en = "duplicate {} (first {})"};

// A key (an id, an application-reviewer pair, a year) may appear once per
// file: a repeated one is reported at cell k, naming where its first row is
// (`first_line`). `what()` describes the key; it is built only for a repeat.
// check_unique records the key in `seen`; empty keys are not checked (their
// cell has its own error).
template <class What>
void report_duplicate(int first_line, RowReader& r, std::size_t k, What&& what) {
  const Message key = what();
  r.error(k, say(duplicate_key_words, Message(shown(key.uk), shown(key.en)), place_of(r, first_line, k)));
}
template <class What>
void check_unique(StringIndex<int>& seen, std::string_view key, RowReader& r, std::size_t k, What&& what) {
  if (key.empty()) return;
  if (auto [first, fresh] = seen.emplace(key, r.rec.line); !fresh) report_duplicate(*first, r, k, what);
}

}  // namespace competition
