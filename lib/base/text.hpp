// Small text helpers shared across the library (ASCII only: the Cyrillic-aware
// name key is values/organisation_name.hpp).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace competition {

// Without leading and trailing spaces and tabs (not line breaks: a cell's
// content is not trimmed of them).
[[nodiscard]] std::string_view trim(std::string_view s);

// Calls f(entry) for each non-empty trimmed entry of a `|`-separated cell, in order.
template <class F>
void each_piped_entry(std::string_view cell, F&& f) {
  std::size_t start = 0;
  while (start <= cell.size()) {
    const std::size_t p = cell.find('|', start);
    const std::string_view part =
        trim(cell.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (!part.empty()) f(part);
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
}

// ASCII letters lower-cased, every other byte kept.
[[nodiscard]] std::string lower_ascii(std::string_view s);

// The items with `separator` between each two.
[[nodiscard]] std::string join(const std::vector<std::string>& items, std::string_view separator);

// A value as echoed in a message: cut to its first 60 bytes (at a character
// boundary, with `…`) so that one huge value cannot flood the terminal.
[[nodiscard]] std::string shown(std::string_view v);

}  // namespace competition
