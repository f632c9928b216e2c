// What `withdraw`, `override`, `order` and `decisions --undo` share (docs/cli.md
// "Commission decisions"): the decision recorded, then printed.
#pragma once
#include <string>

#include "app.hpp"
#include "commands/commission_decisions.hpp"

namespace competition::cli {

// Records `request` in the round's decision log (--round), writes the entry in
// `format` (text or json, already checked) and, on standard error, when it
// applies. The command's exit code: 0.
int record_and_print(const GlobalOptions& g, const std::string& format, Store& store, const DecisionRequest& request);

}  // namespace competition::cli
