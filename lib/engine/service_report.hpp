// docs/report.md "By service": how many of a year's winning organisations
// provide each service, and their share of all that year's winning organisations.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/indicators.hpp"

namespace competition {

struct ServiceRow {
  std::string service;             // slug
  std::int64_t organisations = 0;  // winning organisations with a winning project providing it
  std::int64_t share = 0;          // percent of the year's winning organisations, 0 decimals, half away from zero
};

struct ServiceYear {
  int year = 0;
  std::int64_t organisations = 0;  // all the year's winning organisations, services or not
  std::vector<ServiceRow> rows;    // most organisations first, then by slug
};

struct ServiceTable : RoundYearsSpan {
  std::vector<ServiceYear> years;  // the years with rounds, ascending
};

// docs/report.md "By service": the years asked as for the main report (the same errors).
[[nodiscard]] ServiceTable build_service_table(const ReportInput& input, const ReportYears& asked = {});

}  // namespace competition
