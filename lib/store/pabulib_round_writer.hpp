// The tables a pabulib import writes (docs/pabulib.md): the round, its
// pabulib source, its projects as applications of their own organisations,
// and its ballots; a round imported before compared with the file first.
#pragma once
#include <string>
#include <vector>

#include "formats/pabulib_round.hpp"
#include "store/store.hpp"
#include "values/diagnostic.hpp"
#include "values/import_summary.hpp"

namespace competition {

// The file a planned round comes from.
struct PabulibSource {
  std::string file;    // as given (`<stdin>` for -): names it in diagnostics and in pabulib_sources
  std::string sha256;  // of its bytes
  bool replace = false;
};

// Writes `round` inside the caller's transaction: a new round is created
// (every project added); a round imported from a pabulib file before is
// compared with it (projects counted in `s` like the rows of
// applications.csv) and, with `replace` or when only projects are added,
// made exactly this file. Conflicts are appended to `diags` (a round that is
// allocated or was not imported from a pabulib file; another version of the
// instance without `replace`); then nothing is written.
void write_pabulib_round(Store& store, const PabulibRound& round, const PabulibSource& source, ImportSummary& s,
                         std::vector<Diagnostic>& diags);

}  // namespace competition
