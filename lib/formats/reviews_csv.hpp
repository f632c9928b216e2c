// docs/formats.md "reviews.csv": the cells of each row checked by themselves,
// without a store. What needs the store (an unknown application or reviewer,
// a conflict of interest, a review already stored with other values) and the
// check for a repeated pair during an import are the importer's.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/csv_row_reader.hpp"
#include "values/diagnostic.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

// The columns of reviews.csv: application, reviewer, comment, then one per
// criterion of the rules (its id; every name as normalize_header gives it),
// then the optional columns of a score sheet (docs/formats.md "Score sheets"):
// organisation, title, category, requested and cofinancing (ignored) and
// round. `reviewer_required` false leaves the reviewer column optional (a
// sheet's workbook may name the reviewer instead).
std::vector<ColumnSpec> review_columns(const Rules& rules, bool reviewer_required = true);

// Positions in review_columns(): the reviewer, the first criterion, the sheet's `round`.
inline constexpr std::size_t review_reviewer_column = 1;
inline constexpr std::size_t review_first_criterion = 3;
std::size_t review_round_column(const Rules& rules);

// The first cells of row `r` into `rv` (reused row after row): application
// and reviewer ids and the comment; scores cleared, excluded false. With
// `sheet_reviewer` (a score sheet's defined name), a row without a reviewer
// cell is that reviewer's, and another reviewer in the cell is an error.
void parse_review_pair(RowReader& r, Review& rv, const std::optional<std::string>& sheet_reviewer = std::nullopt);

// docs/formats.md "Score sheets": a row whose score cells are all empty is not
// a review yet (the importer skips it and counts it as blank).
bool review_scores_blank(const RowReader& r, const Rules& rules);

// The criteria cells of row `r` into rv.scores, each in its criterion's range
// and on its step, and their stored form into `encoded`: the `reviews.scores`
// column, `id=value;…` in the rules' criteria order, each value as
// Rational::to_decimal(4) writes it.
void parse_review_scores(RowReader& r, const Rules& rules, Review& rv, std::string& encoded);

// Each row of a reviews.csv the program wrote (read_back_rows) parsed by
// itself into `rv` (reused row after row): `pair(r, rv)` sees the row once its
// application and reviewer are read, may report on them, and returns false
// to stop the reading (`errors` is then left as it was); `review(rv)` gets
// every row without errors, in file order.
void read_back_reviews(std::string_view bytes, const Rules& rules, const std::string& file,
                       std::vector<Diagnostic>& errors, const std::function<bool(RowReader&, const Review&)>& pair,
                       const std::function<void(Review&)>& review);

// parse_applications_csv's counterpart for reviews.csv (applications_csv.hpp):
// a repeated application-reviewer pair is an error too.
std::vector<Review> parse_reviews_csv(std::string_view bytes, const Rules& rules, const std::string& file,
                                      std::vector<Diagnostic>& errors);

}  // namespace competition
