// docs/report.md "By category": the indicators per category, computed by the one
// indicators engine; the labels from the lots; the total equals the main report's year.
#include <doctest/doctest.h>

#include "engine/category_report.hpp"
#include "values/diagnostic.hpp"

using namespace competition;

namespace {

Money uah(const char* text) { return *Money::parse(text); }

Application app(const char* id, const char* org, const char* category, const char* cofinancing, std::int64_t clients) {
  Application a;
  a.id = id;
  a.organisation = org;
  a.organisation_key = std::string("org:") + org;
  a.category = category;
  a.requested = uah("10000");
  a.cofinancing = uah(cofinancing);
  a.planned_clients = clients;
  return a;
}

RoundData round_of(const char* id, int year) {
  RoundData r;
  r.id = id;
  r.year = year;
  r.allocated = true;
  return r;
}

Lot lot(const char* name, std::vector<std::string> categories) {
  Lot l;
  l.id = name;
  l.name = name;
  l.categories = std::move(categories);
  return l;
}

// Two rounds of 2019: b is listed first in the input but a comes first by id.
ReportInput two_rounds() {
  RoundData b = round_of("b", 2019);
  b.lots = {lot("Дітям і родинам", {"children"}), lot("Літні люди", {"elderly"})};
  b.applications = {app("b-1", "One", "children", "3000", 40), app("b-2", "Four", "elderly", "1000", 10)};
  b.decision = {{"b-1", "funded", uah("15000")}, {"b-2", "partial", uah("5000")}};
  b.outcomes = {Outcome{}};
  b.outcomes[0].application = "b-2";
  b.outcomes[0].clients = 12;
  RoundData a = round_of("a", 2019);
  a.lots = {lot("Діти", {"children"})};
  a.applications = {app("a-1", "One", "children", "10000", 100), app("a-2", "Two", "sport", "0", 50),
                    app("a-3", "Three", "", "5000", 30)};
  a.decision = {{"a-1", "funded", uah("30000")}, {"a-2", "funded", uah("20000")}, {"a-3", "reserve", Money()}};
  ReportInput in;
  in.rounds = {b, a};
  return in;
}

}  // namespace

TEST_CASE("by category: a row per category, labelled by the first lot listing it, no category last") {
  CategoryTable t = build_category_table(two_rounds());
  REQUIRE(t.years.size() == 1);
  const CategoryYear& y = t.years[0];
  CHECK(y.year == 2019);
  REQUIRE(y.rows.size() == 4);
  CHECK(y.rows[0].category == "children");
  CHECK(y.rows[0].label == "Діти");  // round a's lot, not b's
  CHECK(y.rows[1].category == "elderly");
  CHECK(y.rows[1].label == "Літні люди");
  CHECK(y.rows[2].category == "sport");
  CHECK(y.rows[2].label == "sport");  // in no lot: the slug
  CHECK(y.rows[3].category == std::nullopt);
  CHECK(y.rows[3].label == "—");
  CHECK_FALSE(y.without_categories());

  const IndicatorValues& children = y.rows[0].values;
  CHECK(children.participants == 2);
  CHECK(children.winners == 2);
  CHECK(children.budget == uah("45000"));
  CHECK(children.attracted == uah("13000"));
  CHECK(children.coefficient == Rational(13, 45));
  CHECK(children.clients == 140);
  CHECK(children.cost_per_client == Rational(58000, 140));
  CHECK(children.new_partners == std::nullopt);
  const IndicatorValues& elderly = y.rows[1].values;
  CHECK(elderly.budget == uah("5000"));
  CHECK(elderly.clients == 12);  // reported, not the planned 10
  CHECK_FALSE(elderly.is_planned(Indicator::clients));
  CHECK(elderly.is_planned(Indicator::attracted));
  const IndicatorValues& none = y.rows[3].values;
  CHECK(none.participants == 1);
  CHECK(none.winners == 0);
  CHECK(none.coefficient == std::nullopt);
  CHECK(none.planned.empty());
}

TEST_CASE("by category: the total row is the main report's year and the rows add up to it") {
  ReportInput in = two_rounds();
  CategoryTable t = build_category_table(in);
  ReportTable main = build_report_table(in);
  const IndicatorValues& total = t.years[0].total;
  const YearRow& year = main.years[0];
  CHECK(total.participants == year.participants);
  CHECK(total.winners == year.winners);
  CHECK(total.budget == year.budget);
  CHECK(total.attracted == year.attracted);
  CHECK(total.coefficient == year.coefficient);
  CHECK(total.clients == year.clients);
  CHECK(total.cost_per_client == year.cost_per_client);
  CHECK(total.planned == year.planned);
  std::int64_t participants = 0, clients = 0;
  Money budget;
  for (const auto& row : t.years[0].rows) {
    participants += row.values.participants;
    clients += row.values.clients;
    budget += row.values.budget;
  }
  CHECK(participants == 5);
  CHECK(participants == total.participants);
  CHECK(clients == total.clients);
  CHECK(budget == uah("70000"));
  CHECK(budget == total.budget);
}

TEST_CASE("by category: a year without categories has one row; history years are left out") {
  RoundData r = round_of("c", 2020);
  r.applications = {app("c-1", "One", "", "0", 5)};
  r.decision = {{"c-1", "funded", uah("1000")}};
  ReportInput in;
  in.rounds = {r};
  HistoryYear h;
  h.year = 2017;
  h.participants = 3;
  in.history = {h};
  CategoryTable t = build_category_table(in);
  CHECK(t.from == 2017);
  CHECK(t.to == 2020);
  CHECK(t.history_years == std::vector<int>{2017});
  REQUIRE(t.years.size() == 1);
  CHECK(t.years[0].without_categories());
  CHECK(t.years[0].rows[0].values.budget == uah("1000"));
  CHECK(build_category_table(in, {.year = 2017, .from = {}, .to = {}}).years.empty());
  CHECK_THROWS_WITH_AS((void)build_category_table(in, {.year = 2019, .from = {}, .to = {}}),
                       "--year 2019: no data for that year (years with data: 2017, 2020)", Error);
}
