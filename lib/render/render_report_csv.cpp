// docs/report.md "csv"; docs/cli.md "Output for programs".
#include <string_view>

#include "formats/csv_writer.hpp"
#include "render/render_report.hpp"
#include "render/render_report_by.hpp"
#include "render/report_by_words.hpp"
#include "render/report_style.hpp"

namespace competition {

namespace {

std::string planned_list(const IndicatorValues& v) {
  std::string out;
  for (Indicator i : v.planned) out += (out.empty() ? "" : "|") + std::string(key_of(i));
  return out;
}

// The columns shared by the year rows and the total row, from `participants`
// to `new_partners`: plain numbers, money in UAH with 2 decimals, coefficient
// with 4, cost per client with 2, an undefined value empty. `paid` only when
// some year has payments (empty in a year without); `new_partners` when `partners`.
void values(CsvWriter& w, const IndicatorValues& v, bool paid, bool partners = true) {
  w.number(std::to_string(v.participants)).number(std::to_string(v.winners));
  w.number(v.budget.to_string());
  if (paid) v.paid ? w.number(v.paid->to_string()) : w.empty();
  w.number(v.attracted.to_string());
  v.coefficient ? w.number(v.coefficient->to_fixed(4)) : w.empty();
  w.number(std::to_string(v.clients));
  v.cost_per_client ? w.number(v.cost_per_client->to_fixed(2)) : w.empty();
  w.number(std::to_string(v.jobs)).number(std::to_string(v.volunteers));
  if (partners) v.new_partners ? w.number(std::to_string(*v.new_partners)) : w.empty();
}

}  // namespace

// docs/report.md "csv": one row per year and a last row whose `year` is `total`.
std::string render_report_csv(const ReportTable& t, bool excel) {
  CsvWriter w(CsvStyle::people(excel));
  const bool paid = t.totals.paid.has_value();
  for (const char* h : {"year", "source", "participants", "winners", "budget", "paid", "attracted", "coefficient",
                        "clients", "cost_per_client", "jobs", "volunteers", "new_partners", "note", "planned"})
    if (paid || std::string_view(h) != "paid") w.text(h);
  w.end_row();
  for (const auto& row : t.years) {
    w.number(std::to_string(row.year)).text(to_string(row.source));
    values(w, row, paid);
    row.note ? w.text(*row.note) : w.empty();
    w.text(planned_list(row)).end_row();
  }
  w.text("total").empty();
  values(w, t.totals, paid);
  t.paid_as_of ? w.text(paid_coverage(t)) : w.empty();  // docs/report.md "csv": what the paid total covers
  w.text(planned_list(t.totals)).end_row();
  return w.str();
}

// docs/report.md "By category": `year,category,label,` then the keys of a row;
// the row without a category has an empty category, each year's total `total`.
std::string render_category_csv(const CategoryTable& t, bool excel) {
  CsvWriter w(CsvStyle::people(excel));
  for (const char* h : {"year", "category", "label", "participants", "winners", "budget", "attracted", "coefficient",
                        "clients", "cost_per_client", "jobs", "volunteers", "planned"})
    w.text(h);
  w.end_row();
  for (const auto& y : t.years) {
    for (const auto& row : y.rows) {
      w.number(std::to_string(y.year)).text(row.category.value_or("")).text(row.label);
      values(w, row.values, false, false);
      w.text(planned_list(row.values)).end_row();
    }
    w.number(std::to_string(y.year)).text("total").empty();
    values(w, y.total, false, false);
    w.text(planned_list(y.total)).end_row();
  }
  return w.str();
}

// docs/report.md "By service": `year,service,label,organisations,share`.
std::string render_service_csv(const ServiceTable& t, Lang lang, bool excel) {
  CsvWriter w(CsvStyle::people(excel));
  for (const char* h : {"year", "service", "label", "organisations", "share"}) w.text(h);
  w.end_row();
  for (const auto& y : t.years)
    for (const auto& row : y.rows) {
      w.number(std::to_string(y.year)).text(row.service).text(service_label(row.service, lang));
      w.number(std::to_string(row.organisations)).number(std::to_string(row.share)).end_row();
    }
  return w.str();
}

}  // namespace competition
