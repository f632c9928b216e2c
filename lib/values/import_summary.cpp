#include "values/import_summary.hpp"

namespace competition {

std::optional<ImportKind> parse_import_kind(std::string_view s) {
  if (s == "applications") return ImportKind::applications;
  if (s == "reviewers") return ImportKind::reviewers;
  if (s == "reviews") return ImportKind::reviews;
  if (s == "outcomes") return ImportKind::outcomes;
  if (s == "history") return ImportKind::history;
  if (s == "pabulib") return ImportKind::pabulib;
  if (s == "agreements") return ImportKind::agreements;
  if (s == "payments") return ImportKind::payments;
  return std::nullopt;
}

std::string_view to_string(ImportKind k) {
  switch (k) {
    case ImportKind::applications:
      return "applications";
    case ImportKind::reviewers:
      return "reviewers";
    case ImportKind::reviews:
      return "reviews";
    case ImportKind::outcomes:
      return "outcomes";
    case ImportKind::history:
      return "history";
    case ImportKind::pabulib:
      return "pabulib";
    case ImportKind::agreements:
      return "agreements";
    case ImportKind::payments:
      return "payments";
  }
  return "?";
}

ImportSummary DirectoryImport::total() const {
  ImportSummary t;
  t.kind = ImportKind::reviews;
  for (const ImportSummary& f : files) {
    t.read += f.read;
    t.added += f.added;
    t.updated += f.updated;
    t.unchanged += f.unchanged;
    t.blank += f.blank;
  }
  return t;
}

}  // namespace competition
