// docs/formats.md "reviewers.csv": each row checked by itself and against the file's
// earlier rows (a repeated id), without a store. What needs the store (an id
// already in the round with other values) is the importer's.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/string_index.hpp"
#include "formats/csv_row_reader.hpp"
#include "values/diagnostic.hpp"
#include "values/model.hpp"

namespace competition {

// The columns of reviewers.csv: id, name, conflicts, categories, capacity.
extern const std::vector<ColumnSpec> reviewer_columns;

// Parses the rows of one file in order.
class ReviewerRowParser {
 public:
  // The reviewer of row `r`, its conflicts in canonical form
  // (values/conflicts.hpp); problems, among them a code that fails the
  // ЄДРПОУ check, are reported through `r`.
  Reviewer parse(RowReader& r);

 private:
  StringIndex<int> seen_;  // id -> line of its first row
};

// parse_applications_csv's counterpart for reviewers.csv (applications_csv.hpp).
std::vector<Reviewer> parse_reviewers_csv(std::string_view bytes, const std::string& file,
                                          std::vector<Diagnostic>& errors);

}  // namespace competition
