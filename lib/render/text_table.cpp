#include "render/text_table.hpp"

#include <algorithm>

#include "base/visible_text.hpp"

namespace competition {

namespace {

// What a cell shows (base/visible_text.hpp): itself, or one line with its
// control characters visible, made in `scratch`.
std::string_view shown_cell(std::string_view cell, std::string& scratch) {
  if (plain_line(cell)) return cell;
  scratch.clear();
  append_visible_line(scratch, cell);
  return scratch;
}

}  // namespace

std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)  // `c & 0xC0` is the byte's top two bits whether char is signed or not
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

TextRow& TextRow::clipped(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return cell(s);
  std::size_t chars = 0, i = 0;
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == width - 1) break;
  text_ += s.substr(0, i);
  text_ += "…";
  return end_cell();
}

void TextTable::header(std::vector<std::string> cells, std::string align) {
  header_ = std::move(cells);
  align_ = std::move(align);
}

void TextTable::row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }

std::string TextTable::render() const {
  OutputSink out;
  render(out, rows_.size(), [this](std::size_t i, TextRow& row) {
    for (const auto& c : rows_[i]) row.cell(c);
  });
  return out.take();
}

void TextTable::render(OutputSink& out, std::size_t count, const RowMaker& make) const {
  render(out, count, make, measure(count, make));
}

std::vector<std::size_t> TextTable::measure(std::size_t count, const RowMaker& make) const {
  TextRow row, head;
  for (const auto& c : header_) head.cell(c);
  std::vector<std::size_t> width(header_.size(), 0);
  std::string scratch;
  auto measure_row = [&](const TextRow& r) {
    if (r.size() > width.size()) width.resize(r.size(), 0);
    for (std::size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], display_width(shown_cell(r[i], scratch)));
  };
  measure_row(head);
  for (std::size_t i = 0; i < count; ++i) {
    row.clear();
    make(i, row);
    measure_row(row);
  }
  return width;
}

void TextTable::render(OutputSink& out, std::size_t count, const RowMaker& make,
                       const std::vector<std::size_t>& width) const {
  TextRow row, head;
  for (const auto& c : header_) head.cell(c);
  // Appends in place, one line at a time, to the sink's own buffer.
  std::string& s = out.text();
  std::string scratch;
  auto line = [&](const TextRow& r) {
    const std::size_t start = s.size();
    for (std::size_t i = 0; i < width.size(); ++i) {
      std::string_view cell = i < r.size() ? shown_cell(r[i], scratch) : std::string_view();
      const std::size_t w = display_width(cell);
      std::size_t pad = width[i] > w ? width[i] - w : 0;
      bool right = i < align_.size() && align_[i] == 'r';
      if (i) s += "  ";
      if (right) s.append(pad, ' ');
      s += cell;
      if (!right) s.append(pad, ' ');
    }
    while (s.size() > start && s.back() == ' ') s.pop_back();
    s += '\n';
    out.row_done();
  };
  if (!header_.empty()) {
    line(head);
    head.clear();
    for (auto w : width) {
      head.text().append(w, '-');
      head.end_cell();
    }
    line(head);
  }
  for (std::size_t i = 0; i < count; ++i) {
    row.clear();
    make(i, row);
    line(row);
  }
}

}  // namespace competition
