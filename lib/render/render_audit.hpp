// The outputs of `competition audit` and `audit bundle` (docs/cli.md "audit"): the
// JSON of docs/cli.md with machine tokens, and text for people with every
// difference in words (`A-017: award: stored 50100.00, computed 50000.00`),
// labels in Ukrainian or English.
#pragma once
#include <string>
#include <string_view>

#include "engine/audit_compare.hpp"
#include "engine/audit_report.hpp"
#include "values/lang.hpp"

namespace competition {

// What the text for people shows: everything, or only the differences (`--quiet`).
enum class AuditText { full, differences_only };

// One difference as a line: `A-017: award: stored 50,100.00 UAH, computed
// 50,000.00 UAH` (values as audit_field_words.hpp `value_in_words` shows them,
// money in `currency`); a problem (a value that could not be read) as `rules: <what>`.
std::string difference_in_words(const Difference& d, Lang lang, std::string_view currency = "UAH");

// docs/cli.md: `{"ok", "rounds": [{"round", "ok", "chain", "pending_decisions", "differences":
// [{"application", "field", "stored", "computed"}]}]}`.
std::string render_audit_json(const AuditResult& result);
// Per round: a heading with the verdict, the differences, the decision log's
// state. `differences_only`: the differences, each prefixed with its round.
std::string render_audit_text(const AuditResult& result, Lang lang, AuditText shown);

// docs/audit.md: `{"ok", "bundle", "round", "fingerprint", "differences": [...]}`.
std::string render_bundle_audit_json(const BundleAudit& audit);
std::string render_bundle_audit_text(const BundleAudit& audit, Lang lang, AuditText shown);

}  // namespace competition
