// The parts of a workbook that input needs (docs/formats.md "Workbooks
// (.xlsx)"): the first worksheet in the workbook's order, its cells as
// stored, the shared strings they index, the cells' number formats and the
// date system. Formulas, external links and macros are never evaluated.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace competition {

struct XlsxCell {
  int row = 0;     // 1-based
  int column = 0;  // 1-based (A = 1)
  // What the cell holds: text (shared, inline or a formula's string), a
  // number (its stored decimal text), a boolean, an error (`#N/A`), or a
  // formula without a cached value.
  enum class Type { text, number, boolean, error, uncached } type = Type::text;
  std::string value;
  bool date_format = false;  // a number whose number format shows a date
  int decimals = -1;         // the decimals its number format shows (-1: General and the like)
};

struct XlsxSheet {
  std::string name;
  bool date1904 = false;
  // The workbook's defined names of workbook scope, (name, formula text) in
  // the order stored: docs/formats.md "Score sheets" reads two of them.
  std::vector<std::pair<std::string, std::string>> defined_names;
  std::vector<XlsxCell> cells;  // in the order stored: rows ascending
};

// Reads the first worksheet of the workbook in `bytes`; anything that makes
// it not a workbook (see docs/formats.md) throws Error(invalid) naming `file`.
XlsxSheet read_first_sheet(std::string_view bytes, const std::string& file);

}  // namespace competition
