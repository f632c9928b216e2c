// docs/formats.md "applications.csv": each row checked by itself and against the
// file's earlier rows (a repeated id), without a store. What needs the store
// (an id already in the round with other values) is the importer's.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/string_index.hpp"
#include "formats/csv_row_reader.hpp"
#include "values/diagnostic.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

// The columns of applications.csv, in order.
extern const std::vector<ColumnSpec> application_columns;

// Parses the rows of one file in order; `round` names the round in messages.
class ApplicationRowParser {
 public:
  ApplicationRowParser(const Rules& rules, std::string round) : rules_(rules), round_(std::move(round)) {}
  // The application of row `r`; its problems are reported through `r` (r.ok
  // is false when the row is invalid).
  Application parse(RowReader& r);

 private:
  const Rules& rules_;
  std::string round_;
  StringIndex<int> seen_;  // id -> line of its first row
};

// The row parsing of `import` without a store, for files the program reads
// back (the canonical CSVs of a bundle, docs/bundle.md; `audit
// bundle`): UTF-8, `,`; every cell validated as an import validates it.
// Problems are appended to `errors` (up to 100); the rows returned are those
// without errors. A final `input_order` column is required when the rules use
// that key (and refused otherwise, like any unknown column); without it
// input_order is the row position. `each`, when given, sees every row
// returned as it is read (and may change it).
std::vector<Application> parse_applications_csv(std::string_view bytes, const Rules& rules, const std::string& file,
                                                std::vector<Diagnostic>& errors,
                                                const std::function<void(Application&)>& each = {});

}  // namespace competition
