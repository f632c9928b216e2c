// What `competition import` reads and what it reports (docs/cli.md "import"): the
// kind of input, and the summary of one file's import. Shared by the CSV and
// pabulib imports and by the rendering of their result.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "values/conflicts.hpp"
#include "values/diagnostic.hpp"
#include "values/upsert.hpp"

namespace competition {

enum class ImportKind { applications, reviewers, reviews, outcomes, history, pabulib, agreements, payments };
std::optional<ImportKind> parse_import_kind(std::string_view s);
std::string_view to_string(ImportKind k);

// A project an approval ballot lists more than once (docs/pabulib.md): counted
// once; the import warns, naming the line and the voter.
struct RepeatedVote {
  int line = 0;
  std::string voter;
  std::string project;
  bool operator==(const RepeatedVote&) const = default;
};

// A payment reference stored for one application that the file (with
// --replace) gives to another: an update the import names (docs/cli.md "import").
struct MovedPayment {
  int line = 0;
  std::string reference;
  std::string from, to;  // the applications before and after
  bool operator==(const MovedPayment&) const = default;
};

// A payment dated after today (docs/cli.md "import"): kept, counted by the
// ledger and the report from its date on; the import warns at its paid_on cell.
struct LaterPayment {
  int line = 0;
  int column = 0;  // paid_on's
  std::string reference;
  std::string paid_on;
  std::string today;
  bool operator==(const LaterPayment&) const = default;
};

struct ImportSummary {
  std::string file;
  ImportKind kind = ImportKind::applications;
  std::string round;  // the round written to (empty for history)
  long read = 0, added = 0, updated = 0, unchanged = 0;
  long blank = 0;                  // reviews: rows without any score, skipped (docs/formats.md "Score sheets")
  std::vector<Diagnostic> errors;  // filled by --dry-run; a real run throws instead
  // reviewers: conflicts naming no organisation known to the database (warnings)
  std::vector<UnknownConflict> unknown_conflicts;
  std::vector<RepeatedVote> repeated_votes;  // pabulib approval ballots, in line order
  std::vector<MovedPayment> moved_payments;  // payments: references moved to another application, in line order
  std::vector<LaterPayment> later_payments;  // payments: dated after today, in line order
  // Dates kept but worth a look (outcomes' received_on, agreements' signed_on): located warnings, in line order.
  std::vector<Diagnostic> date_warnings;

  // Counts a classified row: added, updated or unchanged (a conflict is not counted).
  void count(Upsert u) {
    if (u == Upsert::added) ++added;
    if (u == Upsert::updated) ++updated;
    if (u == Upsert::unchanged) ++unchanged;
  }
};

// `import reviews DIR` (docs/cli.md "import"): one summary per file, in the
// order imported, and their counts summed.
struct DirectoryImport {
  std::string directory;
  std::vector<ImportSummary> files;
  // The counts of every file summed (file, kind and lists left empty).
  [[nodiscard]] ImportSummary total() const;
};

// The step every CSV import takes per row: classifies it (classify_upsert),
// counts it in `s`, then calls `conflict(*changed)` for a conflict, or
// `write(u)` for a row to add or update. Returns the classification.
template <class Conflict, class Write>
Upsert settle_upsert(ImportSummary& s, const std::optional<std::string>& changed, bool replace, Conflict&& conflict,
                     Write&& write) {
  const Upsert u = classify_upsert(changed, replace);
  s.count(u);
  if (u == Upsert::conflict)
    conflict(*changed);
  else if (u != Upsert::unchanged)
    write(u);
  return u;
}

}  // namespace competition
