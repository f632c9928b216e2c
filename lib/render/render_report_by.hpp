// docs/report.md "By category" and "By service": the renderers of
// `report --by category|service`. The text, Markdown, CSV and JSON forms are in
// render_report_by_<table>.cpp; the HTML and XLSX forms beside the main
// report's (render_report_html.cpp, render_report_xlsx.cpp), whose style they share.
#pragma once
#include <string>
#include <vector>

#include "engine/category_report.hpp"
#include "engine/service_report.hpp"
#include "values/lang.hpp"

namespace competition {

// docs/report.md "By category": a table per year (a row per category, then the
// total), the notes under them.
std::string render_category_text(const CategoryTable& t, Lang lang);
std::string render_category_md(const CategoryTable& t, Lang lang);
// `year,category,label,` then the keys; a `total` row per year (category `total`, label empty).
std::string render_category_csv(const CategoryTable& t, bool excel);
// {"by": "category", "years": [{"year", "rows": [...], "total": {...}}]}; labels are the lots' names.
std::string render_category_json(const CategoryTable& t);
// One page: per year the table and a bar chart of budget and attracted funds by category.
std::string render_category_html(const CategoryTable& t, Lang lang);
// One sheet per year, numbers as numbers; as write_report_xlsx.
void write_category_xlsx(const CategoryTable& t, Lang lang, const std::string& path, const std::string& database);

// docs/report.md "By service": per year, the services most provided first.
std::string render_service_text(const ServiceTable& t, Lang lang);
std::string render_service_md(const ServiceTable& t, Lang lang);
// `year,service,label,organisations,share`.
std::string render_service_csv(const ServiceTable& t, Lang lang, bool excel);
// {"by": "service", "years": [{"year", "organisations", "rows": [...]}]}.
std::string render_service_json(const ServiceTable& t, Lang lang);
std::string render_service_html(const ServiceTable& t, Lang lang);
void write_service_xlsx(const ServiceTable& t, Lang lang, const std::string& path, const std::string& database);

}  // namespace competition
