// `competition status` (cli.md): the rounds with their stage and counts, and
// the years of imported history.
#pragma once
#include <string>
#include <vector>

#include "store/store.hpp"
#include "values/money.hpp"

namespace competition {

struct RoundStatus {
  std::string id;
  int year = 0;
  std::string title;
  std::string stage;
  std::string currency;
  long applications = 0, reviews = 0, funded = 0;
  Money budget, awarded;
};

struct StatusReport {
  std::vector<RoundStatus> rounds;
  std::vector<int> history_years;
};

StatusReport collect_status(Store& store);

std::string render_status_json(const StatusReport& s);
std::string render_status_text(const StatusReport& s, bool english);

}  // namespace competition
