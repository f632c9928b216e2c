#include "values/round.hpp"

namespace competition {

std::string_view to_string(Stage stage) {
  switch (stage) {
    case Stage::open:
      return "open";
    case Stage::scored:
      return "scored";
    case Stage::allocated:
      return "allocated";
  }
  return "open";
}

std::optional<Stage> parse_stage(std::string_view text) {
  for (Stage s : {Stage::open, Stage::scored, Stage::allocated})
    if (to_string(s) == text) return s;
  return std::nullopt;
}

}  // namespace competition
