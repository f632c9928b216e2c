// A reviewer's score sheet (docs/cli.md "sheets", docs/formats.md "Score
// sheets"): the applications assigned to the reviewer with the cells to fill,
// as a workbook for Excel or as a CSV that Excel opens; both are read back by
// `import reviews`.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "values/lang.hpp"
#include "values/money.hpp"
#include "values/rational.hpp"
#include "values/rules.hpp"

namespace competition {

struct ScoreSheetRow {
  std::string application;
  std::string organisation;
  std::string title;
  std::string category;
  Money requested;
  Money cofinancing;
  std::vector<Rational> scores;  // the stored review's, in rules order; empty: not reviewed yet
  std::string comment;
};

struct ScoreSheet {
  std::string round;
  std::string reviewer;
  std::vector<Criterion> criteria;  // rules order
  std::vector<ScoreSheetRow> rows;  // by application id
};

// The sheet's columns: application, organisation, title, category,
// requested, cofinancing, one per criterion id, comment.
[[nodiscard]] std::vector<std::string> score_sheet_columns(const ScoreSheet& sheet);

// The workbook: the table (header frozen, protected except the score and
// comment cells, each score cell validated), the criteria and how to fill the
// sheet in `lang`, and the defined names competition_round and
// competition_reviewer. Written to `path` as write_workbook does.
void write_score_sheet_xlsx(const ScoreSheet& sheet, Lang lang, const std::string& path, const std::string& database);

// The CSV: the same columns, then round and reviewer; UTF-8 with BOM, `;`,
// decimal comma, text verbatim (read back, so no formula neutralising).
[[nodiscard]] std::string render_score_sheet_csv(const ScoreSheet& sheet);

}  // namespace competition
