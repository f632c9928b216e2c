// docs/rules.md §5–6, docs/report.md: the yearly indicators, from the Kharkiv history
// and from small rounds built here; the number style of the human formats.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/indicators.hpp"
#include "render/report_style.hpp"
#include "render/svg_chart.hpp"
#include "values/diagnostic.hpp"

using namespace competition;

namespace {

Money uah(const char* text) {
  auto m = Money::parse(text);
  REQUIRE_MESSAGE(m.has_value(), "not money: ", text);
  return *m;
}

// The published Kharkiv table (tests/e2e/report/kharkiv-esm-2000-2017.csv),
// read with a plain split: the file has no quoted fields.
std::vector<HistoryYear> kharkiv() {
  std::ifstream in(std::string(TESTS_DIR) + "/e2e/report/kharkiv-esm-2000-2017.csv");
  REQUIRE(in.good());
  std::vector<HistoryYear> out;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) f.push_back(cell);
    if (line.back() == ',') f.push_back("");
    REQUIRE(f.size() == 11);
    HistoryYear h;
    h.year = std::stoi(f[0]);
    h.participants = std::stoll(f[1]);
    h.winners = std::stoll(f[2]);
    h.budget = uah(f[3].c_str());
    h.attracted = uah(f[4].c_str());
    h.clients = std::stoll(f[5]);
    h.jobs = std::stoll(f[6]);
    h.volunteers = std::stoll(f[7]);
    h.coefficient = f[8];
    h.cost_per_client = f[9];
    h.note = f[10];
    out.push_back(h);
  }
  return out;
}

const YearRow& year_of(const ReportTable& t, int year) {
  for (const auto& r : t.years)
    if (r.year == year) return r;
  FAIL("no year ", year);
  throw 0;
}

Application app(const char* id, const char* org, const char* cofinancing, std::int64_t clients, std::int64_t jobs,
                std::int64_t volunteers) {
  Application a;
  a.id = id;
  a.organisation = org;
  a.organisation_key = std::string("org:") + org;
  a.requested = uah("10000");
  a.cofinancing = uah(cofinancing);
  a.planned_clients = clients;
  a.planned_jobs = jobs;
  a.planned_volunteers = volunteers;
  return a;
}

RoundData make_round(const char* id, int year) {
  RoundData r;
  r.id = id;
  r.year = year;
  r.allocated = true;
  return r;
}

ReportYears years(std::optional<int> from, std::optional<int> to) { return {std::nullopt, from, to}; }

}  // namespace

TEST_CASE("indicators: Kharkiv 2000–2017 totals are the published sums and ratios of sums") {
  ReportInput in;
  in.history = kharkiv();
  ReportTable t = build_report_table(in);
  CHECK(t.from == 2000);
  CHECK(t.to == 2017);
  REQUIRE(t.years.size() == 18);
  const auto& s = t.totals;
  CHECK(s.participants == 1189);
  CHECK(s.winners == 703);
  CHECK(s.budget == uah("10915100.00"));
  CHECK(s.attracted == uah("48923900.00"));
  CHECK(s.clients == 7531313);
  CHECK(s.jobs == 2196);
  CHECK(s.volunteers == 25208);
  REQUIRE(s.coefficient);
  CHECK(*s.coefficient == Rational(489239, 109151));  // Σ attracted / Σ budget, exactly
  CHECK(s.coefficient->to_fixed(1) == "4.5");
  CHECK(s.new_partners == std::nullopt);
  CHECK(s.planned.empty());
  CHECK(t.years.front().source == YearSource::history);
}

TEST_CASE("indicators: Kharkiv 2000–2016 coefficient is the ratio of sums, 4.4 : 1") {
  ReportInput in;
  in.history = kharkiv();
  ReportTable t = build_report_table(in, years(std::nullopt, 2016));
  CHECK(t.years.size() == 17);
  REQUIRE(t.totals.coefficient);
  CHECK(t.totals.coefficient->to_fixed(1) == "4.4");
  CHECK(t.totals.coefficient->to_fixed(4) == "4.4107");
  CHECK(*t.totals.coefficient == Rational(43732900, 9915100));  // Σ attracted / Σ budget over 2000–2016
}

TEST_CASE("indicators: ratios are computed, not published (2003, 2007, 2014)") {
  ReportInput in;
  in.history = kharkiv();
  ReportTable t = build_report_table(in);
  const auto& y2003 = year_of(t, 2003);
  CHECK(y2003.cost_per_client->to_fixed(1) == "40.5");        // published 20.2
  CHECK(year_of(t, 2007).coefficient == Rational(39, 4));     // 9.75 exactly
  CHECK(year_of(t, 2007).coefficient->to_fixed(1) == "9.8");  // half away from zero
  const auto& y2014 = year_of(t, 2014);
  CHECK(y2014.budget.is_zero());
  CHECK_FALSE(y2014.coefficient.has_value());
  REQUIRE(y2014.cost_per_client);
  CHECK(y2014.cost_per_client->to_fixed(2) == "6.30");
  CHECK(y2014.note == std::optional<std::string>("безфін."));
  CHECK(year_of(t, 2013).note == std::nullopt);
  CHECK(indicator_cell(y2014, Indicator::coefficient, Lang::uk) == "—");
  CHECK(year_cell(y2014, Indicator::winners, Lang::uk) == "41 безфін.");
  CHECK(year_cell(y2014, Indicator::winners, Lang::en) == "41 unfunded");  // the one note the report words
  CHECK(note_in_words("повторно", Lang::en) == "повторно");                // any other note is data
}

TEST_CASE("indicators: a year with no budget and no clients has no ratios") {
  IndicatorValues v;
  CHECK_FALSE(coefficient_of(v.attracted, v.budget));
  CHECK_FALSE(cost_per_client_of(v.budget, v.attracted, 0));
  CHECK(*cost_per_client_of(uah("100"), uah("50"), 3) == Rational(50));
}

TEST_CASE("indicators: reported, else planned, per winner and per indicator") {
  RoundData r = make_round("esm-2018", 2018);
  r.applications = {app("A", "alpha", "1000", 100, 2, 10), app("B", "beta", "3000", 50, 1, 4),
                    app("C", "gamma", "9000", 999, 9, 99), app("D", "delta", "500", 7, 7, 7)};
  r.decision = {{"A", "funded", uah("10000")},
                {"B", "partial", uah("6000")},
                {"C", "reserve", Money{}},
                {"D", "withdrawn", Money{}}};
  Outcome a;
  a.application = "A";
  a.clients = 120;            // reported
  a.attracted = uah("2500");  // reported
  a.volunteers = 0;           // reported zero counts as reported
  // jobs empty: planned 2
  r.outcomes = {a};
  ReportInput in;
  in.rounds = {r};
  ReportTable t = build_report_table(in);
  REQUIRE(t.years.size() == 1);
  const YearRow& y = t.years[0];
  CHECK(y.source == YearSource::rounds);
  CHECK(y.participants == 4);
  CHECK(y.winners == 2);
  CHECK(y.budget == uah("16000"));
  CHECK(y.attracted == uah("5500"));  // 2500 reported + B's declared 3000
  CHECK(y.clients == 170);            // 120 reported + B's planned 50
  CHECK(y.jobs == 3);                 // A's planned 2 (empty cell) + B's planned 1
  CHECK(y.volunteers == 4);           // A's reported 0 + B's planned 4
  CHECK(*y.coefficient == Rational(11, 32));
  CHECK(*y.cost_per_client == Rational(21500, 170));
  std::vector<Indicator> planned{Indicator::attracted,       Indicator::coefficient, Indicator::clients,
                                 Indicator::cost_per_client, Indicator::jobs,        Indicator::volunteers};
  CHECK(y.planned == planned);
  CHECK(t.totals.planned == planned);
  CHECK(indicator_cell(y, Indicator::clients, Lang::uk) == "170*");
  CHECK(indicator_cell(y, Indicator::participants, Lang::uk) == "4");

  // Once B reports everything and A its jobs, nothing is planned any more.
  Outcome b;
  b.application = "B";
  b.clients = 40;
  b.jobs = 1;
  b.volunteers = 3;
  b.attracted = uah("0");
  in.rounds[0].outcomes[0].jobs = 5;
  in.rounds[0].outcomes.push_back(b);
  ReportTable done = build_report_table(in);
  CHECK(done.years[0].planned.empty());
  CHECK(done.years[0].attracted == uah("2500"));
  CHECK(done.years[0].jobs == 6);
  CHECK(done.years[0].volunteers == 3);
  CHECK(indicator_cell(done.years[0], Indicator::clients, Lang::uk) == "160");
}

TEST_CASE("indicators: only the clients planned marks clients and cost per client, not the coefficient") {
  RoundData r = make_round("r", 2019);
  r.applications = {app("A", "alpha", "100", 10, 1, 1)};
  r.decision = {{"A", "funded", uah("1000")}};
  Outcome o;
  o.application = "A";
  o.attracted = uah("200");
  o.jobs = 1;
  o.volunteers = 1;
  r.outcomes = {o};
  ReportInput in;
  in.rounds = {r};
  auto t = build_report_table(in);
  std::vector<Indicator> planned{Indicator::clients, Indicator::cost_per_client};
  CHECK(t.years[0].planned == planned);
}

TEST_CASE("indicators: new partners are organisations that won in no earlier round year") {
  RoundData r1 = make_round("r-2018", 2018);
  r1.applications = {app("A1", "alpha", "0", 1, 0, 0), app("B1", "beta", "0", 1, 0, 0),
                     app("C1", "gamma", "0", 1, 0, 0)};
  r1.decision = {{"A1", "funded", uah("100")}, {"B1", "partial", uah("50")}, {"C1", "reserve", Money{}}};
  RoundData r2 = make_round("r-2019", 2019);
  // alpha returns, gamma only applied before (never won): new; delta is new and
  // wins twice in the year: counted once.
  r2.applications = {app("A2", "alpha", "0", 1, 0, 0), app("C2", "gamma", "0", 1, 0, 0),
                     app("D2", "delta", "0", 1, 0, 0), app("D3", "delta", "0", 1, 0, 0)};
  r2.decision = {{"A2", "funded", uah("100")},
                 {"C2", "funded", uah("100")},
                 {"D2", "funded", uah("100")},
                 {"D3", "funded", uah("100")}};
  ReportInput in;
  in.rounds = {r2, r1};
  in.history = kharkiv();
  ReportTable t = build_report_table(in, years(2017, std::nullopt));
  REQUIRE(t.years.size() == 3);
  CHECK(t.organisations_known_from == 2018);
  CHECK(t.years[0].new_partners == std::nullopt);  // a history year: organisations unknown
  CHECK(t.years[1].new_partners == 2);
  CHECK(t.years[2].new_partners == 2);
  CHECK(t.totals.new_partners == 4);
  CHECK(shows_new_partners(t));

  // Counted against the earlier round years also when they are outside the range.
  ReportTable later = build_report_table(in, {2019, std::nullopt, std::nullopt});
  CHECK(later.years[0].new_partners == 2);
  CHECK(later.totals.new_partners == 2);

  ReportTable history_only = build_report_table(in, years(2000, 2017));
  CHECK(history_only.totals.new_partners == std::nullopt);
  CHECK_FALSE(shows_new_partners(history_only));
}

TEST_CASE("indicators: rounds win over history for the same year, and the report says so") {
  RoundData r = make_round("esm-2017", 2017);
  r.applications = {app("A", "alpha", "500", 10, 1, 2), app("B", "beta", "0", 5, 1, 1)};
  r.decision = {{"A", "funded", uah("1000")}, {"B", "rejected", Money{}}};
  ReportInput in;
  in.history = kharkiv();
  in.rounds = {r};
  ReportTable t = build_report_table(in, years(2016, 2017));
  REQUIRE(t.years.size() == 2);
  CHECK(t.years[0].source == YearSource::history);
  const YearRow& y = t.years[1];
  CHECK(y.source == YearSource::rounds);
  CHECK(y.rounds == std::vector<std::string>{"esm-2017"});
  CHECK(y.participants == 2);
  CHECK(y.winners == 1);
  CHECK(y.budget == uah("1000"));
  CHECK(y.note == std::nullopt);
  CHECK(t.history_replaced == std::vector<int>{2017});
  CHECK(t.totals.participants == 84 + 2);
  bool said = false;
  for (const auto& n : report_notes(t, Lang::en))
    said = said || n.find("For 2017 the published table is replaced") == 0;
  CHECK(said);
}

TEST_CASE("indicators: only allocated UAH rounds are counted; the others are listed as left out") {
  RoundData pln = make_round("warszawa-2018", 2018);
  pln.currency = "PLN";
  pln.applications = {app("P", "p", "0", 1, 1, 1)};
  pln.decision = {{"P", "funded", uah("100")}};
  RoundData open = make_round("esm-2018", 2018);
  open.allocated = false;
  RoundData uah_round = make_round("esm-2018b", 2018);
  uah_round.applications = {app("A", "alpha", "0", 1, 1, 1)};
  uah_round.decision = {{"A", "funded", uah("100")}};
  ReportInput in;
  in.rounds = {pln, open, uah_round};
  CHECK(known_years(in) == std::vector<int>{2018});
  ReportTable t = build_report_table(in);
  REQUIRE(t.years.size() == 1);
  CHECK(t.years[0].participants == 1);
  REQUIRE(t.left_out.size() == 2);
  CHECK(t.left_out[0].id == "esm-2018");
  CHECK_FALSE(t.left_out[0].allocated);
  CHECK(t.left_out[1].id == "warszawa-2018");
  CHECK(t.left_out[1].allocated);
  auto notes = report_notes(t, Lang::en);
  CHECK(std::find(notes.begin(), notes.end(), "Left out, not in UAH: warszawa-2018 (PLN).") != notes.end());
  CHECK(std::find(notes.begin(), notes.end(), "Left out, not allocated yet: esm-2018.") != notes.end());

  ReportInput only_pln;
  only_pln.rounds = {pln};
  CHECK_THROWS_AS(build_report_table(only_pln), Error);
}

TEST_CASE("indicators: years outside the data are usage errors") {
  ReportInput in;
  in.history = kharkiv();
  in.history.erase(in.history.begin() + 5);  // no 2005
  auto code = [&](ReportYears y) {
    try {
      static_cast<void>(build_report_table(in, y));
    } catch (const Error& e) {
      return e.kind() == ErrorKind::invalid ? 2 : 3;  // the exit code it gives
    }
    return 0;
  };
  CHECK(code({2020, std::nullopt, std::nullopt}) == 2);
  CHECK(code({2005, std::nullopt, std::nullopt}) == 2);
  CHECK(code(years(1999, std::nullopt)) == 2);
  CHECK(code(years(std::nullopt, 2018)) == 2);
  CHECK(code(years(2012, 2010)) == 2);
  CHECK(code(years(2005, 2005)) == 2);
  CHECK(code(years(2004, 2006)) == 0);
  CHECK(build_report_table(in, years(2004, 2006)).years.size() == 2);
  CHECK(code(ReportYears{}) == 0);
  CHECK(code({2012, std::nullopt, std::nullopt}) == 0);
  CHECK_THROWS_AS(build_report_table(ReportInput{}), Error);
}

TEST_CASE("report style: Ukrainian and English number styles, rounded half away from zero") {
  CHECK(format_integer(1248667, Lang::uk) == "1 248 667");
  CHECK(format_integer(1248667, Lang::en) == "1,248,667");
  CHECK(format_integer(800, Lang::en) == "800");
  CHECK(format_thousands(uah("1470900.00"), Lang::uk) == "1 470,9");
  CHECK(format_thousands(uah("1470900.00"), Lang::en) == "1,470.9");
  CHECK(format_thousands(uah("10915100.00"), Lang::uk) == "10 915,1");
  CHECK(format_thousands(uah("50.00"), Lang::en) == "0.1");  // 0.05 thousand: half away from zero
  CHECK(format_decimal(Rational(39, 4), 1, Lang::uk) == "9,8");
  CHECK(format_decimal(Rational(1234567, 1), 1, Lang::en) == "1,234,567.0");
}

TEST_CASE("report style: the summary of Kharkiv 2000–2017 in uk and en") {
  ReportInput in;
  in.history = kharkiv();
  ReportTable t = build_report_table(in);
  std::vector<std::string> uk{"з міського бюджету використано 10 915,1 тис. грн;",
                              "додатково залучено 48 923,9 тис. грн;", "коефіцієнт залучених коштів за період 4,5 : 1;",
                              "переможців (договорів) 703 з 1 189 учасників;",
                              "послуги отримали 7 531 313 клієнтів; створено 2 196 робочих місць; залучено 25 208 "
                              "волонтерів."};
  CHECK(summary_sentences(t, Lang::uk) == uk);
  auto en = summary_sentences(t, Lang::en);
  REQUIRE(en.size() == 5);
  CHECK(en[0] == "city budget funds used: 10,915.1 thousand UAH;");
  CHECK(en[2] == "attracted funds coefficient for the period: 4.5 : 1;");
  CHECK(en[3] == "winners (contracts): 703 of 1,189 participants;");
}

TEST_CASE("report style: the coefficient's label says it is the reported one") {
  CHECK(indicator_label(Indicator::coefficient, Lang::uk) ==
        "Коефіцієнт залучених коштів за звітами (на 1 грн. бюдж. коштів)");
  CHECK(indicator_label(Indicator::coefficient, Lang::en) == "Attracted funds per 1 UAH of budget, as reported");
}

TEST_CASE("report style: with a paid row the summary says awarded and paid, with its years and day") {
  ReportInput in;
  in.history = kharkiv();
  ReportTable t = build_report_table(in);
  // 2016 and 2017 with payments (as a year of rounds would have), the others unknown.
  t.years[16].paid = uah("900000.00");
  t.years[17].paid = uah("98682.47");
  t.totals.paid = uah("998682.47");
  t.paid_as_of = "2019-01-31";
  auto uk = summary_sentences(t, Lang::uk);
  REQUIRE(uk.size() == 6);
  CHECK(uk[0] == "з міського бюджету за рішеннями конкурсів призначено 10 915,1 тис. грн;");
  CHECK(uk[1] ==
        "з міського бюджету сплачено 998,7 тис. грн (роки з платежами: 2016–2017; станом на кінець "
        "2019-01-31);");
  auto en = summary_sentences(t, Lang::en);
  CHECK(en[0] == "city budget funds awarded by the competitions' decisions: 10,915.1 thousand UAH;");
  CHECK(en[1] ==
        "paid from the city budget: 998.7 thousand UAH (years with payments: 2016–2017; as of the end of "
        "2019-01-31);");
  CHECK(paid_coverage(t) == "paid: 2016–2017 as of 2019-01-31");
}

TEST_CASE("svg chart: nice ticks") {
  auto ticks = nice_ticks(Rational(1248667));
  CHECK(ticks.front() == Rational(0));
  CHECK(ticks[1] == Rational(250000));
  CHECK(ticks.back() == Rational(1250000));
  auto c = nice_ticks(Rational(39, 4));
  CHECK(c[1] == Rational(2));
  CHECK(c.back() == Rational(10));
  auto small = nice_ticks(Rational(3, 100));
  CHECK(small[1] == Rational(1, 100));
  CHECK(small.back() == Rational(3, 100));
  CHECK(nice_ticks(Rational(0)).back() == Rational(1));
}

// docs/reliability.md "Numbers that do not fit": 9 300 winners planning
// 999 999 999 999 999 clients each add up past 2^63; the report's sum is
// checked (an error), never wrapped to a negative number of clients.
TEST_CASE("indicators: a sum of counts that does not fit is an overflow error, not a wrapped number") {
  RoundData r = make_round("big-2018", 2018);
  for (int i = 0; i < 9300; ++i) {
    std::string id = "A-" + std::to_string(i);
    r.applications.push_back(app(id.c_str(), id.c_str(), "0", 999'999'999'999'999, 0, 0));
    r.decision.push_back({id, "funded", uah("10000")});
  }
  ReportInput in;
  in.rounds = {r};
  try {
    (void)build_report_table(in);
    FAIL("no overflow");
  } catch (const std::overflow_error& e) {
    CHECK(std::string(e.what()) == "the sum of clients");
  }
  // 9 000 of them fit: 8 999 999 999 999 991 000 clients.
  in.rounds[0].applications.resize(9000);
  in.rounds[0].decision.resize(9000);
  CHECK(build_report_table(in).years[0].clients == 8'999'999'999'999'991'000);
}
