// `competition audit [--round ID | --all]` (docs/cli.md "audit"): re-derives every
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

#include "engine/audit_report.hpp"
#include "store/store.hpp"

namespace competition {

// One round, everything above. Problems reading the stored data (a rules text
// that no longer parses, a review whose scores cannot be read) are differences
// too: a tampered database must give a report, not an error.
[[nodiscard]] RoundAudit audit_round(Store& store, const RoundRecord& round);

// `--all`: every round (by year, id); else the round `--round` names, or the
// only one (Store::resolve_round: Error(invalid) listing the rounds otherwise).
[[nodiscard]] AuditResult audit_rounds(Store& store, const std::optional<std::string>& round, bool all);

}  // namespace competition
