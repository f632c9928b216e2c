// Aligned plain-text tables for terminal output: columns padded to the widest
// cell, measured in characters (UTF-8 code points), not bytes.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace competition {

// Display width of UTF-8 text: one per code point.
std::size_t display_width(std::string_view s);

class TextTable {
 public:
  // `align` has one letter per column: `l` left, `r` right.
  void header(std::vector<std::string> cells, std::string align);
  void row(std::vector<std::string> cells);
  // Rows separated by newlines, columns by two spaces, a dashed rule under the
  // header; no trailing spaces.
  std::string render() const;

 private:
  std::vector<std::string> header_;
  std::string align_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace competition
