// Reviewer assignment (docs/cli.md "assign"): `per_application` reviewers for
// every application, never a forbidden pair (a conflict of interest, an
// excluded review), no reviewer above its capacity, pairs that already have a
// valid review kept. Among those, the optimum in this order: (1) the smallest
// largest load; (2) the most pairs whose reviewer knows the application's
// category (when `match_categories`); (3) the smallest sum of squared loads;
// (4) the smallest sum of pair_cost(seed, application, reviewer). Solved
// exactly with LEMON's max-flow and min-cost flow, one objective after
// another, each over a few pairs per application that grow until the flow's
// potentials price every other pair out (docs/performance.md "assign").
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace competition {

struct AssignApplication {
  std::string id;
  std::string category;  // empty: none
};

struct AssignReviewer {
  std::string id;
  std::vector<std::string> categories;   // canonical (sorted)
  std::optional<std::int64_t> capacity;  // none: no limit
};

// Positions into the applications and reviewers.
using AssignPair = std::pair<std::uint32_t, std::uint32_t>;  // (application, reviewer)

struct AssignmentInput {
  std::vector<AssignApplication> applications;
  std::vector<AssignReviewer> reviewers;
  std::vector<AssignPair> forbidden;  // conflicts of interest and excluded reviews
  std::vector<AssignPair> kept;       // pairs that stay (valid reviews, --force's still valid pairs)
  std::int64_t per_application = 2;
  bool match_categories = true;
  std::uint64_t seed = 0;
};

// An application that cannot get `per_application` reviewers, and how many it can have.
struct Uncovered {
  std::uint32_t application;
  std::int64_t possible;
  bool operator==(const Uncovered&) const = default;
};

struct AssignmentResult {
  bool feasible = false;
  std::vector<AssignPair> pairs;     // kept and new, sorted by application id then reviewer id
  std::vector<Uncovered> uncovered;  // when infeasible, by application id
  // When infeasible because the kept pairs (reviews already in) load a reviewer
  // above its capacity: those reviewers, by position.
  std::vector<std::uint32_t> over_capacity;
  std::int64_t max_load = 0;
  std::int64_t min_load = 0;
  std::int64_t category_matches = 0;
};

// h(a, r): the first 4 bytes, big-endian, of SHA-256("SEED/APPLICATION/REVIEWER").
[[nodiscard]] std::uint32_t pair_cost(std::uint64_t seed, const std::string& application, const std::string& reviewer);

[[nodiscard]] AssignmentResult assign_reviewers(const AssignmentInput& in);

// The result that `pairs` are (feasible, sorted by ids, with their loads and
// category matches): a stored assignment shown again (`assign --show`).
[[nodiscard]] AssignmentResult assignment_of(const AssignmentInput& in, std::vector<AssignPair> pairs);

// A round's solved assignment, as `assign` prints it.
struct RoundAssignment {
  std::string round;
  std::uint64_t seed = 0;
  AssignmentInput input;  // the applications (withdrawn ones left out) and reviewers, by id
  AssignmentResult result;
};

}  // namespace competition
