#include "values/edrpou.hpp"

#include <array>

namespace competition {

namespace {

// stdnum.ua.edrpou.calc_check_digit over the first 7 digits: weights 1..7, or
// 7,1..6 when the code starts with 3, 4 or 5 (30000000 <= code < 60000000); a
// sum that leaves 10 is recomputed with every weight + 2, then taken mod 10.
int check_digit(std::string_view code) {
  std::array<int, 7> weights = {1, 2, 3, 4, 5, 6, 7};
  if (code[0] >= '3' && code[0] <= '5') weights = {7, 1, 2, 3, 4, 5, 6};
  auto sum = [&](int extra) {
    int total = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) total += (weights[i] + extra) * (code[i] - '0');
    return total;
  };
  int check = sum(0) % 11;
  if (check < 10) return check;
  return sum(2) % 11 % 10;
}

}  // namespace

std::optional<std::string> normalize_edrpou(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty() || text.size() > 8) return std::nullopt;
  for (char c : text)
    if (c < '0' || c > '9') return std::nullopt;
  std::string code(8 - text.size(), '0');
  code += text;
  if (code[7] - '0' != check_digit(code)) return std::nullopt;
  return code;
}

}  // namespace competition
