// How every import ends (docs/cli.md "import"): all or nothing. Shared by the CSV
// imports and the pabulib import.
#pragma once
#include <vector>

#include "commands/import_options.hpp"
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

// What a refused import reports (docs/cli.md "import"): every count 0 and each of
// `refusal`'s diagnostics as an error (its message, unlocated, when it has none).
[[nodiscard]] ImportSummary refused_summary(const ImportOptions& options, const Error& refusal);

// The same for a refused directory: each file's object with the diagnostics
// that name it (any naming no file of `files` go with the first file).
[[nodiscard]] DirectoryImport refused_directory(const ImportOptions& options, const std::vector<std::string>& files,
                                                const Error& refusal);

}  // namespace competition
