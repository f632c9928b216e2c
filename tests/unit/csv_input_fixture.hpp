// Shared by the tests of the CSV input parsers (formats/<kind>_csv.hpp): the
// rules of their round, and diagnostics in the one-line form users see.
#pragma once
#include <string>
#include <vector>

#include "values/diagnostic.hpp"
#include "values/rules.hpp"

namespace competition::testing {

// Two criteria: `a` from 0 to 10 in whole steps, `B` (matched as `b`) from 1
// to 5 in steps of 0.25.
inline Rules csv_input_rules() {
  return load_rules(R"(
[competition]
id = "csv-1"
title = "t"
year = 2024
budget = 1000

[[criteria]]
id = "a"
weight = 1
min = 0
max = 10

[[criteria]]
id = "B"
weight = 1
min = 1
max = 5
step = 0.25
)",
                    "rules.toml");
}

inline std::vector<std::string> texts(const std::vector<Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(d.to_string(Lang::en));
  return out;
}

}  // namespace competition::testing
