// docs/formats.md "history.csv": each row checked by itself and against the file's
// earlier rows (a repeated year), without a store. A year already stored with
// other values is the importer's.
#pragma once
#include <vector>

#include "base/string_index.hpp"
#include "formats/csv_row_reader.hpp"
#include "values/model.hpp"

namespace competition {

// The columns of history.csv, in order.
extern const std::vector<ColumnSpec> history_columns;

// Parses the rows of one file in order.
class HistoryRowParser {
 public:
  // The year of row `r`; its problems are reported through `r`.
  HistoryYear parse(RowReader& r);

 private:
  StringIndex<int> seen_;  // year -> line of its first row
};

}  // namespace competition
