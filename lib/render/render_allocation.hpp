// The outputs of `competition allocate` (docs/cli.md "allocate"): text for the
// commission and Markdown (labels and reasons in words, --lang uk|en), and the
// machine forms: CSV (docs/cli.md's columns, tokens, formula neutralisation,
// --excel) and JSON (docs/cli.md's shape and key order).
#pragma once
#include <string>
#include <vector>

#include "base/output_sink.hpp"
#include "engine/allocation.hpp"
#include "engine/commission.hpp"
#include "engine/cross_year_checks.hpp"
#include "values/lang.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

// What every form shows: the rules (lot names, currency, criteria names), the
// applications (organisation names, requests), the decision and its fingerprint.
struct AllocationView {
  const Rules& rules;
  const std::vector<Application>& applications;
  const Decision& decision;
  std::string fingerprint;
  // The commission decisions the allocation applied, in log order (docs/rules.md §4
  // step 2): every form shows them with their reasons, and only when there are any.
  std::vector<CommissionDecision> decisions = {};
  // year.md §5: the flags of the checks on earlier rounds and the cut-off date
  // (the text and Markdown forms show them when the rules run such checks).
  CrossYearView cross_year = {};
};

// Each form is written into `out` as it is made (a national decision lists
// 100 000s of applications).
// Header, lots, winners, reserve (rank order, reasons in words), commission
// decisions (withdrawn, declined and overridden applications and orders, with
// the decisions' numbers and reasons), rejected and incomplete, the flags of
// the checks on earlier rounds (when the rules run any), totals with the
// coefficient, fingerprint.
void render_allocation_text(OutputSink& out, const AllocationView& v, Lang lang);
void render_allocation_md(OutputSink& out, const AllocationView& v, Lang lang);
// `rank,id,organisation,status,award,lot,reasons`, and when decisions applied
// two more: `decision` (withdraw, override or order: the standing decision on
// the application) and `decision_reason`.
void render_allocation_csv(OutputSink& out, const AllocationView& v, bool excel);
// `{"round", "budget", "awarded", "leftover", "cofinancing", "coefficient",
// "fingerprint", "lots", "applications"}`; when decisions applied, `decisions`
// (as in the decision record) follows `fingerprint`.
void render_allocation_json(OutputSink& out, const AllocationView& v);

}  // namespace competition
