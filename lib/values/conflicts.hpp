// The `conflicts` cell of reviewers.csv (docs/formats.md "reviewers.csv" and
// "Canonical forms"): ЄДРПОУ codes or organisation names separated by `|`,
// and the canonical list the store keeps.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace competition {

// An entry that is a code: ASCII digits only (after trimming). Anything else is a name.
[[nodiscard]] bool is_code_entry(std::string_view entry);

struct ConflictList {
  // Canonical: entries trimmed, empty ones dropped, codes as 8 digits,
  // duplicates (the same code, or names with the same organisation key)
  // dropped keeping the byte-smallest spelling, sorted by byte order.
  std::vector<std::string> entries;
  // Entries that are codes but fail the ЄДРПОУ check (as written, trimmed),
  // in cell order; they are not in `entries`.
  std::vector<std::string> invalid_codes;
};

[[nodiscard]] ConflictList parse_conflicts(std::string_view cell);

// A conflict entry that names no organisation known to the database: not an
// error, a warning naming the reviewer and the entry (`import reviewers`, `score`).
struct UnknownConflict {
  std::string reviewer;
  std::string entry;
  bool operator==(const UnknownConflict&) const = default;
};

// `entries` joined with `|`: the stored and canonical CSV form.
[[nodiscard]] std::string join_conflicts(const std::vector<std::string>& entries);

}  // namespace competition
