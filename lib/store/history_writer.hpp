// The history table written by `import history` (docs/cli.md "import"): the
// published results of past years, shared by every round.
#pragma once
#include <utility>
#include <vector>

#include "formats/diagnostic_sink.hpp"
#include "store/store.hpp"
#include "values/import_summary.hpp"
#include "values/model.hpp"

namespace competition {

// Writes the valid rows of a file (each with its line): each compared with the
// stored row of its year (values/upsert.hpp), counted in `s`; a stored one
// with other values without `replace` is a conflict reported to `conflicts`
// (the caller then rolls back). Inside a transaction.
void write_history(Store& store, const std::vector<std::pair<HistoryYear, int>>& rows, bool replace, ImportSummary& s,
                   DiagnosticSink& conflicts);

}  // namespace competition
