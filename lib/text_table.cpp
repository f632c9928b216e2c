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
  auto line = [&](const std::vector<std::string>& r) {
    std::string out;
    for (std::size_t i = 0; i < ncol; ++i) {
      std::string cell = i < r.size() ? r[i] : "";
      std::string pad(width[i] - display_width(cell), ' ');
      bool right = i < align_.size() && align_[i] == 'r';
      if (i) out += "  ";
      out += right ? pad + cell : cell + pad;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out;
  if (!header_.empty()) {
    out += line(header_);
    std::vector<std::string> rule;
    for (auto w : width) rule.push_back(std::string(w, '-'));
    out += line(rule);
  }
  for (const auto& r : rows_) out += line(r);
  return out;
}

}  // namespace competition
