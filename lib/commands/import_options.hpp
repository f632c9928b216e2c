// What `competition import KIND FILE` is asked to do (docs/cli.md "import"): shared
// by the CSV imports (importer.hpp) and the pabulib import (pabulib_import.hpp).
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "formats/csv_reader.hpp"
#include "formats/encoding.hpp"
#include "values/import_summary.hpp"

namespace competition {

struct ImportOptions {
  ImportKind kind = ImportKind::applications;
  std::string file;  // as given on the command line (`<stdin>` for -)
  Encoding encoding = Encoding::auto_detect;
  Delimiter delimiter = Delimiter::auto_detect;
  std::optional<std::string> round;  // --round
  std::optional<int> year;           // --year (pabulib)
  bool dry_run = false;
  bool replace = false;
  bool exclude_conflicts = false;
  bool allow_unassigned = false;  // reviews: accept pairs outside the round's assignment
  // Called now and then while reading (bytes read, total bytes); the CLI draws a
  // progress indicator with it when standard error is a terminal.
  std::function<void(std::size_t, std::size_t)> progress;
};

}  // namespace competition
