#include "commands/import_result.hpp"

#include <algorithm>
#include <tuple>

namespace competition {

void sort_by_position(std::vector<Diagnostic>& diags) {
  std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
}

ImportSummary conclude_import(Transaction& tx, bool dry_run, ImportSummary s, std::vector<Diagnostic> diags) {
  if (dry_run) {
    s.errors = std::move(diags);
    return s;  // the transaction rolls back: a dry run writes nothing
  }
  if (!diags.empty()) {
    ErrorKind kind = worst_kind(diags);
    throw Error(kind, std::move(diags));
  }
  tx.commit();
  return s;
}

}  // namespace competition
