#include "values/money.hpp"
#include "values/message.hpp"

#include <fmt/format.h>

#include <charconv>
#include <limits>
#include <stdexcept>

namespace competition {

constexpr PerLang<const char*> money_too_large{.uk = "\"{}\" — завелика сума: щонайбільше 999 999 999 999 999.99",
                                               .en = "\"{}\" is too large: at most 999 999 999 999 999.99"};
constexpr PerLang<const char*> not_money{
    .uk = "\"{}\" — не сума грошей (очікується, наприклад, 12500.00 або \"12 500,00\")",
    .en = "\"{}\" is not an amount of money (expected e.g. 12500.00 or \"12 500,00\")"};

namespace {

// Length of a group separator at the start of s (0 when none): ASCII space,
// apostrophes (' and U+2019), U+00A0 no-break space, U+202F narrow no-break space.
std::size_t separator_length(std::string_view s) {
  if (s.empty()) return 0;
  if (s[0] == ' ' || s[0] == '\'') return 1;
  if (s.substr(0, 2) == "\xC2\xA0") return 2;
  if (s.substr(0, 3) == "\xE2\x80\xAF" || s.substr(0, 3) == "\xE2\x80\x99") return 3;
  return 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Money::parse; `too_large` is set when the text is an amount but 10^15 UAH or more.
std::optional<std::int64_t> parse_kopiykas(std::string_view s, bool& too_large) {
  too_large = false;
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty()) return std::nullopt;

  // Integer part: digits, optionally grouped by threes after the first group.
  std::string digits;
  std::size_t i = 0;
  std::size_t group = 0;
  bool grouped = false;
  while (i < s.size()) {
    if (is_digit(s[i])) {
      digits += s[i];
      ++group;
      ++i;
      continue;
    }
    std::size_t sep = separator_length(s.substr(i));
    if (sep == 0) break;
    if (group == 0 || (grouped && group != 3) || (!grouped && group > 3)) return std::nullopt;
    grouped = true;
    group = 0;
    i += sep;
  }
  if (digits.empty() || group == 0) return std::nullopt;
  if (grouped && group != 3) return std::nullopt;

  std::string fraction;
  if (i < s.size()) {
    if (s[i] != '.' && s[i] != ',') return std::nullopt;
    ++i;
    while (i < s.size() && is_digit(s[i])) fraction += s[i++];
    if (i != s.size() || fraction.empty() || fraction.size() > 2) return std::nullopt;
  }
  while (fraction.size() < 2) fraction += '0';

  // Leading zeros are harmless; the value must fit comfortably in int64.
  std::size_t first = digits.find_first_not_of('0');
  digits = first == std::string::npos ? "0" : digits.substr(first);
  if (digits.size() > 15) {  // >= 10^15 UAH is no grant amount
    too_large = true;
    return std::nullopt;
  }
  std::int64_t k = 0;
  for (char c : digits) k = k * 10 + (c - '0');
  k = k * 100 + (fraction[0] - '0') * 10 + (fraction[1] - '0');
  return k;
}

}  // namespace

std::optional<Money> Money::parse(std::string_view s) {
  bool too_large = false;
  auto k = parse_kopiykas(s, too_large);
  if (!k) return std::nullopt;
  return Money(*k);
}

Message Money::parse_error(std::string_view text) {
  bool too_large = false;
  parse_kopiykas(text, too_large);
  if (too_large) return say(money_too_large, text);
  return say(not_money, text);
}

Message Money::said(std::string_view currency) const {
  const std::string unit(currency);
  return Message(to_ukrainian() + " " + (unit == "UAH" ? std::string("грн") : unit), to_string() + " " + unit);
}

std::string group_thousands(std::string_view digits, std::string_view sep) {
  std::string out;
  append_grouped(out, digits, sep);
  return out;
}

void append_grouped(std::string& out, std::string_view digits, std::string_view sep) {
  std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += sep;
    out += digits[i];
  }
}

namespace {

// `sign`, then the hryvnias grouped with `sep`, then `point` and two kopiyka digits.
void append_amount(std::string& out, std::int64_t k, std::string_view sep, char point) {
  std::uint64_t a = k < 0 ? 0 - static_cast<std::uint64_t>(k) : static_cast<std::uint64_t>(k);
  if (k < 0) out += '-';
  char buf[24];
  char* end = std::to_chars(buf, buf + sizeof buf, a / 100).ptr;
  append_grouped(out, std::string_view(buf, static_cast<std::size_t>(end - buf)), sep);
  out += point;
  out += static_cast<char>('0' + a % 100 / 10);
  out += static_cast<char>('0' + a % 10);
}

}  // namespace

std::string Money::to_string() const {
  std::string out;
  append_to(out);
  return out;
}

std::string Money::to_ukrainian() const {
  std::string out;
  append_ukrainian(out);
  return out;
}

void Money::append_to(std::string& out) const { append_amount(out, k_, "", '.'); }
void Money::append_ukrainian(std::string& out) const { append_amount(out, k_, " ", ','); }

Money Money::operator+(Money o) const {
  std::int64_t r;
  if (__builtin_add_overflow(k_, o.k_, &r)) throw std::overflow_error("money overflow in addition");
  return Money(r);
}

Money Money::operator-(Money o) const {
  std::int64_t r;
  if (__builtin_sub_overflow(k_, o.k_, &r)) throw std::overflow_error("money overflow in subtraction");
  return Money(r);
}

Money Money::floor_to_multiple(Money unit) const {
  if (unit.k_ <= 0) throw std::invalid_argument("rounding unit must be positive");
  std::int64_t q = k_ / unit.k_;
  if (k_ % unit.k_ != 0 && k_ < 0) --q;
  std::int64_t r;
  if (__builtin_mul_overflow(q, unit.k_, &r)) throw std::overflow_error("money overflow in rounding");
  return Money(r);
}

}  // namespace competition
