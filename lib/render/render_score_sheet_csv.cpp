// docs/cli.md "sheets" `--format csv`: the score sheet as a CSV that Excel opens.
#include "formats/csv_writer.hpp"
#include "render/render_score_sheet.hpp"

namespace competition {

std::vector<std::string> score_sheet_columns(const ScoreSheet& sheet) {
  std::vector<std::string> columns = {"application", "organisation", "title", "category", "requested", "cofinancing"};
  for (const Criterion& c : sheet.criteria) columns.push_back(c.id);
  columns.emplace_back("comment");
  return columns;
}

std::string render_score_sheet_csv(const ScoreSheet& sheet) {
  CsvStyle style = CsvStyle::people(true);
  style.neutralise_formulas = false;  // read back by `import reviews`: text verbatim
  CsvWriter w(style);
  for (const std::string& c : score_sheet_columns(sheet)) w.text(c);
  w.text("round").text("reviewer").end_row();
  for (const ScoreSheetRow& row : sheet.rows) {
    w.text(row.application).text(row.organisation).text(row.title).text(row.category);
    w.number(row.requested.to_string()).number(row.cofinancing.to_string());
    for (std::size_t c = 0; c < sheet.criteria.size(); ++c) {
      if (c < row.scores.size())
        w.number(row.scores[c].to_decimal());
      else
        w.empty();
    }
    w.text(row.comment).text(sheet.round).text(sheet.reviewer).end_row();
  }
  return w.str();
}

}  // namespace competition
