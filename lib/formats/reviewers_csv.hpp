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

// The columns of reviewers.csv: id, name, conflicts.
extern const std::vector<ColumnSpec> reviewer_columns;

// A conflicts cell as the store keeps it: its `|`-separated parts trimmed,
// empty parts dropped, joined by `|`.
std::string canonical_conflicts(std::string_view cell);

// Parses the rows of one file in order.
class ReviewerRowParser {
 public:
  // The reviewer of row `r`, its conflicts split from their canonical form;
  // problems are reported through `r`.
  Reviewer parse(RowReader& r);

 private:
  StringIndex<int> seen_;  // id -> line of its first row
};

// parse_applications_csv's counterpart for reviewers.csv (applications_csv.hpp).
std::vector<Reviewer> parse_reviewers_csv(std::string_view bytes, const std::string& file,
                                          std::vector<Diagnostic>& errors);

}  // namespace competition
