// year.md §5's cross-year checks over hand-made facts (engine/cross_year_checks.hpp):
// the cut-off, the report due and received, the facts kept and the findings.
#include "engine/cross_year_checks.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace competition;

namespace {

Application applicant(const char* id, const char* organisation, const char* title, const char* submitted_at = "") {
  Application a;
  a.id = id;
  a.organisation_key = organisation;
  a.title = title;
  a.submitted_at = submitted_at;
  return a;
}

}  // namespace

TEST_CASE("cross-year checks: the cut-off is the earliest submitted_at's date, else 1 January") {
  // 2018-01-19 is earlier than 2018-02-05 (a date-time: its date counts); the empty one is left out.
  std::vector<Application> apps = {applicant("A", "", "", "2018-02-05T10:05:00Z"), applicant("B", "", "", ""),
                                   applicant("C", "", "", "2018-01-19")};
  CHECK(cut_off_date(2018, apps) == "2018-01-19");
  CHECK(cut_off_date(2018, {applicant("A", "", "")}) == "2018-01-01");
  CHECK(cut_off_date(2018, {}) == "2018-01-01");
}

TEST_CASE("cross-year checks: a report is missing when due before the cut-off and not received by it") {
  const std::string cut = "2018-01-19";
  // No agreement: due 31 December 2017, before the cut-off.
  CHECK(report_state(2017, std::nullopt, std::nullopt, cut) == ReportState::missing);
  // Received on the cut-off day counts; the day after does not.
  CHECK(report_state(2017, std::nullopt, std::string("2018-01-19"), cut) == ReportState::received);
  CHECK(report_state(2017, std::nullopt, std::string("2018-01-20"), cut) == ReportState::missing);
  // The agreement's report_due: on the cut-off is not before it.
  CHECK(report_state(2017, std::string("2018-01-19"), std::nullopt, cut) == ReportState::not_due);
  CHECK(report_state(2017, std::string("2018-01-18"), std::nullopt, cut) == ReportState::missing);
  CHECK(report_state(2017, std::string("2018-03-01"), std::nullopt, cut) == ReportState::not_due);
  // A round of the same year without an agreement: due 31 December 2018, after the cut-off.
  CHECK(report_state(2018, std::nullopt, std::nullopt, cut) == ReportState::not_due);
}

TEST_CASE("cross-year checks: the facts keep the earlier winners of this round's organisations, by round and id") {
  std::vector<EarlierWinnerRecord> records = {
      {"r-2017", 2017, "A-2", "code:11111111", "«Теплі обіди»", std::nullopt, std::nullopt},
      {"r-2016", 2016, "A-9", "code:11111111", "Інше", std::nullopt, std::string("2016-12-01")},
      {"r-2017", 2017, "A-1", "code:22222222", "Зайве", std::nullopt, std::nullopt},  // applies no more
  };
  CheckFacts facts = check_facts(records, "2018-01-19", {"code:11111111", "name:го нове"});
  REQUIRE(facts.size() == 2);
  CHECK(facts[0] == EarlierWinner{"r-2016", "A-9", "code:11111111", "інше", ReportState::received});
  CHECK(facts[1] == EarlierWinner{"r-2017", "A-2", "code:11111111", "теплі обіди", ReportState::missing});
}

TEST_CASE("cross-year checks: flags by kind, then by round and application; a missing report found") {
  Rules rules;
  rules.earlier_reports = EarlierReports::flag;
  rules.double_funding = true;
  const CheckFacts facts = {
      {"r-2016", "A-9", "code:11111111", "теплі обіди", ReportState::received},
      {"r-2017", "A-2", "code:11111111", "теплі обіди", ReportState::missing},
      {"r-2017", "A-3", "code:11111111", "інше", ReportState::missing},
      {"r-2017", "A-4", "code:22222222", "теплі обіди", ReportState::missing},  // another organisation
  };
  CrossYearFindings f = cross_year_findings(rules, applicant("B-1", "code:11111111", "ТЕПЛІ обіди!"), facts);
  CHECK(f.report_missing);
  CHECK(f.flags == std::vector<std::string>{"earlier_report_missing:r-2017/A-2", "earlier_report_missing:r-2017/A-3",
                                            "possible_double_funding:r-2016/A-9",
                                            "possible_double_funding:r-2017/A-2"});
  // Each check alone.
  rules.double_funding = false;
  CHECK(cross_year_findings(rules, applicant("B-1", "code:11111111", "x"), facts).flags.size() == 2);
  rules.earlier_reports = EarlierReports::off;
  rules.double_funding = true;
  f = cross_year_findings(rules, applicant("B-1", "code:11111111", "Інше"), facts);
  CHECK_FALSE(f.report_missing);
  CHECK(f.flags == std::vector<std::string>{"possible_double_funding:r-2017/A-3"});
  // Off: nothing, whatever the facts.
  rules.double_funding = false;
  f = cross_year_findings(rules, applicant("B-1", "code:11111111", "Інше"), facts);
  CHECK_FALSE(f.report_missing);
  CHECK(f.flags.empty());
}

TEST_CASE("cross-year checks: the flags today's facts would drop or add, by application") {
  Rules rules;
  rules.earlier_reports = EarlierReports::flag;
  rules.double_funding = true;
  const CheckFacts stored = {{"r-2017", "A-2", "code:11111111", "теплі обіди", ReportState::missing}};
  // A-2's report arrived in time but was recorded late; A-5 of the other organisation appears.
  const CheckFacts today = {{"r-2017", "A-2", "code:11111111", "теплі обіди", ReportState::received},
                            {"r-2017", "A-5", "code:22222222", "інше", ReportState::missing}};
  const std::vector<Application> apps = {applicant("B-1", "code:11111111", "Теплі обіди"),
                                         applicant("B-2", "code:22222222", "Нове"),
                                         applicant("B-3", "code:33333333", "Теплі обіди")};
  CHECK(flag_changes(rules, apps, stored, today) ==
        std::vector<FlagChange>{{"B-1", "earlier_report_missing:r-2017/A-2", false},
                                {"B-2", "earlier_report_missing:r-2017/A-5", true}});
  CHECK(flag_changes(rules, apps, stored, stored).empty());
}

TEST_CASE("cross-year checks: what the commission reads: the checks' flags only, and the cut-off") {
  Rules rules;
  rules.year = 2018;
  ScoreResult scores;
  scores.applications.resize(2);
  scores.applications[0].id = "B-1";
  scores.applications[0].flags = {"spread:relevance", "possible_double_funding:r-2017/A-2", "cost_outlier"};
  scores.applications[1].id = "B-2";
  scores.applications[1].flags = {"spread:relevance"};
  const std::vector<Application> apps = {applicant("B-1", "", "", "2018-02-05"), applicant("B-2", "", "", "")};
  // No check on: nothing shown.
  CHECK_FALSE(cross_year_view(rules, apps, scores).shown);
  // cost_outlier alone: shown, without a cut-off (it reads no earlier round).
  rules.cost_outlier_factor = Rational(5);
  CrossYearView v = cross_year_view(rules, apps, scores);
  CHECK(v.shown);
  CHECK_FALSE(v.cut_off.has_value());
  rules.double_funding = true;
  v = cross_year_view(rules, apps, scores);
  CHECK(v.cut_off == std::optional<std::string>("2018-02-05"));
  CHECK(v.flags == std::map<std::string, std::vector<std::string>>{
                       {"B-1", {"possible_double_funding:r-2017/A-2", "cost_outlier"}}});
}
