// `competition init` (docs/cli.md): register a round from its rules file, or replace
// the rules of a round that is not yet allocated.
#pragma once
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace competition {

struct InitResult {
  std::string round;
  bool created = false;    // false: the rules of an existing round were replaced
  bool unchanged = false;  // the same rules text was already stored
  std::string rules_sha256;
};

// Validates the rules (Error(invalid) with every problem), then stores them in
// one transaction. An allocated round is frozen: Error(conflict).
InitResult init_round(Store& store, std::string_view rules_text, std::string_view file);

}  // namespace competition
