// docs/formats.md "outcomes.csv": the cells of each row checked by themselves and
// against the file's earlier rows (a repeated application), without a store.
// Whether the application is in the round and got money is the importer's,
// checked between the two steps below so that its problems come in cell order.
#pragma once
#include <string>
#include <vector>

#include "base/string_index.hpp"
#include "formats/csv_row_reader.hpp"
#include "values/model.hpp"

namespace competition {

// The columns of outcomes.csv: application, clients, jobs, volunteers, attracted, received_on.
extern const std::vector<ColumnSpec> outcome_columns;

// Parses the rows of one file in order.
class OutcomeRowParser {
 public:
  // The application id of row `r` (first cell), checked as an id and for a repeat.
  std::string application(RowReader& r);
  // The other cells of row `r` into `out`.
  static void values(RowReader& r, Outcome& out);

 private:
  StringIndex<int> seen_;  // application -> line of its first row
};

}  // namespace competition
