// `competition audit [--round ID | --all]` (cli.md "audit"): re-derives every
// stored decision from the stored inputs and the stored rules with the library
// (eligibility, scores, ranking, allocation, the decision record and its
// fingerprint), compares it field by field with what the database holds (the
// `scores` and `allocations` tables and the last `allocate` entry of the
// decision log), and verifies the log's hash chain and head and the rules'
// hash. Reads only; never writes the database.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/audit_compare.hpp"
#include "store/store.hpp"

namespace competition {

struct RoundAudit {
  std::string round;
  std::string stage;         // as stored: open | scored | allocated
  bool scored = false;       // stored scores were compared
  bool allocated = false;    // a decision was compared
  std::string chain = "ok";  // ok | broken (verify_chain)
  std::int64_t log_entries = 0;
  int pending_decisions = 0;               // decisions logged after the latest allocation
  std::optional<std::string> fingerprint;  // the stored decision's, when there is one
  std::vector<Difference> differences;     // in check order: rules, scores, allocation, record, log
  std::vector<std::string> notes;          // what was not checked, in words (pabulib: ordinal scores)
  bool ok() const { return differences.empty(); }
};

struct AuditResult {
  std::vector<RoundAudit> rounds;
  bool ok() const;
};

// One round, everything above. Problems reading the stored data (a rules text
// that no longer parses, a review whose scores cannot be read) are differences
// too: a tampered database must give a report, not an error.
RoundAudit audit_round(Store& store, const RoundRecord& round);

// `--all`: every round (by year, id); else the round `--round` names, or the
// only one (Store::resolve_round: Error(invalid) listing the rounds otherwise).
AuditResult audit_rounds(Store& store, const std::optional<std::string>& round, bool all);

}  // namespace competition
