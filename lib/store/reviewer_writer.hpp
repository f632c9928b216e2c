// The reviewers table written by `import reviewers` (docs/cli.md "import").
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "formats/diagnostic_sink.hpp"
#include "store/store.hpp"
#include "values/import_summary.hpp"
#include "values/model.hpp"

namespace competition {

// Writes the valid rows of a file (each with its line) to round `round`: each
// compared with the stored reviewer of its id (values/upsert.hpp), counted in
// `s`; a stored one with other values without `replace` is a conflict
// reported to `conflicts` (the caller then rolls back). Inside a transaction.
void write_reviewers(Store& store, const std::string& round, const std::vector<std::pair<Reviewer, int>>& rows,
                     bool replace, ImportSummary& s, DiagnosticSink& conflicts);

}  // namespace competition
