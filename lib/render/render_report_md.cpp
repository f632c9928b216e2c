// docs/report.md "md".
#include "render/render_report.hpp"
#include "render/report_style.hpp"

namespace competition {

// Markdown-escapes text that comes from data or holds the planned mark, so that
// `|` cannot split a cell and `*` cannot start a list or an emphasis.
static std::string md_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '|' || c == '*' || c == '_' || c == '`' || c == '<' || c == '[' || c == ']') out += '\\';
    out += c;
  }
  return out;
}

// docs/report.md "md": a Markdown table and the summary as a list.
std::string render_report_md(const ReportTable& t, Lang lang) {
  std::string out = "# " + md_escape(report_title(t, lang)) + "\n\n";
  out += "| " + md_escape(indicators_heading(lang)) + " |";
  for (const auto& row : t.years) out += " " + std::to_string(row.year) + " |";
  out += "\n| --- |";
  for (std::size_t i = 0; i < t.years.size(); ++i) out += " ---: |";
  out += "\n";
  for (Indicator i : shown_indicators(t)) {
    out += "| " + md_escape(indicator_label(i, lang)) + " |";
    for (const auto& row : t.years) out += " " + md_escape(year_cell(row, i, lang)) + " |";
    out += "\n";
  }
  for (const auto& note : report_notes(t, lang)) out += "\n" + md_escape(note) + "\n";
  std::string heading = summary_heading(t, lang);
  if (!heading.empty() && heading.back() == ':') heading.pop_back();
  out += "\n## " + md_escape(heading) + "\n\n";
  for (const auto& s : summary_sentences(t, lang)) out += "- " + md_escape(s) + "\n";
  return out;
}

}  // namespace competition
