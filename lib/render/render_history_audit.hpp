// The outputs of `competition audit history` (docs/cli.md "audit"): the JSON of
// docs/cli.md with machine tokens, and text for people in Ukrainian or English, one
// line per finding and per note (engine/audit_history.hpp finds them).
#pragma once
#include <string>

#include "engine/audit_history.hpp"
#include "values/lang.hpp"

namespace competition {

// docs/cli.md: `{"ok", "findings": [{"year", "indicator", "published", "computed"}],
// "notes": [{"year", "note"}]}`; `computed` rounded half away from zero to 2
// decimals, null when undefined.
std::string render_history_audit_json(const HistoryAudit& audit);
// For people: the span checked and the verdict, then the findings and the notes in words.
std::string render_history_audit_text(const HistoryAudit& audit, Lang lang);

}  // namespace competition
