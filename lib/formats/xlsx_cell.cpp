#include "formats/xlsx_cell.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

namespace competition {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
}

}  // namespace

std::optional<std::string> xlsx_number_text(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  std::string digits;  // significant digits, without leading zeros
  long point = 0;      // digits before the decimal point, relative to `digits`
  bool any = false, seen_point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c)) {
      any = true;
      if (digits.empty() && c == '0') {
        if (seen_point) --point;
        continue;
      }
      digits += c;
      if (!seen_point) ++point;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      break;
    }
  }
  if (!any) return std::nullopt;
  if (i < text.size()) {
    if (text[i] != 'e' && text[i] != 'E') return std::nullopt;
    ++i;
    bool eneg = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) eneg = text[i++] == '-';
    if (i == text.size()) return std::nullopt;
    long e = 0;
    for (; i < text.size(); ++i) {
      if (!is_digit(text[i]) || e > 100000) return std::nullopt;
      e = e * 10 + (text[i] - '0');
    }
    point += eneg ? -e : e;
  }
  if (digits.empty()) return std::string("0");
  if (point > 400 || point < -400) return std::nullopt;  // beyond any double
  // Round half away from zero to 15 significant digits.
  if (digits.size() > 15) {
    const bool up = digits[15] >= '5';
    digits.resize(15);
    if (up) {
      std::size_t k = digits.size();
      while (k > 0 && digits[k - 1] == '9') digits[--k] = '0';
      if (k == 0) {
        digits.insert(digits.begin(), '1');
        digits.pop_back();
        ++point;
      } else {
        ++digits[k - 1];
      }
    }
  }
  while (!digits.empty() && digits.back() == '0' && static_cast<long>(digits.size()) > point) digits.pop_back();
  std::string out = negative ? "-" : "";
  if (point <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-point), '0');
    out += digits;
  } else if (static_cast<std::size_t>(point) >= digits.size()) {
    out += digits;
    out.append(static_cast<std::size_t>(point) - digits.size(), '0');
  } else {
    const auto p = static_cast<std::size_t>(point);
    out += digits.substr(0, p);
    out += '.';
    out += digits.substr(p);
  }
  return out;
}

std::string xlsx_fixed_decimals(std::string_view number, int decimals) {
  const bool negative = !number.empty() && number.front() == '-';
  if (negative) number.remove_prefix(1);
  const auto dot = number.find('.');
  std::string digits(number.substr(0, dot));
  std::string fraction(dot == std::string_view::npos ? std::string_view{} : number.substr(dot + 1));
  const auto d = static_cast<std::size_t>(std::max(decimals, 0));
  const bool up = fraction.size() > d && fraction[d] >= '5';
  fraction.resize(d, '0');
  digits += fraction;
  if (up) {
    std::size_t k = digits.size();
    while (k > 0 && digits[k - 1] == '9') digits[--k] = '0';
    if (k == 0)
      digits.insert(digits.begin(), '1');
    else
      ++digits[k - 1];
  }
  std::string out = digits.substr(0, digits.size() - d);
  if (d > 0) out += "." + digits.substr(digits.size() - d);
  if (negative && digits.find_first_not_of('0') != std::string::npos) out.insert(out.begin(), '-');
  return out;
}

namespace {

// Calls `visit` with each character of the first section of a number format
// that is a format code: quoted text, [..] blocks and the character after \, _
// or * are literals and skipped. Stops early when `visit` returns false.
template <typename Visit>
void for_each_format_code(std::string_view code, Visit visit) {
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == ';') return;  // the first section decides
    if (c == '"' || c == '[') {
      const auto close = code.find(c == '"' ? '"' : ']', i + 1);
      if (close == std::string_view::npos) return;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is a literal (or a padding)
    } else if (!visit(c)) {
      return;
    }
  }
}

}  // namespace

int xlsx_format_decimals(int id, std::string_view code) {
  if (id == 1 || id == 3) return 0;
  if (id == 2 || id == 4) return 2;
  if (id < 164) return -1;
  int decimals = -1;
  bool after_point = false;
  bool not_a_plain_number = false;
  for_each_format_code(code, [&](char c) {
    if (c == '%' || c == 'E' || c == 'e' || c == '@') {
      not_a_plain_number = true;
      return false;
    }
    if (c == '0' || c == '#' || c == '?') {
      if (decimals < 0) decimals = 0;
      if (after_point) ++decimals;
    } else if (c == '.') {
      after_point = true;
      if (decimals < 0) decimals = 0;
    }
    return true;
  });
  return not_a_plain_number ? -1 : decimals;
}

bool xlsx_is_date_format(int id, std::string_view code) {
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return true;
  if (id < 164) return false;  // other built-ins: numbers, text, time-only
  bool date = false, time = false, month = false;
  for_each_format_code(code, [&](char c) {
    if (c == 'y' || c == 'Y' || c == 'd' || c == 'D')
      date = true;
    else if (c == 'm' || c == 'M')
      month = true;
    else if (c == 'h' || c == 'H' || c == 's' || c == 'S')
      time = true;
    return true;
  });
  return date || (month && !time);
}

std::optional<std::string> xlsx_serial_date(std::string_view number, bool date1904) {
  if (number.empty() || number.front() == '-') return std::nullopt;
  const auto dot = number.find('.');
  const std::string_view whole = number.substr(0, dot);
  if (whole.empty() || whole.size() > 7) return std::nullopt;
  std::int64_t days = 0;
  for (char c : whole) {
    if (!is_digit(c)) return std::nullopt;
    days = days * 10 + (c - '0');
  }
  // The fraction of a day in seconds, rounded to the nearest (13 digits kept: 86400 × 10^13 fits).
  std::int64_t num = 0, den = 1;
  if (dot != std::string_view::npos) {
    for (std::size_t k = dot + 1; k < number.size() && k <= dot + 13; ++k) {
      if (!is_digit(number[k])) return std::nullopt;
      num = num * 10 + (number[k] - '0');
      den *= 10;
    }
  }
  std::int64_t seconds = (num * 86400 * 2 + den) / (2 * den);
  if (seconds == 86400) {
    seconds = 0;
    ++days;
  }
  if (days == 0 && !date1904) return std::nullopt;
  std::int64_t epoch_days = 0;  // days since 1970-01-01
  if (date1904) {
    epoch_days = days - 24107;  // 1904-01-01
  } else {
    if (days == 60) return std::nullopt;                 // 1900-02-29 does not exist
    epoch_days = (days < 60 ? days + 1 : days) - 25569;  // serial 25569 is 1970-01-01
  }
  std::int64_t y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(epoch_days, y, m, d);
  if (y > 9999) return std::nullopt;
  std::string out = fmt::format("{:04}-{:02}-{:02}", y, m, d);
  if (seconds != 0) out += fmt::format("T{:02}:{:02}:{:02}", seconds / 3600, seconds / 60 % 60, seconds % 60);
  return out;
}

}  // namespace competition
