#include "values/category_list.hpp"

#include <algorithm>

#include "base/text.hpp"

namespace competition {

std::vector<std::string> parse_categories(std::string_view cell) {
  std::vector<std::string> out;
  each_piped_entry(cell, [&](std::string_view part) { out.emplace_back(part); });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace competition
