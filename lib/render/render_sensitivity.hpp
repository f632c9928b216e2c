// The outputs of `competition sensitivity` (docs/cli.md "sensitivity"): text and
// Markdown for the commission (labels, scenarios and margins in words, --lang
// uk|en), CSV (docs/cli.md's columns, tokens) and JSON (docs/cli.md's shape).
#pragma once
#include <vector>

#include "base/output_sink.hpp"
#include "engine/sensitivity.hpp"
#include "values/lang.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

struct SensitivityView {
  const Rules& rules;
  const std::vector<Application>& applications;  // organisation names
  const Sensitivity& sensitivity;
};

// Title, the scenarios (and the decisions each could not apply), the count of
// each label, then every application with its label, scenarios and margin.
void render_sensitivity_text(OutputSink& out, const SensitivityView& v, Lang lang);
void render_sensitivity_md(OutputSink& out, const SensitivityView& v, Lang lang);
// `id,status,award,label,funded_in,of,flips,margin_steps,margin_reviewer,margin_criterion,margin_direction`.
void render_sensitivity_csv(OutputSink& out, const SensitivityView& v, bool excel);
// `{"round", "scenarios", "applications"}` as docs/cli.md shows.
void render_sensitivity_json(OutputSink& out, const SensitivityView& v);

}  // namespace competition
