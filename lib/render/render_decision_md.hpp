// The bundle's decision.md (docs/bundle.md: "decision.json's content for
// people, as in the minutes"): the round, its budget, the lots, the commission
// decisions applied, every application with its rank, status, award, lot and
// reasons in words, the totals and the full fingerprint, in Ukrainian or
// English. Rendered from the decision record itself (not from a recomputation)
// plus the rules and the applications for names, so that `audit bundle` can
// render it again from the bundle alone and compare.
#pragma once
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "values/lang.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

// The record's applications, each visited in order: from the tree, or read
// again from decision.json's text (formats/record_scan.hpp), which a national
// round's record is too big to hold as a tree.
using ApplicationVisit = std::function<void(const nlohmann::ordered_json&)>;
using RecordApplications = std::function<void(const ApplicationVisit&)>;
using MdSink = std::function<void(std::string_view)>;

// decision.md given to `sink` in pieces: the record's members but its
// `applications`, which `record_applications` gives (more than once).
void write_decision_md(const Rules& rules, const std::vector<Application>& applications,
                       const nlohmann::ordered_json& record, const RecordApplications& record_applications, Lang lang,
                       const MdSink& sink);

// The same for a record held whole, as one text.
std::string render_decision_md(const Rules& rules, const std::vector<Application>& applications,
                               const nlohmann::ordered_json& record, Lang lang);

}  // namespace competition
