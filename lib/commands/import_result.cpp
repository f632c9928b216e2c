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

ImportSummary refused_summary(const ImportOptions& options, const Error& refusal) {
  ImportSummary s;
  s.file = options.file;
  s.kind = options.kind;
  s.round = options.round.value_or("");
  s.errors = refusal.diagnostics();
  if (s.errors.empty()) s.errors.push_back(Diagnostic{options.file, 0, 0, "", refusal.message(), refusal.kind()});
  return s;
}

DirectoryImport refused_directory(const ImportOptions& options, const std::vector<std::string>& files,
                                  const Error& refusal) {
  DirectoryImport d;
  d.directory = options.file;
  const ImportSummary all = refused_summary(options, refusal);
  for (const std::string& file : files) {
    ImportSummary s;
    s.file = file;
    s.kind = options.kind;
    s.round = all.round;
    d.files.push_back(std::move(s));
  }
  if (d.files.empty()) return d;
  for (const Diagnostic& e : all.errors) {
    auto it = std::find_if(d.files.begin(), d.files.end(), [&](const ImportSummary& s) { return s.file == e.file; });
    (it == d.files.end() ? d.files.front() : *it).errors.push_back(e);
  }
  return d;
}

}  // namespace competition
