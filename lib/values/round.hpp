// A round as the store holds it: its id, year, title, currency, budget, the
// rules as written and their SHA-256, and its stage.
#pragma once
#include <string>

#include "values/money.hpp"

namespace competition {

struct RoundRecord {
  std::string id;
  int year = 0;
  std::string title;
  std::string currency;
  Money budget;
  std::string rules_text;
  std::string rules_sha256;
  std::string stage;  // open | scored | allocated
};

}  // namespace competition
