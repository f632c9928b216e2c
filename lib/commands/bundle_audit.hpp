// `competition audit bundle PATH` (docs/cli.md "audit"): verifies an exported bundle
// on its own, without any database. First the manifest (every file listed and
// present, no other file, every hash matching, its fingerprint and tool
// version), then a full recomputation from the bundle's files: the rules, the
// canonical CSVs read with the import's row parsing, the organisations and the
// conflicts of interest derived again, the commission decisions reduced again,
// scoring, ranking and allocation, the decision record rebuilt (inputs hashed
// from the bundle's files) and compared with decision.json field by field, and
// decision.md rendered again.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/audit_report.hpp"

namespace competition {

// Error(io) when PATH does not exist or cannot be read, Error(invalid) when it
// is not a directory; everything about the bundle's content is a difference.
[[nodiscard]] BundleAudit audit_bundle(const std::string& path);

}  // namespace competition
