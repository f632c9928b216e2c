// The bundle's decision.md (docs/bundle.md: "decision.json's content for
// people, as in the minutes"): the round, its budget, the lots, the commission
// decisions applied, every application with its rank, status, award, lot and
// reasons in words, the totals and the full fingerprint, in Ukrainian or
// English. Rendered from the decision record itself (not from a recomputation)
// plus the rules and the applications for names, so that `audit bundle` can
// render it again from the bundle alone and compare.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "values/lang.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

std::string render_decision_md(const Rules& rules, const std::vector<Application>& applications,
                               const nlohmann::ordered_json& record, Lang lang);

}  // namespace competition
