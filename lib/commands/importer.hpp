// `competition import KIND FILE` (cli.md "import", formats.md "CSV inputs"):
// decode, read and validate a whole file, then apply it to the store in one
// transaction (all or nothing). Every problem found is reported, up to 100.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/csv_reader.hpp"
#include "formats/encoding.hpp"
#include "store/store.hpp"
#include "values/diagnostic.hpp"

namespace competition {

enum class ImportKind { applications, reviewers, reviews, outcomes, history, pabulib };
std::optional<ImportKind> parse_import_kind(std::string_view s);
std::string_view to_string(ImportKind k);

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
  // Called now and then while reading (bytes read, total bytes); the CLI draws a
  // progress indicator with it when standard error is a terminal.
  std::function<void(std::size_t, std::size_t)> progress;
};

struct ImportSummary {
  std::string file;
  ImportKind kind = ImportKind::applications;
  std::string round;  // the round written to (empty for history)
  long read = 0, added = 0, updated = 0, unchanged = 0;
  std::vector<Diagnostic> errors;  // filled by --dry-run; a real run throws instead
};

// Imports `bytes` (the file's content). A real run throws Error with every
// diagnostic (exit 2 for invalid rows, 3 for conflicts with stored state) and
// writes nothing; a dry run returns the would-be counts and the errors.
ImportSummary import_file(Store& store, const ImportOptions& options, std::string_view bytes);

// The row parsing of `import` without a store, for files the program reads
// back (the canonical CSVs of a bundle, cli.md "export bundle"; `audit bundle`):
// UTF-8, `,`; every cell validated as an import validates it. What needs the
// store (unknown applications or reviewers, conflicts of interest, changed
// rows) is the caller's. Problems are appended to `errors` (up to 100); the
// rows returned are those without errors. Applications: a final `input_order`
// column is required when the rules use that key (and refused otherwise, like
// any unknown column); without it input_order is the row position.
std::vector<Application> parse_applications_csv(std::string_view bytes, const Rules& rules, const std::string& file,
                                                std::vector<Diagnostic>& errors);
std::vector<Reviewer> parse_reviewers_csv(std::string_view bytes, const std::string& file,
                                          std::vector<Diagnostic>& errors);
std::vector<Review> parse_reviews_csv(std::string_view bytes, const Rules& rules, const std::string& file,
                                      std::vector<Diagnostic>& errors);

}  // namespace competition
