// `competition sheets DIR` as a library call (docs/cli.md "sheets"): one score
// sheet per reviewer of the round's assignment, written into a new or empty
// directory.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/store.hpp"
#include "values/lang.hpp"

namespace competition {

struct SheetsOptions {
  std::string directory;
  bool csv = false;                    // --format csv, else xlsx
  std::vector<std::string> reviewers;  // --reviewer: only these (empty: every reviewer of the assignment)
  Lang lang = Lang::uk;                // the workbook's worksheet names and instructions
  std::string database;                // never written over (formats/output_file.hpp)
};

// Writes the sheets and returns their paths (DIR/NAME), by reviewer id.
// Error(conflict) when the round has no assignment or DIR exists and is not an
// empty directory; Error(invalid) for a --reviewer not in the assignment or two
// reviewers whose file names collide. Nothing is left behind on failure.
std::vector<std::string> write_score_sheets(Store& store, const std::optional<std::string>& round_id,
                                            const SheetsOptions& options);

}  // namespace competition
