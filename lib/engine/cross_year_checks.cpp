#include "engine/cross_year_checks.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "values/title_key.hpp"

namespace competition {

// year.md §5, the cut-off date. submitted_at is canonical (dates.hpp): its
// first ten characters are its date (UTC when an offset was given).
std::string cut_off_date(int year, const std::vector<Application>& applications) {
  std::string earliest;
  for (const Application& a : applications) {
    if (a.submitted_at.size() < 10) continue;
    std::string date = a.submitted_at.substr(0, 10);
    if (earliest.empty() || date < earliest) earliest = std::move(date);
  }
  return earliest.empty() ? fmt::format("{:04}-01-01", year) : earliest;
}

// year.md §5 `earlier_reports`: due before the cut-off, not received on or before it.
ReportState report_state(int year, const std::optional<std::string>& report_due,
                         const std::optional<std::string>& received_on, const std::string& cut_off) {
  if (received_on && *received_on <= cut_off) return ReportState::received;
  const std::string due = report_due ? *report_due : fmt::format("{:04}-12-31", year);
  return due < cut_off ? ReportState::missing : ReportState::not_due;
}

CheckFacts check_facts(const std::vector<EarlierWinnerRecord>& records, const std::string& cut_off,
                       const std::set<std::string>& applicants) {
  CheckFacts facts;
  for (const EarlierWinnerRecord& r : records)
    if (applicants.count(r.organisation))
      facts.push_back({r.round, r.application, r.organisation, title_key(r.title),
                       report_state(r.year, r.report_due, r.received_on, cut_off)});
  std::sort(facts.begin(), facts.end(), [](const EarlierWinner& x, const EarlierWinner& y) {
    return x.round != y.round ? x.round < y.round : x.application < y.application;
  });
  return facts;
}

// year.md §5: `earlier_report_missing:` flags, then `possible_double_funding:`
// ones, each in the facts' order (round, then application).
CrossYearFindings cross_year_findings(const Rules& rules, const Application& application, const CheckFacts& facts) {
  CrossYearFindings out;
  if (!rules.checks_history()) return out;
  auto flag = [&](std::string_view kind, const EarlierWinner& w) {
    out.flags.push_back(kind);
    out.flags.append_to_last(w.round);
    out.flags.append_to_last("/");
    out.flags.append_to_last(w.application);
  };
  if (rules.earlier_reports != EarlierReports::off)
    for (const EarlierWinner& w : facts)
      if (w.organisation == application.organisation_key && w.report == ReportState::missing) {
        out.report_missing = true;
        flag("earlier_report_missing:", w);
      }
  if (rules.double_funding) {
    const std::string key = title_key(application.title);
    for (const EarlierWinner& w : facts)
      if (w.organisation == application.organisation_key && w.title_key == key) flag("possible_double_funding:", w);
  }
  return out;
}

std::vector<FlagChange> flag_changes(const Rules& rules, const std::vector<Application>& applications,
                                     const CheckFacts& stored, const CheckFacts& today) {
  std::vector<FlagChange> out;
  for (const Application& a : applications) {
    const TokenList before = cross_year_findings(rules, a, stored).flags;
    const TokenList after = cross_year_findings(rules, a, today).flags;
    auto has = [](const TokenList& list, std::string_view flag) {
      for (std::string_view f : list)
        if (f == flag) return true;
      return false;
    };
    for (std::string_view f : before)
      if (!has(after, f)) out.push_back({a.id, std::string(f), false});
    for (std::string_view f : after)
      if (!has(before, f)) out.push_back({a.id, std::string(f), true});
  }
  return out;
}

// year.md §5: the flags of these checks, as the commission reads them.
CrossYearView cross_year_view(const Rules& rules, const std::vector<Application>& applications,
                              const ScoreResult& scores) {
  CrossYearView out;
  out.shown = rules.checks_history() || rules.cost_outlier_factor.has_value();
  if (!out.shown) return out;
  if (rules.checks_history()) out.cut_off = cut_off_date(rules.year, applications);
  for (const ScoredApplication& a : scores.applications)
    for (std::string_view flag : a.flags)
      if (flag.starts_with("earlier_report_missing:") || flag.starts_with("possible_double_funding:") ||
          flag == "cost_outlier")
        out.flags[a.id].emplace_back(flag);
  return out;
}

}  // namespace competition
