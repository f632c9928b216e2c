// docs/report.md "md".
#include "render/markdown_table.hpp"
#include "render/render_report.hpp"
#include "render/render_report_by.hpp"
#include "render/report_by_words.hpp"
#include "render/report_style.hpp"

namespace competition {

// docs/report.md "md": a Markdown table and the summary as a list.
std::string render_report_md(const ReportTable& t, Lang lang) {
  std::string out = "# " + md_cell(report_title(t, lang)) + "\n\n";
  out += "| " + md_cell(indicators_heading(lang)) + " |";
  for (const auto& row : t.years) out += " " + std::to_string(row.year) + " |";
  out += "\n| --- |";
  for (std::size_t i = 0; i < t.years.size(); ++i) out += " ---: |";
  out += "\n";
  for (Indicator i : shown_indicators(t)) {
    out += "| " + md_cell(indicator_label(i, lang)) + " |";
    for (const auto& row : t.years) out += " " + md_cell(year_cell(row, i, lang)) + " |";
    out += "\n";
  }
  for (const auto& note : report_notes(t, lang)) out += "\n" + md_cell(note) + "\n";
  std::string heading = summary_heading(t, lang);
  if (!heading.empty() && heading.back() == ':') heading.pop_back();
  out += "\n## " + md_cell(heading) + "\n\n";
  for (const auto& s : summary_sentences(t, lang)) out += "- " + md_cell(s) + "\n";
  return out;
}

namespace {

std::string md_row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const auto& c : cells) out += " " + md_cell(c) + " |";
  return out + "\n";
}

}  // namespace

// docs/report.md "By category": a Markdown table per year and the notes.
std::string render_category_md(const CategoryTable& t, Lang lang) {
  std::string out;
  for (const auto& y : t.years) {
    out += "## " + md_cell(category_title(y.year, y.year, lang)) + "\n\n" + md_row(category_columns(lang)) + "| --- |";
    for (std::size_t i = 0; i < std::size(category_indicators); ++i) out += " ---: |";
    out += "\n";
    std::vector<std::string> labels = shown_labels(y);
    for (std::size_t r = 0; r < y.rows.size(); ++r) out += md_row(category_cells(labels[r], y.rows[r].values, lang));
    out += md_row(category_cells(std::string(total_label(lang)), y.total, lang));
    if (y.without_categories()) out += "\n" + md_cell(no_categories_note(y.year, lang)) + "\n";
    out += "\n";
  }
  for (const auto& note : category_notes(t, lang)) out += md_cell(note) + "\n\n";
  return out;
}

// docs/report.md "By service": a Markdown table per year and the notes.
std::string render_service_md(const ServiceTable& t, Lang lang) {
  std::string out;
  for (const auto& y : t.years) {
    out += "## " + md_cell(service_title(y.year, y.year, lang)) + "\n\n" + md_row(service_columns(lang)) +
           "| --- | ---: | ---: |\n";
    for (const auto& row : y.rows) out += md_row(service_cells(row, lang));
    out += "\n" + md_cell(service_year_note(y, lang)) + "\n\n";
  }
  for (const auto& note : service_notes(t, lang)) out += md_cell(note) + "\n\n";
  return out;
}

}  // namespace competition
