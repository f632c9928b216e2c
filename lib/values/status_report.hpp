// What `competition status` shows (docs/competition.1): the rounds with their
// stage and counts, and the years of imported history.
#pragma once
#include <string>
#include <vector>

#include "values/money.hpp"
#include "values/round.hpp"

namespace competition {

struct RoundStatus {
  std::string id;
  int year = 0;
  std::string title;
  Stage stage = Stage::open;
  std::string currency;
  long applications = 0, reviews = 0, funded = 0;
  Money budget, awarded;
};

struct StatusReport {
  std::vector<RoundStatus> rounds;
  std::vector<int> history_years;
};

}  // namespace competition
