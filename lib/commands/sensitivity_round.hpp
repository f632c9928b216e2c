// `competition sensitivity` as a library call (docs/cli.md "sensitivity"): the
// round's stored inputs and the commission decisions its baseline applies, run
// through engine/sensitivity.hpp. Reads only: nothing is stored.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/sensitivity.hpp"
#include "store/store.hpp"
#include "values/model.hpp"
#include "values/round.hpp"
#include "values/rules.hpp"

namespace competition {

struct SensitivityResult {
  RoundRecord round;
  Rules rules;
  std::vector<Application> applications;
  Sensitivity sensitivity;
};

// The commission decisions the baseline applies (docs/sensitivity.md): on an
// allocated round those its latest allocation applied, else those standing now.
[[nodiscard]] std::vector<CommissionDecision> baseline_decisions(Store& store, const RoundRecord& round);

// docs/cli.md "sensitivity" over the round (`--round`, or the only one).
// Error(conflict) when it is not scored yet, or when a standing decision cannot
// apply to the baseline.
[[nodiscard]] SensitivityResult run_sensitivity(Store& store, const std::optional<std::string>& round_id);

}  // namespace competition
