// docs/report.md "text".
#include "render/render_report.hpp"
#include "render/report_style.hpp"
#include "render/text_table.hpp"

namespace competition {

// docs/report.md "text": one column per year, one row per indicator, then the notes
// and the summary of the period.
std::string render_report_text(const ReportTable& t, Lang lang) {
  TextTable table;
  std::vector<std::string> header{std::string(indicators_heading(lang))};
  std::string align = "l";
  for (const auto& row : t.years) {
    header.push_back(std::to_string(row.year));
    align += 'r';
  }
  table.header(std::move(header), align);
  for (Indicator i : shown_indicators(t)) {
    std::vector<std::string> cells{std::string(indicator_label(i, lang))};
    for (const auto& row : t.years) cells.push_back(year_cell(row, i, lang));
    table.row(std::move(cells));
  }
  std::string out = report_title(t, lang) + "\n\n" + table.render() + "\n";
  for (const auto& note : report_notes(t, lang)) out += note + "\n";
  out += "\n" + summary_heading(t, lang) + "\n";
  for (const auto& s : summary_sentences(t, lang)) out += "- " + s + "\n";
  return out;
}

}  // namespace competition
