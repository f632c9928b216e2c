// Aligned plain-text tables for terminal output: columns padded to the widest
// cell, measured in characters (UTF-8 code points), not bytes.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/output_sink.hpp"

namespace competition {

// Display width of UTF-8 text: one per code point.
std::size_t display_width(std::string_view s);

// The cells of one row, back to back in one reused buffer: a national ranking
// has millions of cells, and none of them needs a string of its own.
class TextRow {
 public:
  // The cell being written: append to `text()`, then `end_cell()`.
  std::string& text() { return text_; }
  TextRow& end_cell() {
    ends_.push_back(text_.size());
    return *this;
  }
  TextRow& cell(std::string_view s) {
    text_ += s;
    return end_cell();
  }
  // True while nothing has been appended to the cell being written.
  bool cell_empty() const { return text_.size() == (ends_.empty() ? 0 : ends_.back()); }
  // A cell cut to `width` characters, the last one `…`: long names in a terminal.
  TextRow& clipped(std::string_view s, std::size_t width);
  std::size_t size() const { return ends_.size(); }
  std::string_view operator[](std::size_t i) const {
    std::size_t begin = i ? ends_[i - 1] : 0;
    return std::string_view(text_).substr(begin, ends_[i] - begin);
  }
  void clear() {
    text_.clear();
    ends_.clear();
  }

 private:
  std::string text_;
  std::vector<std::size_t> ends_;
};

// Fills `row` (given empty) with the cells of row `i`.
using RowMaker = std::function<void(std::size_t i, TextRow& row)>;

class TextTable {
 public:
  // `align` has one letter per column: `l` left, `r` right.
  void header(std::vector<std::string> cells, std::string align);
  void row(std::vector<std::string> cells);
  // Rows separated by newlines, columns by two spaces, a dashed rule under the
  // header; no trailing spaces.
  std::string render() const;
  // The same layout with `count` rows made on demand instead of the stored ones:
  // `make` is called twice per row, once to measure the columns and once to
  // write the row, so that a big table is never held in memory.
  void render(OutputSink& out, std::size_t count, const RowMaker& make) const;
  // The same in two halves: the columns' widths (the first pass over the
  // rows), then the table written with them (the second) — for a caller that
  // measures on a second thread meanwhile (score, while it stores).
  std::vector<std::size_t> measure(std::size_t count, const RowMaker& make) const;
  void render(OutputSink& out, std::size_t count, const RowMaker& make, const std::vector<std::size_t>& widths) const;

 private:
  std::vector<std::string> header_;
  std::string align_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace competition
