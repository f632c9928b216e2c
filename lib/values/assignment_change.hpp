// What changed in a round since its reviewer assignment (docs/cli.md
// "assign"): found by checking the stored pairs against the round as it is
// now; `status` and `score` warn with them, `assign --force` repairs them.
#pragma once
#include <cstdint>
#include <string>

namespace competition {

struct AssignmentChange {
  enum class Kind {
    uncovered,         // an application with fewer assigned reviewers than per_application (`count` of `limit`)
    withdrawn,         // an assigned application the commission has withdrawn
    application_gone,  // an assigned application no longer in the round
    reviewer_gone,     // an assigned reviewer no longer in the round (`count` applications)
    conflict,          // an assigned pair whose reviewer is now in conflict with the application
    over_capacity,     // a reviewer assigned more (`count`) than its capacity (`limit`)
  };
  Kind kind = Kind::uncovered;
  std::string application;  // empty for the reviewer kinds
  std::string reviewer;     // empty for the application kinds
  std::int64_t count = 0;
  std::int64_t limit = 0;
  bool operator==(const AssignmentChange&) const = default;
};

}  // namespace competition
