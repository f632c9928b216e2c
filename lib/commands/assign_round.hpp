// `competition assign` as a library call (docs/cli.md "assign"): reads the
// round's applications, reviewers, conflicts and reviews, solves the
// assignment (engine/assignment.hpp), and stores it with its `assign` log
// entry in one transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/assignment.hpp"
#include "store/store.hpp"

namespace competition {

struct AssignOptions {
  std::optional<std::uint64_t> seed;  // none: the seed of the round's last assignment (0 before the first)
  bool force = false;                 // the round has an assignment: keep its still valid pairs, fill the gaps
};

// Error(conflict) when the round is ranked by votes, allocated, already has an
// assignment (without `force`), or cannot be covered (naming every application
// that cannot, with how many reviewers it can have); nothing is stored then.
RoundAssignment assign_round(Store& store, const std::optional<std::string>& round_id, const AssignOptions& options);

// The round's stored assignment as `assign` printed it (`assign --show`),
// with the seed it was made with; reads only. Error(conflict) when the round
// has none.
RoundAssignment stored_round_assignment(Store& store, const std::optional<std::string>& round_id);

// The log payload of an assignment: {"seed", "pairs": [[application, reviewer], …]} sorted.
[[nodiscard]] nlohmann::ordered_json assignment_payload(std::uint64_t seed,
                                                        const std::vector<std::pair<std::string, std::string>>& pairs);

}  // namespace competition
