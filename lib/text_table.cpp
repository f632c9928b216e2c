#include "text_table.hpp"

#include <algorithm>

namespace competition {

std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

void TextTable::header(std::vector<std::string> cells, std::string align) {
  header_ = std::move(cells);
  align_ = std::move(align);
}

void TextTable::row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }

std::string TextTable::render() const {
  std::size_t ncol = header_.size();
  for (const auto& r : rows_) ncol = std::max(ncol, r.size());
  std::vector<std::size_t> width(ncol, 0);
  auto measure = [&](const std::vector<std::string>& r) {
    for (std::size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], display_width(r[i]));
  };
  measure(header_);
  for (const auto& r : rows_) measure(r);
  // Appends in place (no per-cell strings): a national ranking has 100 000s of rows.
  std::string out;
  auto line = [&](const std::vector<std::string>& r) {
    const std::size_t start = out.size();
    for (std::size_t i = 0; i < ncol; ++i) {
      std::string_view cell = i < r.size() ? std::string_view(r[i]) : std::string_view();
      std::size_t pad = width[i] - display_width(cell);
      bool right = i < align_.size() && align_[i] == 'r';
      if (i) out += "  ";
      if (right) out.append(pad, ' ');
      out += cell;
      if (!right) out.append(pad, ' ');
    }
    while (out.size() > start && out.back() == ' ') out.pop_back();
    out += '\n';
  };
  if (!header_.empty()) {
    line(header_);
    std::vector<std::string> rule;
    for (auto w : width) rule.push_back(std::string(w, '-'));
    line(rule);
  }
  for (const auto& r : rows_) line(r);
  return out;
}

}  // namespace competition
