// The commission decision request a refusal is worded relative to (docs/cli.md
// "Commission decisions": `withdraw: D-08 is rejected; …`). The library names the
// request as data; render/remedy_words.cpp words it as the command line that made it.
#pragma once
#include <optional>

#include "values/log_kind.hpp"

namespace competition {

// The part of a request a message is about, when it is one of its inputs.
enum class DecisionInput { none, reason, award };

struct DecisionSubject {
  DecisionKind kind = DecisionKind::withdraw;
  std::optional<int> number;                  // `undo`: the decision it reverses, when the message names it
  DecisionInput input = DecisionInput::none;  // the input the message is about
};

}  // namespace competition
