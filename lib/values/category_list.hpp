// The `categories` cell of reviewers.csv (docs/formats.md "reviewers.csv" and
// "Canonical forms"): category slugs separated by `|`.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace competition {

// Canonical: entries trimmed, empty ones dropped, duplicates dropped, sorted by byte order.
[[nodiscard]] std::vector<std::string> parse_categories(std::string_view cell);

}  // namespace competition
