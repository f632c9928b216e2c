// The outcomes table written by `import outcomes` (docs/cli.md "import"), and what
// its checks need from the store.
#pragma once
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "formats/diagnostic_sink.hpp"
#include "store/store.hpp"
#include "values/import_summary.hpp"
#include "values/model.hpp"
#include "values/round.hpp"

namespace competition {

// The applications an outcome may name: every application of the round, and
// those that got money in its stored decision (empty before allocation).
struct OutcomeTargets {
  std::set<std::string> known;
  std::set<std::string> funded;
  bool allocated = false;
};
OutcomeTargets load_outcome_targets(Store& store, const RoundRecord& round);

// Writes the valid rows of a file (each with its line) to round `round`: each
// compared with the stored outcomes of its application (values/upsert.hpp),
// counted in `s`; stored ones with other values without `replace` are a
// conflict reported to `conflicts` (the caller then rolls back). Inside a
// transaction.
void write_outcomes(Store& store, const std::string& round, const std::vector<std::pair<Outcome, int>>& rows,
                    bool replace, ImportSummary& s, DiagnosticSink& conflicts);

}  // namespace competition
