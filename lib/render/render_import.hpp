// The outputs of `competition import` (docs/cli.md "import"): the summary of one
// file as a line of text or as JSON. Both are in English whatever --lang says
// (as they always were); the diagnostics themselves are printed by the caller.
#pragma once
#include <string>

#include "values/import_summary.hpp"
#include "values/lang.hpp"

namespace competition {

// `FILE: N rows read, A added, U updated, K unchanged`, worded for a dry run
// when `dry_run` (nothing was written); one line.
std::string render_import_text(const ImportSummary& s, bool dry_run, Lang lang);

// One JSON object on one line: file, kind, counts, the errors (line, column,
// field, message) and, when one was written to, the round.
std::string render_import_json(const ImportSummary& s);

// `import reviews DIR` (docs/cli.md "import"): each file's line, then
// `DIR: N files, <the counts summed>`.
std::string render_directory_import_text(const DirectoryImport& d, bool dry_run, Lang lang);

// `{"files": [<each file's object>], "total": {<the counts summed>}}` on one line.
std::string render_directory_import_json(const DirectoryImport& d);

// The warnings of an import, one line each, in `lang`: a conflict naming no
// known organisation (docs/formats.md) and a project an approval ballot lists
// twice (docs/pabulib.md, naming the file, line, voter and project).
std::string render_import_warnings(const ImportSummary& s, Lang lang);

}  // namespace competition
