#include "engine/service_report.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "values/rational.hpp"

namespace competition {

namespace {

// One year: the organisations (formats.md identity: organisation_key) of the
// winning projects, and per service the organisations of those providing it.
ServiceYear service_year(const YearRow& main, const std::vector<const RoundData*>& rounds) {
  ServiceYear y;
  y.year = main.year;
  std::set<std::string> winners;
  std::map<std::string, std::set<std::string>> providers;
  for (const RoundData* r : rounds) {
    std::map<std::string, const Application*> apps;
    for (const auto& a : r->applications) apps.emplace(a.id, &a);
    for (const auto& line : r->decision) {
      if (!is_winner(line)) continue;
      const Application& a = *apps.at(line.application);
      winners.insert(a.organisation_key);
      for (const auto& s : a.services) providers[s].insert(a.organisation_key);
    }
  }
  y.organisations = static_cast<std::int64_t>(winners.size());
  for (const auto& [service, orgs] : providers) {
    auto n = static_cast<std::int64_t>(orgs.size());
    // Exact: round(100 n / all) half away from zero (docs/report.md "By service").
    auto share = static_cast<std::int64_t>(round_half_away(int128(100) * n, y.organisations, 0));
    y.rows.push_back({service, n, share});
  }
  std::stable_sort(y.rows.begin(), y.rows.end(),
                   [](const ServiceRow& a, const ServiceRow& b) { return a.organisations > b.organisations; });
  return y;
}

}  // namespace

// docs/report.md "By service".
ServiceTable build_service_table(const ReportInput& input, const ReportYears& asked) {
  ServiceTable t;
  static_cast<RoundYearsSpan&>(t) = each_round_year(
      input, asked, [&](const YearRow& row, const auto& rounds) { t.years.push_back(service_year(row, rounds)); });
  return t;
}

}  // namespace competition
