// `competition import KIND FILE` (docs/cli.md "import", docs/formats.md "CSV inputs"):
// decode, read and validate a whole file, then apply it to the store in one
// transaction (all or nothing). Every problem found is reported, up to 100.
// Each kind's rows are parsed in formats/<kind>_csv.hpp and written by
// store/<kind>_writer.hpp; this use case ties them with the checks that need
// the round.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "commands/import_options.hpp"
#include "store/store.hpp"
#include "values/import_summary.hpp"
// The row parsing without a store (parse_applications_csv, …), which callers
// reading a bundle back reach through this header.
#include "formats/applications_csv.hpp"
#include "formats/reviewers_csv.hpp"
#include "formats/reviews_csv.hpp"

namespace competition {

// Imports `bytes` (the file's content). A real run throws Error with every
// diagnostic (exit 2 for invalid rows, 3 for conflicts with stored state) and
// writes nothing; a dry run returns the would-be counts and the errors.
ImportSummary import_file(Store& store, const ImportOptions& options, std::string_view bytes);

// One file of a directory import: its label (DIR/NAME) and its content.
struct ImportInput {
  std::string file;
  std::string bytes;
};

// `competition import reviews DIR` (docs/cli.md "import"): every file in one
// transaction, all or none; a pair two files have is a duplicate. A real run
// throws Error with every file's diagnostics; a dry run returns each file's
// would-be counts and errors. `options.file` is the directory.
DirectoryImport import_directory(Store& store, const ImportOptions& options, const std::vector<ImportInput>& inputs);

}  // namespace competition
