// docs/report.md "Formats": the renderers of the yearly indicators report, one file
// per format (render_report_<format>.cpp), all over the one table model of
// indicators.hpp. Values are exact until these functions format them.
#pragma once
#include <string>
#include <vector>

#include "engine/indicators.hpp"
#include "values/lang.hpp"

namespace competition {

// docs/report.md "text": an aligned table for a terminal, the notes and the summary.
std::string render_report_text(const ReportTable& t, Lang lang);
// docs/report.md "md": a Markdown table, the notes and the summary as a list.
std::string render_report_md(const ReportTable& t, Lang lang);
// docs/report.md "csv": one row per year and a `total` row; docs/cli.md CSV rules (`excel`: --excel).
std::string render_report_csv(const ReportTable& t, bool excel);
// docs/report.md "json".
std::string render_report_json(const ReportTable& t);
// docs/report.md "html": one self-contained page with the table, the summary and SVG charts.
std::string render_report_html(const ReportTable& t, Lang lang);
// docs/report.md "xlsx": writes the workbook to `path` (through a temporary file
// renamed into place), never onto `database` or its companions (Error(invalid));
// Error(io) when it cannot. A text longer than a cell holds (32 767 characters)
// is cut to it, ending with `…`; the warnings name each year's note so cut.
[[nodiscard]] std::vector<std::string> write_report_xlsx(const ReportTable& t, Lang lang, const std::string& path,
                                                         const std::string& database);

}  // namespace competition
