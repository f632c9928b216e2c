// The outputs of `competition audit` and `audit bundle` (cli.md "audit"): the
// JSON of cli.md with machine tokens, and text for people with every
// difference in words (`A-017: award: stored 50100.00, computed 50000.00`),
// labels in Ukrainian or English.
#pragma once
#include <string>

#include "engine/audit_compare.hpp"
#include "engine/audit_report.hpp"

namespace competition {

// A difference's field in words (`award` -> `сума`, `inputs.reviews.csv` ->
// `хеш reviews.csv у записі рішення`).
std::string field_in_words(const std::string& field, bool english);
// One difference as a line: `A-017: award: stored 50100.00, computed 50000.00`;
// a problem (a value that could not be read) as `rules: <what>`.
std::string difference_in_words(const Difference& d, bool english);

// cli.md: `{"ok", "rounds": [{"round", "ok", "chain", "pending_decisions", "differences":
// [{"application", "field", "stored", "computed"}]}]}`.
std::string render_audit_json(const AuditResult& result);
// Per round: a heading with the verdict, the differences, the decision log's
// state. `quiet`: only the differences, each prefixed with its round.
std::string render_audit_text(const AuditResult& result, bool english, bool quiet);

// docs/audit.md: `{"ok", "bundle", "round", "fingerprint", "differences": [...]}`.
std::string render_bundle_audit_json(const BundleAudit& audit);
std::string render_bundle_audit_text(const BundleAudit& audit, bool english, bool quiet);

}  // namespace competition
