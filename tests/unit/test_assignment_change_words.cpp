// The warning of `status` and `score` for an assignment that no longer covers
// the round (docs/cli.md "assign"), in both languages, capped like other warnings.
#include <doctest/doctest.h>

#include <string>

#include "render/assignment_change_words.hpp"

using namespace competition;
using Kind = AssignmentChange::Kind;

TEST_CASE("assignment change words: one line per change under the heading, Ukrainian and English") {
  const std::vector<AssignmentChange> changes{
      {Kind::uncovered, "A-5", "", 0, 2}, {Kind::conflict, "A-2", "R-3", 0, 0}, {Kind::over_capacity, "", "R-2", 2, 1}};
  CHECK(assignment_change_warning("r-1", changes, Lang::en) ==
        "warning: the reviewer assignment of round r-1 no longer covers the round (applications, reviewers or "
        "conflicts of interest changed after `competition assign`); `competition assign --force` repairs it, keeping "
        "the pairs that still hold:\n"
        "  application A-5 has 0 of 2 reviewers\n"
        "  reviewer R-3 is now in conflict of interest with application A-2, assigned to them\n"
        "  reviewer R-2 is assigned 2 applications, above their capacity 1");
  const std::string uk = assignment_change_warning("r-1", {{Kind::reviewer_gone, "", "R-4", 3, 0}}, Lang::uk);
  CHECK(uk.ends_with("\n  експерта R-4 більше немає в конкурсі, а йому призначено заявок: 3"));
  CHECK(assignment_change_warning("r-1", {}, Lang::en).empty());
}

TEST_CASE("assignment change words: more than 100 changes are cut, the rest counted") {
  std::vector<AssignmentChange> many;
  for (int i = 0; i < 103; ++i) many.push_back({Kind::uncovered, "A-" + std::to_string(i), "", 0, 3});
  const std::string text = assignment_change_warning("r-1", many, Lang::en);
  CHECK(text.find("A-99 has") != std::string::npos);
  CHECK(text.find("A-100 has") == std::string::npos);
  CHECK(text.ends_with("\n… and 3 more warnings (the first 100 are shown)"));
}
