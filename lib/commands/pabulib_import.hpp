// `competition import pabulib FILE.pb [--round ID] [--year Y]` (docs/cli.md
// "import", docs/pabulib.md): one pabulib instance becomes one
// round ranked by votes. The mapping (plan_pabulib_round,
// formats/pabulib_round.hpp) is pure; the import applies it to the store in
// one transaction, all or nothing.
#pragma once
#include <string_view>

#include "commands/import_options.hpp"
#include "formats/pabulib_round.hpp"
#include "store/store.hpp"
#include "values/import_summary.hpp"

namespace competition {

// The import itself (called by import_file for ImportKind::pabulib). A real
// run throws Error with every diagnostic (2: invalid file or options, 3: the
// round is allocated, is not a pabulib round, or holds another version of the
// instance and --replace was not given) and writes nothing; a dry run returns
// the would-be counts and the errors. Counts are of projects.
ImportSummary import_pabulib(Store& store, const ImportOptions& options, std::string_view bytes);

}  // namespace competition
