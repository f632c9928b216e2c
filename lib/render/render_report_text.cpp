// docs/report.md "text".
#include "render/render_report.hpp"
#include "render/render_report_by.hpp"
#include "render/report_by_words.hpp"
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

// docs/report.md "By category": a table per year, a row per category and the total.
std::string render_category_text(const CategoryTable& t, Lang lang) {
  std::string out;
  for (const auto& y : t.years) {
    TextTable table;
    table.header(category_columns(lang), "lrrrrrrrrr");
    std::vector<std::string> labels = shown_labels(y);
    for (std::size_t r = 0; r < y.rows.size(); ++r) table.row(category_cells(labels[r], y.rows[r].values, lang));
    table.row(category_cells(std::string(total_label(lang)), y.total, lang));
    out += category_title(y.year, y.year, lang) + "\n\n" + table.render() + "\n";
    if (y.without_categories()) out += no_categories_note(y.year, lang) + "\n\n";
  }
  for (const auto& note : category_notes(t, lang)) out += note + "\n";
  return out;
}

// docs/report.md "By service": a table per year, the services most provided first.
std::string render_service_text(const ServiceTable& t, Lang lang) {
  std::string out;
  for (const auto& y : t.years) {
    TextTable table;
    table.header(service_columns(lang), "lrr");
    for (const auto& row : y.rows) table.row(service_cells(row, lang));
    out += service_title(y.year, y.year, lang) + "\n\n" + table.render() + "\n" + service_year_note(y, lang) + "\n\n";
  }
  for (const auto& note : service_notes(t, lang)) out += note + "\n";
  return out;
}

}  // namespace competition
