// docs/report.md "html".
#include <fmt/format.h>

#include "render/html.hpp"
#include "render/render_report.hpp"
#include "render/render_report_by.hpp"
#include "render/report_by_words.hpp"
#include "render/report_style.hpp"
#include "render/svg_chart.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

// The page's only style sheet: inline, so the file stands alone.
// The page's only style sheet: inline, so the file stands alone. On screen the
// wide table scrolls with its label column kept in view; on paper (docs/report.md
// "html") it is A4 landscape, whole, its header row repeated on every page and
// no row split across pages. Headers wrap between words only; numbers never.
constexpr const char* style =
    R"(@page { size: A4 landscape; margin: 10mm 8mm; }
body { margin: 0; background: #eef1f5; color: #222; font: 15px/1.45 "DejaVu Sans", "Segoe UI", Arial, sans-serif; }
main { max-width: 1400px; margin: 0 auto; padding: 24px 20px 40px; background: #fff; }
h1 { font-size: 24px; margin: 0 0 18px; color: #1d3d6b; }
h2 { font-size: 19px; margin: 30px 0 10px; color: #1d3d6b; break-after: avoid; page-break-after: avoid; }
.table-wrap { overflow-x: auto; border: 1px solid #d5dae2; }
table { border-collapse: collapse; font-size: 12px; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { padding: 5px 5px; border-bottom: 1px solid #e3e6eb; }
th { overflow-wrap: normal; word-break: normal; hyphens: none; }
td { white-space: nowrap; text-align: right; }
thead th { background: #1d3d6b; color: #fff; text-align: right; white-space: nowrap; }
thead th:first-child { text-align: left; position: sticky; left: 0; z-index: 2; }
tbody th { text-align: left; font-weight: normal; min-width: 210px; position: sticky; left: 0; z-index: 1; background: #fff; box-shadow: 1px 0 0 #d5dae2; }
tbody tr:nth-child(even) td, tbody tr:nth-child(even) th { background: #f5f7fa; }
td.na { color: #999; }
td .note { color: #666; font-size: 11px; }
.notes p { margin: 6px 0; color: #555; font-size: 13px; }
.summary ul { margin: 0; padding-left: 22px; }
.summary li { margin: 3px 0; }
figure { margin: 20px 0; break-inside: avoid; page-break-inside: avoid; }
svg.chart { display: block; width: 100%; max-width: 1100px; height: auto; border: 1px solid #e3e6eb; }
@media print {
  body { background: #fff; font-size: 10pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 14pt; margin: 0 0 3mm; }
  h2 { font-size: 12pt; margin: 5mm 0 2mm; }
  .table-wrap { overflow: visible; border: none; }
  table { width: 100%; font-size: 7.5pt; line-height: 1.2; }
  th, td { padding: 0.5mm 0.6mm; border-bottom: 0.4pt solid #bbb; }
  tbody th { position: static; min-width: 0; width: 46mm; box-shadow: none; }
  thead th:first-child { position: static; }
  td .note { font-size: 6pt; }
  .notes p, .summary li { font-size: 9pt; }
  figure { margin: 3mm 0; }
  svg.chart { max-width: 190mm; margin: 0 auto; }
}
)";

// The series of indicator `i` over the table's years, with its planned marks.
ChartSeries series_of(const ReportTable& t, std::string name, std::string colour, Indicator i,
                      std::optional<Rational> (*value)(const YearRow&)) {
  ChartSeries out{std::move(name), std::move(colour), {}};
  for (const auto& row : t.years) {
    out.values.push_back(value(row));
    out.planned.push_back(row.is_planned(i));
  }
  return out;
}

struct ChartWords {
  const char* funds;  // the charts' titles and series
  const char* budget;
  const char* attracted;
  const char* clients_per_year;
  const char* clients;
  const char* coefficient_title;
  const char* coefficient;
  const char* dynamics;  // the heading of the charts
  const char* planned;   // the legend of planned values
};

constexpr PerLang<ChartWords> chart_words{
    .uk =
        {
            .funds = "Фінансування з міського бюджету та залучені кошти",
            .budget = "Міський бюджет",
            .attracted = "Залучені кошти",
            .clients_per_year = "Кількість клієнтів за роками",
            .clients = "Клієнти (осіб)",
            .coefficient_title = "Коефіцієнт залучених коштів на 1 грн бюджету (за звітами)",
            .coefficient = "Коефіцієнт",
            .dynamics = "Динаміка",
            .planned = "* з урахуванням запланованих значень",
        },
    .en =
        {
            .funds = "City budget funding and attracted funds",
            .budget = "City budget",
            .attracted = "Attracted funds",
            .clients_per_year = "Clients per year",
            .clients = "Clients (people)",
            .coefficient_title = "Attracted funds per 1 UAH of budget, as reported",
            .coefficient = "Coefficient",
            .dynamics = "Dynamics",
            .planned = "* includes planned values",
        },
};

// docs/report.md "html": a bar chart of budget and attracted funds (thousands of UAH) over `labels`.
Chart funds_chart(std::string id, std::string title, std::vector<std::string> labels,
                  const std::vector<const IndicatorValues*>& values, Lang lang) {
  const ChartWords& w = chart_words[lang];
  auto thousands = [](Money m) { return Rational::of_money(m) / Rational(1000); };
  Chart money;
  money.id = std::move(id);
  money.title = std::move(title);
  money.y_label = std::string(indicator_unit(Indicator::budget, lang));
  money.categories = std::move(labels);
  money.lang = lang;
  money.planned_label = w.planned;
  ChartSeries budget{w.budget, "#2f6db5", {}};
  ChartSeries attracted{w.attracted, "#f0a030", {}};
  for (const IndicatorValues* v : values) {
    budget.values.push_back(thousands(v->budget));
    budget.planned.push_back(v->is_planned(Indicator::budget));
    attracted.values.push_back(thousands(v->attracted));
    attracted.planned.push_back(v->is_planned(Indicator::attracted));
  }
  money.series = {budget, attracted};
  return money;
}

// docs/report.md "html": budget vs attracted funds; clients; coefficient.
std::vector<std::string> charts(const ReportTable& t, Lang lang) {
  const ChartWords& w = chart_words[lang];
  std::vector<std::string> categories;
  std::vector<const IndicatorValues*> values;
  for (const auto& row : t.years) {
    categories.push_back(std::to_string(row.year));
    values.push_back(&row);
  }
  Chart money = funds_chart("chart-funds", w.funds, categories, values, lang);

  Chart clients;
  clients.id = "chart-clients";
  clients.title = w.clients_per_year;
  clients.y_label = std::string(indicator_unit(Indicator::clients, lang));
  clients.categories = categories;
  clients.lang = lang;
  clients.value_places = 0;
  clients.planned_label = w.planned;
  clients.series = {series_of(t, w.clients, "#3a9a6a", Indicator::clients,
                              [](const YearRow& r) -> std::optional<Rational> { return Rational(r.clients); })};

  Chart coefficient;
  coefficient.id = "chart-coefficient";
  coefficient.title = w.coefficient_title;
  coefficient.y_label = std::string(indicator_unit(Indicator::coefficient, lang));
  coefficient.categories = categories;
  coefficient.lang = lang;
  coefficient.undefined_label = std::string(undefined_mark);
  coefficient.planned_label = w.planned;
  coefficient.series = {
      series_of(t, w.coefficient, "#b0413e", Indicator::coefficient, [](const YearRow& r) { return r.coefficient; })};

  return {svg_bar_chart(money), svg_bar_chart(clients), svg_line_chart(coefficient)};
}

}  // namespace

// docs/report.md "html": one self-contained page, no scripts, nothing loaded from elsewhere.
std::string render_report_html(const ReportTable& t, Lang lang) {
  std::string title = report_title(t, lang);
  std::string out =
      html_page_start(to_string(lang), title, std::string(style) + page_footer_style(title, lang), Apostrophe::kept);
  out += "<h1>" + html_escape(title, Apostrophe::kept) + "</h1>\n";
  out += "<div class=\"table-wrap\">\n<table>\n<thead>\n<tr><th scope=\"col\">" +
         html_escape(indicators_heading(lang), Apostrophe::kept) + "</th>";
  for (const auto& row : t.years) out += fmt::format("<th scope=\"col\">{}</th>", row.year);
  out += "</tr>\n</thead>\n<tbody>\n";
  for (Indicator i : shown_indicators(t)) {
    out += "<tr><th scope=\"row\">" + html_escape(indicator_label(i, lang), Apostrophe::kept) + "</th>";
    for (const auto& row : t.years) {
      // The year's note goes under the winners, so the column stays narrow.
      std::string cell = indicator_cell(row, i, lang);
      out += (cell == undefined_mark ? "<td class=\"na\">" : "<td>") + html_escape(cell, Apostrophe::kept);
      if (i == Indicator::winners && row.note)
        out += "<br><span class=\"note\">" + html_escape(note_in_words(*row.note, lang), Apostrophe::kept) + "</span>";
      out += "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</div>\n<div class=\"notes\">\n";
  for (const auto& note : report_notes(t, lang)) out += "<p>" + html_escape(note, Apostrophe::kept) + "</p>\n";
  out += "</div>\n<section class=\"summary\">\n<h2>" + html_escape(summary_heading(t, lang), Apostrophe::kept) +
         "</h2>\n<ul>\n";
  for (const auto& s : summary_sentences(t, lang)) out += "<li>" + html_escape(s, Apostrophe::kept) + "</li>\n";
  out += "</ul>\n</section>\n<section class=\"charts\">\n<h2>" + std::string(chart_words[lang].dynamics) + "</h2>\n";
  for (const auto& svg : charts(t, lang)) out += "<figure>\n" + svg + "</figure>\n";
  out += "</section>\n";
  out += html_page_end;
  return out;
}

namespace {

// A table of the page: a header row, then rows whose first cell is a row heading.
std::string html_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::string out = "<div class=\"table-wrap\">\n<table>\n<thead>\n<tr>";
  for (const auto& h : header) out += "<th scope=\"col\">" + html_escape(h, Apostrophe::kept) + "</th>";
  out += "</tr>\n</thead>\n<tbody>\n";
  for (const auto& cells : rows) {
    out += "<tr><th scope=\"row\">" + html_escape(cells.front(), Apostrophe::kept) + "</th>";
    for (std::size_t c = 1; c < cells.size(); ++c)
      out += (cells[c] == undefined_mark ? "<td class=\"na\">" : "<td>") + html_escape(cells[c], Apostrophe::kept) +
             "</td>";
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n</div>\n";
}

std::string html_notes(const std::vector<std::string>& notes) {
  std::string out = "<div class=\"notes\">\n";
  for (const auto& note : notes) out += "<p>" + html_escape(note, Apostrophe::kept) + "</p>\n";
  return out + "</div>\n";
}

}  // namespace

// docs/report.md "By category" "html": per year the table and a bar chart of
// budget and attracted funds by category.
std::string render_category_html(const CategoryTable& t, Lang lang) {
  // The years of the tables: those with rounds (history years are only named in a note).
  std::string title = t.years.empty() ? category_title(t.from, t.to, lang)
                                      : category_title(t.years.front().year, t.years.back().year, lang);
  std::string out =
      html_page_start(to_string(lang), title, std::string(style) + page_footer_style(title, lang), Apostrophe::kept);
  out += "<h1>" + html_escape(title, Apostrophe::kept) + "</h1>\n";
  for (const auto& y : t.years) {
    std::vector<std::vector<std::string>> rows;
    std::vector<const IndicatorValues*> values;
    std::vector<std::string> labels = shown_labels(y);
    std::vector<std::string> slugs;  // the chart's axis: short where lots' names are long
    for (std::size_t r = 0; r < y.rows.size(); ++r) {
      rows.push_back(category_cells(labels[r], y.rows[r].values, lang));
      values.push_back(&y.rows[r].values);
      slugs.push_back(y.rows[r].category.value_or(std::string(undefined_mark)));
    }
    rows.push_back(category_cells(std::string(total_label(lang)), y.total, lang));
    out += "<h2>" + html_escape(category_title(y.year, y.year, lang), Apostrophe::kept) + "</h2>\n" +
           html_table(category_columns(lang), rows);
    if (y.without_categories()) out += html_notes({no_categories_note(y.year, lang)});
    Chart chart = funds_chart(fmt::format("chart-funds-{}", y.year), chart_words[lang].funds, slugs, values, lang);
    out += "<figure>\n" + svg_bar_chart(chart) + "</figure>\n";
  }
  out += html_notes(category_notes(t, lang));
  out += html_page_end;
  return out;
}

// docs/report.md "By service" "html": per year the table of services.
std::string render_service_html(const ServiceTable& t, Lang lang) {
  std::string title = t.years.empty() ? service_title(t.from, t.to, lang)
                                      : service_title(t.years.front().year, t.years.back().year, lang);
  std::string out =
      html_page_start(to_string(lang), title, std::string(style) + page_footer_style(title, lang), Apostrophe::kept);
  out += "<h1>" + html_escape(title, Apostrophe::kept) + "</h1>\n";
  for (const auto& y : t.years) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : y.rows) rows.push_back(service_cells(row, lang));
    out += "<h2>" + html_escape(service_title(y.year, y.year, lang), Apostrophe::kept) + "</h2>\n" +
           html_table(service_columns(lang), rows) + html_notes({service_year_note(y, lang)});
  }
  out += html_notes(service_notes(t, lang));
  out += html_page_end;
  return out;
}

}  // namespace competition
