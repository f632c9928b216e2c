// A workbook input as the rows a CSV input gives (docs/formats.md "Workbooks
// (.xlsx)"): row 1 of the first worksheet is the header, every later row with
// a value is a record whose line is its row number and whose fields are its
// cells from column A to the header's last named column, each turned into
// the text a CSV cell would hold. Every kind then validates these rows with
// the same code as its CSV rows.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "formats/csv_reader.hpp"
#include "values/diagnostic.hpp"

namespace competition {

struct XlsxTable {
  std::string sheet;
  CsvRecord header;
  std::vector<CsvRecord> rows;
  // Cells that cannot be a CSV cell's text (a boolean, an error value, a
  // fraction in a code column, a date outside a date column, …), located
  // at the sheet's row (line) and column.
  std::vector<Diagnostic> problems;
  // The workbook's defined names whose formula is a text constant (`"esm-2018"`),
  // as (name, text): a score sheet's round and reviewer (docs/formats.md "Score sheets").
  std::vector<std::pair<std::string, std::string>> text_names;
};

// Reads the first worksheet; a file that is not a valid workbook (or is a
// `.xls` or an encrypted workbook) throws Error(invalid) naming `file`.
XlsxTable read_xlsx_table(std::string_view bytes, const std::string& file);

// The text of a defined name's formula that is a text constant (`"a""b"` →
// `a"b`, an optional leading `=` allowed); nullopt for any other formula.
std::optional<std::string> xlsx_text_constant(std::string_view formula);

}  // namespace competition
