// docs/report.md "md".
#include "render/markdown_table.hpp"
#include "render/render_report.hpp"
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

}  // namespace competition
