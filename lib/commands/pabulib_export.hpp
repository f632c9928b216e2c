// `competition export pabulib PATH` (docs/pabulib.md "Exporting"): an
// allocated round as a pabulib instance whose `selected` column is the
// round's decision (1: funded or partial, 0: otherwise). A round imported from
// a pabulib file keeps its META entries, its PROJECTS cells and columns and its
// VOTES section as stored; any other round becomes a `scoring` instance ranked
// by its total (docs/pabulib.md). Reads only.
#pragma once
#include <string>

#include "formats/pabulib.hpp"
#include "store/store.hpp"

namespace competition {

// The instance of an allocated round; Error(conflict) when the round is not
// allocated. write_pabulib turns it into the file's text.
[[nodiscard]] PabulibFile export_pabulib(Store& store, const RoundRecord& round);

}  // namespace competition
