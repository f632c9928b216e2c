// How every import ends (docs/cli.md "import"): all or nothing. Shared by the CSV
// imports and the pabulib import.
#pragma once
#include <vector>

#include "store/store.hpp"
#include "values/diagnostic.hpp"
#include "values/import_summary.hpp"

namespace competition {

// Diagnostics in the order they are reported: by line, then column; found order among equals.
void sort_by_position(std::vector<Diagnostic>& diags);

// A dry run returns `s` with `diags` as its errors and writes nothing (`tx`
// rolls back); a real run with diagnostics throws Error of their worst kind;
// a real run without commits `tx` and returns `s`.
ImportSummary conclude_import(Transaction& tx, bool dry_run, ImportSummary s, std::vector<Diagnostic> diags);

}  // namespace competition
