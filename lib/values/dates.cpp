#include "values/dates.hpp"
#include "values/message.hpp"

#include <fmt/format.h>

#include <cstdint>

namespace competition {

constexpr PerLang<const char*> not_a_time{
    .uk = "\"{}\" — не дата (очікується, наприклад, 2018-02-03, 2018-02-03T14:25:00+02:00 або 03.02.2018)",
    .en = "\"{}\" is not a date (expected e.g. 2018-02-03, 2018-02-03T14:25:00+02:00 or 03.02.2018)"};
constexpr PerLang<const char*> has_time_part{
    .uk = "\"{}\" містить час (очікується лише дата, наприклад, 2018-02-03 або 03.02.2018)",
    .en = "\"{}\" has a time part (expected a date only, e.g. 2018-02-03 or 03.02.2018)"};
constexpr PerLang<const char*> not_a_date{.uk = "\"{}\" — не дата (очікується, наприклад, 2018-02-03 або 03.02.2018)",
                                          .en = "\"{}\" is not a date (expected e.g. 2018-02-03 or 03.02.2018)"};

namespace {

// A cursor over the text with the few token readers the two grammars need.
struct Cursor {
  std::string_view s;
  std::size_t i = 0;

  bool at_end() const { return i == s.size(); }
  bool is_digit() const { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }
  bool eat(char c) {
    if (i < s.size() && s[i] == c) return ++i, true;
    return false;
  }
  // Between min and max digits (as many as there are, up to max); -1 when fewer than min.
  int digits(std::size_t min, std::size_t max) {
    std::size_t start = i;
    int value = 0;
    while (i - start < max && is_digit()) value = value * 10 + (s[i++] - '0');
    return i - start < min ? -1 : value;
  }
};

bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(std::int64_t y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's
// algorithms, valid for every year used here).
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
  y -= m <= 2;
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  std::int64_t yoe = y - era * 400;
  std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, int& m, int& d) {
  z += 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  std::int64_t doe = z - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = yoe + era * 400 + (m <= 2);
}

struct DateTime {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int offset_minutes = 0;  // east of UTC
  bool has_time = false, has_offset = false;
};

// HH:MM[:SS] with `hour_digits_min` = 1 for the Excel form, 2 for ISO.
bool parse_time(Cursor& c, std::size_t hour_digits_min, DateTime& t) {
  t.has_time = true;
  t.hour = c.digits(hour_digits_min, 2);
  if (t.hour < 0 || !c.eat(':')) return false;
  t.minute = c.digits(2, 2);
  if (t.minute < 0) return false;
  if (c.eat(':')) {
    t.second = c.digits(2, 2);
    if (t.second < 0) return false;
  }
  return true;
}

bool parse_offset(Cursor& c, DateTime& t) {
  t.has_offset = true;
  if (c.eat('Z') || c.eat('z')) return true;
  int sign = c.eat('+') ? 1 : c.eat('-') ? -1 : 0;
  if (sign == 0) return false;
  int hours = c.digits(2, 2);
  if (hours < 0) return false;
  int minutes = 0;
  if (!c.at_end()) {
    c.eat(':');
    minutes = c.digits(2, 2);
    if (minutes < 0) return false;
  }
  if (hours > 23 || minutes > 59) return false;
  t.offset_minutes = sign * (hours * 60 + minutes);
  return true;
}

bool parse_iso(Cursor& c, DateTime& t) {
  t.year = c.digits(4, 4);
  if (t.year < 0 || !c.eat('-')) return false;
  t.month = c.digits(2, 2);
  if (t.month < 0 || !c.eat('-')) return false;
  t.day = c.digits(2, 2);
  if (t.day < 0) return false;
  if (c.at_end()) return true;
  if (!(c.eat('T') || c.eat('t') || c.eat(' '))) return false;
  if (!parse_time(c, 2, t)) return false;
  if (c.at_end()) return true;
  return parse_offset(c, t) && c.at_end();
}

bool parse_dotted(Cursor& c, DateTime& t) {
  t.day = c.digits(1, 2);
  if (t.day < 0 || !c.eat('.')) return false;
  t.month = c.digits(1, 2);
  if (t.month < 0 || !c.eat('.')) return false;
  t.year = c.digits(4, 4);
  if (t.year < 0) return false;
  if (c.at_end()) return true;
  return c.eat(' ') && parse_time(c, 1, t) && c.at_end();
}

// The text parsed and checked, and its key `YYYY-MM-DDTHH:MM:SS` (UTC when an
// offset was given) with what the text had: normalize_submitted_at's and
// canonical_submitted_at's common part.
std::optional<std::string> parse_submitted_at(std::string_view text, DateTime& t) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);

  Cursor c{text};
  bool iso = text.size() > 4 && text[4] == '-';
  if (!(iso ? parse_iso(c, t) : parse_dotted(c, t))) return std::nullopt;
  if (t.year < 1 || t.month < 1 || t.month > 12 || t.day < 1 || t.day > days_in_month(t.year, t.month) || t.hour > 23 ||
      t.minute > 59 || t.second > 59)
    return std::nullopt;

  // Local time minus the offset is UTC; whole minutes, so seconds stay as written.
  std::int64_t minutes = days_from_civil(t.year, t.month, t.day) * 1440 + t.hour * 60 + t.minute - t.offset_minutes;
  std::int64_t days = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
  int minute_of_day = static_cast<int>(minutes - days * 1440);
  std::int64_t year = 0;
  int month = 0, day = 0;
  civil_from_days(days, year, month, day);
  if (year < 1 || year > 9999) return std::nullopt;
  // "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}" by hand: every application row has
  // one, and fmt::format was a tenth of a national import. Every field is in
  // range here (year 1..9999, the rest below 100).
  char key[19];
  auto put = [&key](int at, int width, int value) {
    for (int i = at + width - 1; i >= at; --i, value /= 10) key[i] = static_cast<char>('0' + value % 10);
  };
  put(0, 4, static_cast<int>(year));
  key[4] = '-';
  put(5, 2, month);
  key[7] = '-';
  put(8, 2, day);
  key[10] = 'T';
  put(11, 2, minute_of_day / 60);
  key[13] = ':';
  put(14, 2, minute_of_day % 60);
  key[16] = ':';
  put(17, 2, t.second);
  return std::string(key, sizeof key);
}

}  // namespace

std::optional<std::string> normalize_submitted_at(std::string_view text) {
  DateTime t;
  return parse_submitted_at(text, t);
}

std::optional<std::string> canonical_submitted_at(std::string_view text) {
  DateTime t;
  std::optional<std::string> key = parse_submitted_at(text, t);
  if (!key) return std::nullopt;
  if (!t.has_time) return key->substr(0, 10);  // a bare date has no offset (the grammar has none)
  if (t.has_offset) *key += 'Z';
  return key;
}

Message submitted_at_error(std::string_view text) { return say(not_a_time, text); }

std::optional<std::string> canonical_date(std::string_view text) {
  std::optional<std::string> c = canonical_submitted_at(text);
  if (!c || c->size() != 10) return std::nullopt;
  return c;
}

Message date_error(std::string_view text) {
  if (canonical_submitted_at(text)) return say(has_time_part, text);
  return say(not_a_date, text);
}

std::optional<std::int64_t> submitted_key_number(std::string_view t) {
  if (t.empty()) return 0;
  // YYYY-MM-DDTHH:MM:SS: digits everywhere but the five separators.
  constexpr std::string_view shape = "9999-99-99T99:99:99";
  if (t.size() != shape.size()) return std::nullopt;
  std::int64_t n = 0;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] != '9') {
      if (t[i] != shape[i]) return std::nullopt;
      continue;
    }
    if (t[i] < '0' || t[i] > '9') return std::nullopt;
    n = n * 10 + (t[i] - '0');
  }
  if (n == 0) return std::nullopt;  // year 0000 is no date (and 0 means none)
  return n;
}

std::optional<std::int64_t> submitted_key_of_canonical(std::string_view c) {
  if (c.size() == 10) return submitted_key_number(std::string(c) + "T00:00:00");
  if (c.size() == 20 && c.back() == 'Z') c.remove_suffix(1);
  return submitted_key_number(c);
}

std::string submitted_key_text(std::int64_t key) {
  if (key == 0) return {};
  if (key < 0) {  // never stored (submitted_key_number gives none); shown as it always was
    auto part = [&](std::int64_t div, std::int64_t mod) { return static_cast<int>(key / div % mod); };
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", part(10000000000, 10000), part(100000000, 100),
                       part(1000000, 100), part(10000, 100), part(100, 100), part(1, 100));
  }
  // The 14 low digits into their places, without fmt's format-string parsing
  // (7 % of a national applications import, once per row).
  std::string out = "0000-00-00T00:00:00";
  for (std::size_t i : {18u, 17u, 15u, 14u, 12u, 11u, 9u, 8u, 6u, 5u, 3u, 2u, 1u, 0u}) {
    out[i] = static_cast<char>('0' + key % 10);
    key /= 10;
  }
  return out;
}

}  // namespace competition
