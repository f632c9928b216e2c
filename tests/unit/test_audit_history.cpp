// `audit history` (docs/cli.md "audit"): every rule — the half-unit tolerance of the
// published value's last decimal place compared exactly (exactly half a unit
// is no finding), a published value whose computed value is undefined, an
// empty published cell, winners above participants, unfunded winners as a
// note — and the JSON of docs/cli.md. The Kharkiv table's findings are worked by
// hand in tests/e2e/audit/HISTORY-WORKING.md.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/audit_history.hpp"
#include "render/render_history_audit.hpp"
#include "values/diagnostic.hpp"

using namespace competition;

namespace {

HistoryYear year(int y, std::int64_t participants, std::int64_t winners, std::int64_t budget, std::int64_t attracted,
                 std::int64_t clients, std::string coefficient, std::string cost, std::string note = "") {
  HistoryYear h;
  h.year = y;
  h.participants = participants;
  h.winners = winners;
  h.budget = Money::from_hryvnias(budget);
  h.attracted = Money::from_hryvnias(attracted);
  h.clients = clients;
  h.coefficient = std::move(coefficient);
  h.cost_per_client = std::move(cost);
  h.note = std::move(note);
  return h;
}

}  // namespace

TEST_CASE("audit history: the tolerance is half a unit of the published last decimal place, exactly") {
  // 39/4 = 9.75 against 9.8: exactly half of 0.1 away — not a finding (Kharkiv 2007).
  CHECK_FALSE(outside_published_precision(Rational(39, 4), "9.8"));
  CHECK_FALSE(outside_published_precision(Rational(39, 4), "9,8"));
  // A hair beyond half a unit on either side is.
  CHECK(outside_published_precision(Rational(9749, 1000), "9.8"));
  CHECK(outside_published_precision(Rational(9851, 1000), "9.8"));
  CHECK_FALSE(outside_published_precision(Rational(985, 100), "9.8"));  // exactly half above
  // The number of decimals sets the unit: 6.00 means ±0.005 (Kharkiv 2013: 5.983… is a finding).
  CHECK(outside_published_precision(Rational(7470800, 1248667), "6.00"));
  CHECK_FALSE(outside_published_precision(Rational(7470800, 1248667), "6.0"));
  // No decimals: ±0.5 (Kharkiv 2002's cost per client 18 against 18.036…).
  CHECK_FALSE(outside_published_precision(Rational(9000, 499), "18"));
  CHECK_FALSE(outside_published_precision(Rational(37, 2), "18"));  // 18.5: exactly half
  CHECK(outside_published_precision(Rational(371, 20), "18"));      // 18.55
  // A published text that is not a number never matches.
  CHECK(outside_published_precision(Rational(1), "n/a"));
}

TEST_CASE("audit history: mismatches of the coefficient and the cost per client are findings") {
  // 2003: budget 828 000, attracted 835 900, clients 41 050; cost per client
  // (828 000 + 835 900) / 41 050 = 40.533…, published 20.2.
  auto a = audit_history({year(2003, 71, 42, 828000, 835900, 41050, "1.01", "20.2")});
  REQUIRE(a.findings.size() == 1);
  CHECK(a.findings[0].year == 2003);
  CHECK(a.findings[0].indicator == "cost_per_client");
  CHECK(a.findings[0].published == "20.2");
  REQUIRE(a.findings[0].computed);
  CHECK(*a.findings[0].computed == Rational(1663900, 41050));
  CHECK_FALSE(a.ok());
  CHECK(render_history_audit_json(a) ==
        R"({"ok":false,"findings":[{"year":2003,"indicator":"cost_per_client","published":"20.2",)"
        R"("computed":"40.53"}],"notes":[]})"
        "\n");
}

TEST_CASE("audit history: a published value where the computed one is undefined is a finding") {
  // Zero budget: no coefficient; zero clients: no cost per client.
  auto a =
      audit_history({year(2020, 5, 2, 0, 1000, 10, "3.1", "100.0"), year(2021, 5, 2, 1000, 1000, 0, "1.0", "7.5")});
  REQUIRE(a.findings.size() == 2);
  CHECK(a.findings[0].year == 2020);
  CHECK(a.findings[0].indicator == "coefficient");
  CHECK_FALSE(a.findings[0].computed);
  CHECK(a.findings[1].year == 2021);
  CHECK(a.findings[1].indicator == "cost_per_client");
  CHECK_FALSE(a.findings[1].computed);
  CHECK(render_history_audit_json(a).find(R"("published":"3.1","computed":null)") != std::string::npos);
  // A zero budget with winners is a note as well (2020), not a finding of its own.
  REQUIRE(a.notes.size() == 1);
  CHECK(a.notes[0].year == 2020);
  CHECK(a.notes[0].note == "unfunded_winners");
}

TEST_CASE("audit history: an empty published cell is never a finding, even when undefined") {
  auto a = audit_history(
      {year(2014, 109, 41, 0, 3506000, 556310, "", "6.3", "безфін."), year(2015, 3, 0, 0, 0, 0, "", " ")});
  CHECK(a.findings.empty());
  CHECK(a.ok());
  // 2014: 41 winners with no budget money is worth knowing; 2015 has no winners.
  REQUIRE(a.notes.size() == 1);
  CHECK(a.notes[0].year == 2014);
  CHECK(a.notes[0].winners == 41);
  CHECK(a.notes[0].published_note == "безфін.");
  CHECK(render_history_audit_json(a) ==
        "{\"ok\":true,\"findings\":[],\"notes\":[{\"year\":2014,\"note\":\"unfunded_winners\"}]}\n");
}

TEST_CASE("audit history: winners above participants is a finding with indicator winners") {
  auto a = audit_history(
      {year(2001, 25, 26, 21000, 67000, 7413, "3.2", "11.9"), year(2002, 25, 25, 21000, 67000, 7413, "", "")});
  REQUIRE(a.findings.size() == 1);
  CHECK(a.findings[0].indicator == "winners");
  CHECK(a.findings[0].published == "26");
  CHECK(a.findings[0].participants == 25);
  CHECK_FALSE(a.findings[0].computed);
  CHECK(render_history_audit_text(a, Lang::en).find("2001: winners: 26 winners, more than the 25 participants") !=
        std::string::npos);
}

TEST_CASE("audit history: a consistent table has no findings; findings come in year and row order") {
  std::vector<HistoryYear> rows = {year(2007, 58, 44, 400000, 3900000, 162335, "9.8", "26.5"),
                                   year(2000, 39, 3, 6000, 50400, 800, "8.4", "70.5")};
  auto a = audit_history(rows);
  CHECK(a.ok());
  CHECK(a.from == 2000);
  CHECK(a.to == 2007);
  CHECK(a.years == 2);
  CHECK(render_history_audit_text(a, Lang::uk).rfind("Історична таблиця 2000–2007 (років: 2): знахідок немає", 0) == 0);
  rows.push_back(year(2005, 3, 4, 100, 100, 10, "9.9", "1"));
  a = audit_history(rows);
  REQUIRE(a.findings.size() == 3);
  CHECK(a.findings[0].indicator == "winners");
  CHECK(a.findings[1].indicator == "coefficient");
  CHECK(a.findings[2].indicator == "cost_per_client");
  CHECK(render_history_audit_text(a, Lang::uk)
            .find("2005: коефіцієнт залучених коштів: опубліковано 9,9, обчислено 1,00") != std::string::npos);
}

TEST_CASE("audit history: --from and --to choose the years; bad ranges are usage errors") {
  std::vector<HistoryYear> rows = {year(2000, 1, 1, 1, 1, 1, "", ""), year(2001, 1, 1, 1, 1, 1, "", ""),
                                   year(2002, 1, 1, 1, 1, 1, "", "")};
  auto a = audit_history(rows, 2001, 2001);
  CHECK(a.years == 1);
  CHECK_THROWS_WITH_AS(audit_history(rows, 2002, 2001), "--from 2002 is after --to 2001", Error);
  CHECK_THROWS_WITH_AS(audit_history(rows, 2010, 2012),
                       "--from/--to: no history year in 2010–2012 (history has 2000–2002)", Error);
  // One bound only: the message names the bound given, not the history's other end.
  CHECK_THROWS_WITH_AS(audit_history(rows, 2019, std::nullopt),
                       "--from/--to: no history year in 2019– (history has 2000–2002)", Error);
  CHECK_THROWS_WITH_AS(audit_history(rows, std::nullopt, 1999),
                       "--from/--to: no history year in –1999 (history has 2000–2002)", Error);
  CHECK_THROWS_AS(audit_history({}), Error);
  try {
    static_cast<void>(audit_history({}));
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::invalid);
  }
}
