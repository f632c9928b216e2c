// A round's stage (values/round.hpp): the names the database and the outputs use.
#include <doctest/doctest.h>

#include "values/round.hpp"

using namespace competition;

TEST_CASE("round: stages by their stored names, both ways") {
  CHECK(to_string(Stage::open) == "open");
  CHECK(to_string(Stage::scored) == "scored");
  CHECK(to_string(Stage::allocated) == "allocated");
  CHECK(parse_stage("open") == Stage::open);
  CHECK(parse_stage("scored") == Stage::scored);
  CHECK(parse_stage("allocated") == Stage::allocated);
  CHECK_FALSE(parse_stage("Allocated").has_value());
  CHECK_FALSE(parse_stage("").has_value());
  CHECK(RoundRecord{}.stage == Stage::open);
}
