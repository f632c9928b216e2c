#include <doctest/doctest.h>

#include "formats/score_sheet_name.hpp"

using namespace competition;

TEST_CASE("score_sheet_name: round-reviewer.extension, kept characters as they are") {
  CHECK(score_sheet_name("esm-2018", "R-01", "xlsx") == "esm-2018-R-01.xlsx");
  CHECK(score_sheet_name("esm-2018", "r.1_a", "csv") == "esm-2018-r.1_a.csv");
}

TEST_CASE("score_sheet_name: every character outside [A-Za-z0-9._-] becomes `_`, each byte of a non-ASCII one") {
  CHECK(score_sheet_name("esm-2018", "R/1", "xlsx") == "esm-2018-R_1.xlsx");
  // `Є` is two bytes in UTF-8: two underscores.
  CHECK(score_sheet_name("r", "Є 1", "csv") == "r-___1.csv");
  // Two ids that differ only where characters are replaced collide.
  CHECK(score_sheet_name("r", "R/1", "xlsx") == score_sheet_name("r", "R_1", "xlsx"));
}
