// docs/rules.md §5–6, docs/report.md: the yearly indicators of the Kharkiv-style report,
// computed from the allocated rounds and the imported history. Pure functions
// over plain structs: no database, no formatting. Every value stays exact
// (Money, Rational) until a renderer formats it.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "values/model.hpp"
#include "values/money.hpp"
#include "values/rational.hpp"
#include "values/rules.hpp"

namespace competition {

// One line of a round's latest stored decision (table `allocations`).
struct DecisionLine {
  std::string application;
  std::string status;  // funded | partial | reserve | rejected | incomplete | withdrawn | declined
  Money award;
};

// What the report needs of one round. `allocated` is false for rounds whose
// stage is not `allocated` yet: they are listed as left out, never counted.
struct RoundData {
  std::string id;
  int year = 0;
  std::string currency = "UAH";
  bool allocated = false;
  std::vector<Application> applications;
  std::vector<DecisionLine> decision;
  std::vector<Outcome> outcomes;
  // payments − refunds paid by the input's paid_as_of (docs/cli.md "ledger"); none when none is made by then
  std::optional<Money> paid;
  std::vector<Lot> lots;  // the rules' lots, in file order (labels of the report by category)
};

struct ReportInput {
  std::vector<RoundData> rounds;
  std::vector<HistoryYear> history;
  std::string paid_as_of;  // YYYY-MM-DD: `paid` counts the payments made by the end of that day
};

// docs/rules.md §6: a winner is a funded or partial application.
[[nodiscard]] bool is_winner(const DecisionLine& d);

enum class YearSource { history, rounds };
[[nodiscard]] std::string_view to_string(YearSource s);

// docs/report.md "Rows and labels": the rows, in table order.
enum class Indicator {
  participants,
  winners,
  budget,
  paid,
  attracted,
  coefficient,
  clients,
  cost_per_client,
  jobs,
  volunteers,
  new_partners
};
inline constexpr Indicator all_indicators[] = {
    Indicator::participants, Indicator::winners,     Indicator::budget,      Indicator::paid,
    Indicator::attracted,    Indicator::coefficient, Indicator::clients,     Indicator::cost_per_client,
    Indicator::jobs,         Indicator::volunteers,  Indicator::new_partners};
// The English snake_case key of docs/report.md (`cost_per_client`).
[[nodiscard]] std::string_view key_of(Indicator i);

// The indicators of one year, or of the whole period (totals).
struct IndicatorValues {
  std::int64_t participants = 0;
  std::int64_t winners = 0;
  Money budget;
  std::optional<Money> paid;  // paid from the city budget: years whose rounds have payments, and their total
  Money attracted;
  std::optional<Rational> coefficient;  // attracted / budget; none when budget is 0
  std::int64_t clients = 0;
  std::optional<Rational> cost_per_client;  // (budget + attracted) / clients in UAH; none when clients is 0
  std::int64_t jobs = 0;
  std::int64_t volunteers = 0;
  std::optional<std::int64_t> new_partners;  // round years only
  std::vector<Indicator> planned;            // indicators a planned value contributed to, in row order
  bool is_planned(Indicator i) const;
};

struct YearRow : IndicatorValues {
  int year = 0;
  YearSource source = YearSource::history;
  std::optional<std::string> note;  // the history row's note; none for round years or an empty note
  std::vector<std::string> rounds;  // ids of the rounds counted (round years)
};

// A round the report leaves out, with why.
struct LeftOutRound {
  std::string id;
  int year = 0;
  std::string currency;
  bool allocated = false;  // false: not allocated yet; true: allocated but not in UAH
};

struct ReportTable {
  int from = 0;
  int to = 0;
  std::vector<YearRow> years;  // ascending, only years with data
  IndicatorValues totals;      // sums; ratios of sums; new_partners summed over round years
  // The first year of an allocated UAH round: organisations are known from it on
  // (new partners are counted against the rounds since then). None without rounds.
  std::optional<int> organisations_known_from;
  std::vector<int> history_replaced;   // years in range with both rounds and history: rounds win
  std::vector<LeftOutRound> left_out;  // rounds in range that are not counted
  // docs/report.md "Awarded or paid": the day `paid` is counted at; set when a year shows `paid`.
  std::optional<std::string> paid_as_of;
};

// docs/rules.md §5: coefficient of attracted funds; none when nothing was awarded.
[[nodiscard]] std::optional<Rational> coefficient_of(Money attracted, Money budget);
// docs/rules.md §6: cost per client in UAH; none when there are no clients.
[[nodiscard]] std::optional<Rational> cost_per_client_of(Money budget, Money attracted, std::int64_t clients);

// The years with data: history years and years of allocated UAH rounds, ascending.
[[nodiscard]] std::vector<int> known_years(const ReportInput& input);

// docs/report.md: `--year Y`, or `--from Y` and/or `--to Y` (none: every year known).
struct ReportYears {
  std::optional<int> year;
  std::optional<int> from;
  std::optional<int> to;
};

// docs/report.md: the table for the years asked (bounds defaulting to the first/last
// known year). Throws Error(invalid), naming the option, when there is no data
// at all, when from > to, when a bound or the year lies outside the known years,
// or when the range holds no year with data.
[[nodiscard]] ReportTable build_report_table(const ReportInput& input, const ReportYears& asked = {});

// The years of a table by category or by service (docs/report.md "By category"):
// the main report's range; its history years are left out and listed.
struct RoundYearsSpan {
  int from = 0;
  int to = 0;
  std::vector<int> history_years;  // years in range from history only: left out
};

// Builds the main table for the years asked (its errors), then calls `visit`
// with each round year's row and its counted rounds (by id), in year order.
[[nodiscard]] RoundYearsSpan each_round_year(
    const ReportInput& input, const ReportYears& asked,
    const std::function<void(const YearRow& row, const std::vector<const RoundData*>& rounds)>& visit);

}  // namespace competition
