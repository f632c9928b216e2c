// A workbook input as the rows a CSV input gives (docs/formats.md "Workbooks
// (.xlsx)"): row 1 of the first worksheet is the header, every later row with
// a value is a record whose line is its row number and whose fields are its
// cells from column A to the header's last named column, each turned into
// the text a CSV cell would hold. Every kind then validates these rows with
// the same code as its CSV rows.
#pragma once
#include <string>
#include <string_view>
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
};

// Reads the first worksheet; a file that is not a valid workbook (or is a
// `.xls` or an encrypted workbook) throws Error(invalid) naming `file`.
XlsxTable read_xlsx_table(std::string_view bytes, const std::string& file);

}  // namespace competition
