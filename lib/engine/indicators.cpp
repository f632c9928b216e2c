#include "engine/indicators.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "base/checked_sum.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_unheld{
    .uk = "внутрішня помилка: рішення конкурсу {} називає заявку \"{}\", якої в конкурсі немає",
    .en = "internal error: the decision of round {} names application \"{}\", which the round does not hold"};
constexpr PerLang<const char*> w_year{.uk = "--year {}: немає даних за цей рік (роки з даними: {})",
                                      .en = "--year {}: no data for that year (years with data: {})"};
constexpr PerLang<const char*> w_order{.uk = "--from {} --to {}: перший рік пізніше за останній",
                                       .en = "--from {} --to {}: the first year is after the last"};
constexpr PerLang<const char*> w_from{.uk = "--from {}: поза роками з даними ({})",
                                      .en = "--from {}: outside the years with data ({})"};
constexpr PerLang<const char*> w_to{.uk = "--to {}: поза роками з даними ({})",
                                    .en = "--to {}: outside the years with data ({})"};
constexpr PerLang<const char*> w_range{
    .uk = "--from {} --to {}: у цьому проміжку немає року з даними (роки з даними: {})",
    .en = "--from {} --to {}: no year with data in that range (years with data: {})"};
constexpr PerLang<const char*> w_nothing{
    .uk = "report: нема про що звітувати: немає ні історії, ні розподіленого конкурсу в UAH",
    .en = "report: nothing to report: no history and no allocated round in UAH"};

std::string_view to_string(YearSource s) { return s == YearSource::rounds ? "rounds" : "history"; }

std::string_view key_of(Indicator i) {
  switch (i) {
    case Indicator::participants:
      return "participants";
    case Indicator::winners:
      return "winners";
    case Indicator::budget:
      return "budget";
    case Indicator::paid:
      return "paid";
    case Indicator::attracted:
      return "attracted";
    case Indicator::coefficient:
      return "coefficient";
    case Indicator::clients:
      return "clients";
    case Indicator::cost_per_client:
      return "cost_per_client";
    case Indicator::jobs:
      return "jobs";
    case Indicator::volunteers:
      return "volunteers";
    case Indicator::new_partners:
      return "new_partners";
  }
  return "";
}

bool IndicatorValues::is_planned(Indicator i) const {
  return std::find(planned.begin(), planned.end(), i) != planned.end();
}

// docs/rules.md §5 "coefficient of attracted funds = attracted / budget awarded
// (undefined when nothing was awarded)".
std::optional<Rational> coefficient_of(Money attracted, Money budget) {
  if (budget.is_zero()) return std::nullopt;
  return Rational(attracted.kopiykas(), budget.kopiykas());
}

// docs/rules.md §6 "cost per client = (budget + attracted) / clients, in UAH".
std::optional<Rational> cost_per_client_of(Money budget, Money attracted, std::int64_t clients) {
  if (clients == 0) return std::nullopt;
  return Rational::of_money(budget + attracted) / Rational(clients);
}

bool is_winner(const DecisionLine& d) { return d.status == "funded" || d.status == "partial"; }

namespace {

bool counted(const RoundData& r) { return r.allocated && r.currency == "UAH"; }

// Keeps `planned` in row order whatever order the marks were added in.
void mark_planned(IndicatorValues& v, Indicator i) {
  if (v.is_planned(i)) return;
  v.planned.push_back(i);
  std::sort(v.planned.begin(), v.planned.end());
}

// docs/rules.md §6: a derived indicator is planned when a planned value went into it.
void derive_ratios(IndicatorValues& v) {
  v.coefficient = coefficient_of(v.attracted, v.budget);
  v.cost_per_client = cost_per_client_of(v.budget, v.attracted, v.clients);
  if (v.is_planned(Indicator::attracted)) {
    mark_planned(v, Indicator::coefficient);
    mark_planned(v, Indicator::cost_per_client);
  }
  if (v.is_planned(Indicator::clients)) mark_planned(v, Indicator::cost_per_client);
}

// docs/rules.md §6 "from rounds": one year's indicators over all its counted rounds;
// `winning_organisations` receives the organisation keys of the year's winners.
YearRow year_from_rounds(int year, const std::vector<const RoundData*>& rounds,
                         std::set<std::string>& winning_organisations) {
  YearRow row;
  row.year = year;
  row.source = YearSource::rounds;
  for (const RoundData* r : rounds) {
    row.rounds.push_back(r->id);
    if (r->paid) row.paid = row.paid.value_or(Money()) + *r->paid;
    add_checked(row.participants, static_cast<std::int64_t>(r->applications.size()), "participants");
    std::map<std::string, const Application*> apps;
    for (const auto& a : r->applications) apps.emplace(a.id, &a);
    std::map<std::string, const Outcome*> outcomes;
    for (const auto& o : r->outcomes) outcomes.emplace(o.application, &o);
    for (const auto& line : r->decision) {
      if (!is_winner(line)) continue;
      auto app = apps.find(line.application);
      if (app == apps.end()) throw Error(ErrorKind::io, say(w_unheld, r->id, line.application));
      const Application& a = *app->second;
      auto found = outcomes.find(line.application);
      const Outcome* o = found == outcomes.end() ? nullptr : found->second;
      ++row.winners;
      row.budget += line.award;
      winning_organisations.insert(a.organisation_key);
      // "Reported, else planned", per winner and per indicator.
      if (o && o->attracted) {
        row.attracted += *o->attracted;
      } else {
        row.attracted += a.cofinancing;
        mark_planned(row, Indicator::attracted);
      }
      auto add = [&](std::int64_t& sum, const std::optional<std::int64_t>& reported, std::int64_t planned, Indicator i,
                     const char* what) {
        if (reported) {
          add_checked(sum, *reported, what);
        } else {
          add_checked(sum, planned, what);
          mark_planned(row, i);
        }
      };
      add(row.clients, o ? o->clients : std::nullopt, a.planned_clients, Indicator::clients, "clients");
      add(row.jobs, o ? o->jobs : std::nullopt, a.planned_jobs, Indicator::jobs, "jobs");
      add(row.volunteers, o ? o->volunteers : std::nullopt, a.planned_volunteers, Indicator::volunteers, "volunteers");
    }
  }
  derive_ratios(row);
  return row;
}

// docs/rules.md §6 last paragraph: raw values as published, ratios recomputed.
YearRow year_from_history(const HistoryYear& h) {
  YearRow row;
  row.year = h.year;
  row.source = YearSource::history;
  row.participants = h.participants;
  row.winners = h.winners;
  row.budget = h.budget;
  row.attracted = h.attracted;
  row.clients = h.clients;
  row.jobs = h.jobs;
  row.volunteers = h.volunteers;
  if (!h.note.empty()) row.note = h.note;
  derive_ratios(row);
  return row;
}

// The known years for messages, as runs: `2000–2017, 2019`.
std::string years_text(const std::vector<int>& years) {
  std::string out;
  for (std::size_t i = 0; i < years.size();) {
    std::size_t j = i;
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
    out += (out.empty() ? "" : ", ") + (i == j ? std::to_string(years[i]) : fmt::format("{}–{}", years[i], years[j]));
    i = j + 1;
  }
  return out;
}

}  // namespace

std::vector<int> known_years(const ReportInput& input) {
  std::set<int> years;
  for (const auto& h : input.history) years.insert(h.year);
  for (const auto& r : input.rounds)
    if (counted(r)) years.insert(r.year);
  return {years.begin(), years.end()};
}

namespace {

// The years of the table (docs/report.md, the opening paragraph): Error(invalid)
// when the years asked are not among or do not meet the years with data.
void set_years(ReportTable& t, const std::vector<int>& years, const ReportYears& asked) {
  int first = years.front(), last = years.back();
  std::string known = years_text(years);
  if (asked.year && !std::binary_search(years.begin(), years.end(), *asked.year))
    throw Error(ErrorKind::invalid, say(w_year, *asked.year, known));
  if (asked.from && asked.to && *asked.from > *asked.to)
    throw Error(ErrorKind::invalid, say(w_order, *asked.from, *asked.to));
  if (asked.from && (*asked.from < first || *asked.from > last))
    throw Error(ErrorKind::invalid, say(w_from, *asked.from, known));
  if (asked.to && (*asked.to < first || *asked.to > last)) throw Error(ErrorKind::invalid, say(w_to, *asked.to, known));
  t.from = asked.year ? *asked.year : asked.from.value_or(first);
  t.to = asked.year ? *asked.year : asked.to.value_or(last);
  if (std::none_of(years.begin(), years.end(), [&](int y) { return y >= t.from && y <= t.to; }))
    throw Error(ErrorKind::invalid, say(w_range, t.from, t.to, known));
}

// Every year's row, from its rounds or else from the history; the rounds and
// history years the table leaves out or replaces are noted in `t`.
std::map<int, YearRow> year_rows(const ReportInput& input, ReportTable& t) {
  std::map<int, std::vector<const RoundData*>> rounds_by_year;
  for (const auto& r : input.rounds) {
    if (counted(r)) {
      rounds_by_year[r.year].push_back(&r);
    } else if (r.year >= t.from && r.year <= t.to) {
      t.left_out.push_back({r.id, r.year, r.currency, r.allocated});
    }
  }
  std::map<int, const HistoryYear*> history_by_year;
  for (const auto& h : input.history) history_by_year[h.year] = &h;
  if (!rounds_by_year.empty()) t.organisations_known_from = rounds_by_year.begin()->first;

  // New partners are counted over every round year, also those before `from`.
  std::set<std::string> earlier_winners;
  std::map<int, YearRow> rows;
  for (auto& [year, rounds] : rounds_by_year) {
    std::sort(rounds.begin(), rounds.end(), [](const RoundData* a, const RoundData* b) { return a->id < b->id; });
    std::set<std::string> winners_now;
    YearRow row = year_from_rounds(year, rounds, winners_now);
    std::int64_t fresh = 0;
    for (const auto& org : winners_now)
      if (!earlier_winners.count(org)) ++fresh;
    row.new_partners = fresh;
    earlier_winners.insert(winners_now.begin(), winners_now.end());
    rows.emplace(year, std::move(row));
  }
  for (const auto& [year, h] : history_by_year) {
    if (rows.count(year)) {
      if (year >= t.from && year <= t.to) t.history_replaced.push_back(year);
      continue;
    }
    rows.emplace(year, year_from_history(*h));
  }
  return rows;
}

// The years of the table in order, their totals, and the rounds left out by year and id.
void add_years(ReportTable& t, std::map<int, YearRow>& rows) {
  // docs/report.md "totals": sums, ratios of sums, new partners over round years.
  IndicatorValues& s = t.totals;
  for (auto& [year, row] : rows) {
    if (year < t.from || year > t.to) continue;
    // Counts checked (a year of many rounds can hold anything); money is checked by Money itself.
    add_checked(s.participants, row.participants, "participants");
    add_checked(s.winners, row.winners, "winners");
    s.budget += row.budget;
    if (row.paid) s.paid = s.paid.value_or(Money()) + *row.paid;
    s.attracted += row.attracted;
    add_checked(s.clients, row.clients, "clients");
    add_checked(s.jobs, row.jobs, "jobs");
    add_checked(s.volunteers, row.volunteers, "volunteers");
    if (row.new_partners) {
      std::int64_t partners = s.new_partners.value_or(0);
      add_checked(partners, *row.new_partners, "new partners");
      s.new_partners = partners;
    }
    for (Indicator i : row.planned) mark_planned(s, i);
    t.years.push_back(std::move(row));
  }
  s.coefficient = coefficient_of(s.attracted, s.budget);
  s.cost_per_client = cost_per_client_of(s.budget, s.attracted, s.clients);
  std::sort(t.left_out.begin(), t.left_out.end(), [](const LeftOutRound& a, const LeftOutRound& b) {
    return std::tie(a.year, a.id) < std::tie(b.year, b.id);
  });
}

}  // namespace

// docs/report.md, docs/rules.md §6: the table for the years asked.
ReportTable build_report_table(const ReportInput& input, const ReportYears& asked) {
  std::vector<int> years = known_years(input);
  if (years.empty()) throw Error(ErrorKind::invalid, say(w_nothing), Remedy::import_history_or_allocate);
  ReportTable t;
  set_years(t, years, asked);
  std::map<int, YearRow> rows = year_rows(input, t);
  add_years(t, rows);
  if (t.totals.paid) t.paid_as_of = input.paid_as_of;
  return t;
}

RoundYearsSpan each_round_year(
    const ReportInput& input, const ReportYears& asked,
    const std::function<void(const YearRow& row, const std::vector<const RoundData*>& rounds)>& visit) {
  ReportTable main = build_report_table(input, asked);
  RoundYearsSpan span{main.from, main.to, {}};
  for (const YearRow& row : main.years) {
    if (row.source == YearSource::history) {
      span.history_years.push_back(row.year);
      continue;
    }
    std::vector<const RoundData*> rounds;  // row.rounds: the counted rounds, by id
    for (const auto& id : row.rounds)
      for (const auto& r : input.rounds)
        if (r.id == id && counted(r)) rounds.push_back(&r);
    visit(row, rounds);
  }
  return span;
}

}  // namespace competition
