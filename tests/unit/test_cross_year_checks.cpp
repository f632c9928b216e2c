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
