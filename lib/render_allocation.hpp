// The outputs of `competition allocate` (cli.md "allocate"): text for the
// commission and Markdown (labels and reasons in words, --lang uk|en), and the
// machine forms: CSV (cli.md's columns, tokens, formula neutralisation,
// --excel) and JSON (cli.md's shape and key order).
#pragma once
#include <string>
#include <vector>

#include "allocation.hpp"
#include "model.hpp"
#include "rules.hpp"

namespace competition {

// What every form shows: the rules (lot names, currency, criteria names), the
// applications (organisation names, requests), the decision and its fingerprint.
struct AllocationView {
  const Rules& rules;
  const std::vector<Application>& applications;
  const Decision& decision;
  std::string fingerprint;
};

// Header, lots, winners, reserve (rank order, reasons in words), commission
// decisions, rejected and incomplete, totals with the coefficient, fingerprint.
std::string render_allocation_text(const AllocationView& v, bool english);
std::string render_allocation_md(const AllocationView& v, bool english);
// `rank,id,organisation,status,award,lot,reasons`.
std::string render_allocation_csv(const AllocationView& v, bool excel);
// `{"round", "budget", "awarded", "leftover", "cofinancing", "coefficient",
// "fingerprint", "lots", "applications"}`.
std::string render_allocation_json(const AllocationView& v);

}  // namespace competition
