// A round as the store holds it: its id, year, title, currency, budget, the
// rules as written and their SHA-256, and its stage.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "values/money.hpp"

namespace competition {

// How far a round has got (docs/cli.md "status"): open until `score` stores its
// scores, scored until `allocate` stores a decision, then allocated.
enum class Stage { open, scored, allocated };

// The stored and printed name of a stage: `open`, `scored`, `allocated`.
[[nodiscard]] std::string_view to_string(Stage stage);
// The stage of a stored name; nullopt for any other text.
[[nodiscard]] std::optional<Stage> parse_stage(std::string_view text);

struct RoundRecord {
  std::string id;
  int year = 0;
  std::string title;
  std::string currency;
  Money budget;
  std::string rules_text;
  std::string rules_sha256;
  Stage stage = Stage::open;
};

}  // namespace competition
