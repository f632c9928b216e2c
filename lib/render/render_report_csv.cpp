// docs/report.md "csv"; docs/cli.md "Output for programs".
#include <string_view>

#include "formats/csv_writer.hpp"
#include "render/render_report.hpp"

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
// some year has payments (empty in a year without).
void values(CsvWriter& w, const IndicatorValues& v, bool paid) {
  w.number(std::to_string(v.participants)).number(std::to_string(v.winners));
  w.number(v.budget.to_string());
  if (paid) v.paid ? w.number(v.paid->to_string()) : w.empty();
  w.number(v.attracted.to_string());
  v.coefficient ? w.number(v.coefficient->to_fixed(4)) : w.empty();
  w.number(std::to_string(v.clients));
  v.cost_per_client ? w.number(v.cost_per_client->to_fixed(2)) : w.empty();
  w.number(std::to_string(v.jobs)).number(std::to_string(v.volunteers));
  v.new_partners ? w.number(std::to_string(*v.new_partners)) : w.empty();
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
  w.empty().text(planned_list(t.totals)).end_row();
  return w.str();
}

}  // namespace competition
