#include "formats/history_csv.hpp"

#include <string>

#include "values/message.hpp"
#include "values/rational.hpp"

namespace competition {

constexpr PerLang<const char*> w_year{.uk = "{} — неправдоподібний рік (очікується, наприклад, 2017)",
                                      .en = "{} is not a plausible year (expected e.g. 2017)"};
constexpr PerLang<const char*> w_year_key{.uk = "рік {}", .en = "year {}"};
constexpr PerLang<const char*> w_not_number{
    .uk = "\"{}\" — не число (очікується, наприклад, 4.4 або 4,4, або порожня клітинка)",
    .en = "\"{}\" is not a number (expected e.g. 4.4 or 4,4, or an empty cell)"};

const std::vector<ColumnSpec> history_columns = {
    {"year", true},         {"participants", true},     {"winners", true}, {"budget", true},
    {"attracted", true},    {"clients", true},          {"jobs", true},    {"volunteers", true},
    {"coefficient", false}, {"cost_per_client", false}, {"note", false}};

namespace {

enum HistCol {
  h_year,
  h_participants,
  h_winners,
  h_budget,
  h_attracted,
  h_clients,
  h_jobs,
  h_volunteers,
  h_coefficient,
  h_cost,
  h_note
};

}  // namespace

HistoryYear HistoryRowParser::parse(RowReader& r) {
  HistoryYear h;
  auto year_cell = r.cell(h_year);
  if (auto y = r.count(h_year)) {
    if (*y < 1900 || *y > 2200)
      r.error(h_year, say(w_year, year_cell));
    else
      h.year = static_cast<int>(*y);
  }
  // By value: `2000` and `02000` (or `2 000`) are the same year.
  if (h.year) check_unique(seen_, std::to_string(h.year), r, h_year, [&] { return say(w_year_key, h.year); });
  h.participants = r.count(h_participants).value_or(0);
  h.winners = r.count(h_winners).value_or(0);
  h.budget = r.money(h_budget).value_or(Money{});
  h.attracted = r.money(h_attracted).value_or(Money{});
  h.clients = r.count(h_clients).value_or(0);
  h.jobs = r.count(h_jobs).value_or(0);
  h.volunteers = r.count(h_volunteers).value_or(0);
  // Published ratios are kept as written (their decimals set audit's tolerance),
  // but they must be numbers.
  for (auto k : {h_coefficient, h_cost}) {
    auto v = r.cell(k);
    if (!v.empty() && !Rational::parse_decimal(v, 6)) r.error(k, say(w_not_number, shown(v)));
  }
  h.coefficient = std::string(r.cell(h_coefficient));
  h.cost_per_client = std::string(r.cell(h_cost));
  h.note = std::string(r.cell(h_note));
  return h;
}

}  // namespace competition
