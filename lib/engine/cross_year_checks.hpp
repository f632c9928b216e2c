// year.md §5, the checks against earlier rounds (docs/rules.md "checks"):
// earlier reports missing and possible double funding. The facts they read
// (each earlier winner's organisation, title key and report state as of the
// cut-off) are computed once, at `score`, stored, and read back by `allocate`,
// `audit` and `audit bundle`; these functions are pure.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/token_list.hpp"
#include "engine/scoring.hpp"
#include "values/earlier_winner.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

// An earlier winner as the store reads it, before the cut-off is applied.
struct EarlierWinnerRecord {
  std::string round;
  int year = 0;
  std::string application;
  std::string organisation;  // identity key, as EarlierWinner
  std::string title;
  std::optional<std::string> report_due;   // the agreement's, YYYY-MM-DD
  std::optional<std::string> received_on;  // outcomes.received_on, YYYY-MM-DD
};

// year.md §5: the date of the round's earliest `submitted_at`, else 1 January of `year`.
[[nodiscard]] std::string cut_off_date(int year, const std::vector<Application>& applications);

// year.md §5: the report is due on the agreement's report_due, else on
// 31 December of the earlier round's year; it is `missing` when due before the
// cut-off and not received on or before it, `received` when received by then.
[[nodiscard]] ReportState report_state(int year, const std::optional<std::string>& report_due,
                                       const std::optional<std::string>& received_on, const std::string& cut_off);

// The facts of `records` that can touch this round: the earlier winners whose
// organisation applies in it (`applicants`, identity keys), in CheckFacts order.
[[nodiscard]] CheckFacts check_facts(const std::vector<EarlierWinnerRecord>& records, const std::string& cut_off,
                                     const std::set<std::string>& applicants);

// year.md §5 for one application (organisation_key an identity key, title kept):
// whether `earlier_reports` finds a report missing, and the flags of both
// checks, each kind in turn, by round then application.
struct CrossYearFindings {
  bool report_missing = false;
  TokenList flags;
};
[[nodiscard]] CrossYearFindings cross_year_findings(const Rules& rules, const Application& application,
                                                    const CheckFacts& facts);

// A flag of the checks on earlier rounds on an application.
struct ApplicationFlag {
  std::string application;
  std::string flag;
  bool operator==(const ApplicationFlag&) const = default;
};

// A flag of the checks on earlier rounds that today's facts would give
// (`added`) or no longer give, against the facts stored with the scores.
struct FlagChange {
  std::string application;
  std::string flag;
  bool added = false;
  bool operator==(const FlagChange&) const = default;
};
// year.md §5, audit's `checks_facts_changed`: by application (in `applications`' order), the
// flags dropped then those added, each in the checks' order.
[[nodiscard]] std::vector<FlagChange> flag_changes(const Rules& rules, const std::vector<Application>& applications,
                                                   const CheckFacts& stored, const CheckFacts& today);

// What the commission reads of year.md §5's flags (the minutes, allocate):
// shown when the rules run a check on earlier rounds or `cost_outlier_factor`;
// the cut-off date with a check on earlier rounds; per application with any,
// its flags of these checks (`earlier_report_missing:…`,
// `possible_double_funding:…`, `cost_outlier`) in the score's order.
struct CrossYearView {
  bool shown = false;
  std::optional<std::string> cut_off;
  std::map<std::string, std::vector<std::string>> flags;
};
[[nodiscard]] CrossYearView cross_year_view(const Rules& rules, const std::vector<Application>& applications,
                                            const ScoreResult& scores);

}  // namespace competition
