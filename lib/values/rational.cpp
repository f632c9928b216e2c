#include "values/rational.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace competition {

namespace {

__extension__ typedef __int128 i128;  // __extension__: no -Wpedantic warning

i128 gcd128(i128 a, i128 b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  // Scores, weights and shares keep numerators and denominators small: then a
  // 64-bit gcd (hardware division) gives the same result as the 128-bit one
  // (a library call per step), which dominated scoring at national scale.
  constexpr i128 max64 = std::numeric_limits<std::uint64_t>::max();
  if (a <= max64 && b <= max64) return std::gcd(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b));
  while (b != 0) {
    i128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

bool fits64(i128 v) {
  return v >= std::numeric_limits<std::int64_t>::min() && v <= std::numeric_limits<std::int64_t>::max();
}

// Writes the decimal digits of v >= 0 backwards ending at `end`; returns their start.
char* write_digits(i128 v, char* end) {
  char* p = end;
  if (v <= static_cast<i128>(std::numeric_limits<std::uint64_t>::max())) {  // the usual case: 64-bit division
    auto u = static_cast<std::uint64_t>(v);
    do {
      *--p = static_cast<char>('0' + u % 10);
      u /= 10;
    } while (u != 0);
    return p;
  }
  do {
    *--p = static_cast<char>('0' + static_cast<int>(v % 10));
    v /= 10;
  } while (v > 0);
  return p;
}

}  // namespace

Rational make_reduced(std::int64_t num, std::int64_t den) { return Rational(num, den, Rational::Reduced{}); }

static Rational make(i128 n, i128 d) {
  if (d == 0) throw std::domain_error("division by zero");
  if (d < 0) {
    n = -n;
    d = -d;
  }
  if (d != 1) {  // an integer is already in lowest terms
    i128 g = gcd128(n, d);
    if (g > 1) {
      n /= g;
      d /= g;
    }
  }
  if (!fits64(n) || !fits64(d)) throw std::overflow_error("exact arithmetic overflow");
  return make_reduced(static_cast<std::int64_t>(n), static_cast<std::int64_t>(d));
}

Rational::Rational(std::int64_t num, std::int64_t den) {
  if (den == 0) throw std::domain_error("division by zero");
  i128 n = num, d = den;
  if (d < 0) {
    n = -n;
    d = -d;
  }
  i128 g = gcd128(n, d);
  if (g > 1) {
    n /= g;
    d /= g;
  }
  if (!fits64(n) || !fits64(d)) throw std::overflow_error("exact arithmetic overflow");
  num_ = static_cast<std::int64_t>(n);
  den_ = static_cast<std::int64_t>(d);
}

std::optional<Rational> Rational::parse_decimal(std::string_view s, int max_places) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  std::size_t i = 0;
  i128 n = 0;
  int int_digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    n = n * 10 + (s[i++] - '0');
    if (++int_digits > 15) return std::nullopt;
  }
  if (int_digits == 0) return std::nullopt;
  i128 d = 1;
  if (i < s.size()) {
    if (s[i] != '.' && s[i] != ',') return std::nullopt;
    ++i;
    int places = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      if (++places > max_places) return std::nullopt;  // before n * 10 can overflow on a long fraction
      n = n * 10 + (s[i++] - '0');
      d *= 10;
    }
    if (places == 0 || places > max_places || i != s.size()) return std::nullopt;
  }
  try {
    return make(negative ? -n : n, d);
  } catch (const std::overflow_error&) {
    return std::nullopt;  // e.g. 15 integer digits and 4 decimals: not representable in 64 bits
  }
}

Rational Rational::operator+(const Rational& o) const {
  return make(static_cast<i128>(num_) * o.den_ + static_cast<i128>(o.num_) * den_, static_cast<i128>(den_) * o.den_);
}
Rational Rational::operator-(const Rational& o) const {
  return make(static_cast<i128>(num_) * o.den_ - static_cast<i128>(o.num_) * den_, static_cast<i128>(den_) * o.den_);
}
Rational Rational::operator*(const Rational& o) const {
  return make(static_cast<i128>(num_) * o.num_, static_cast<i128>(den_) * o.den_);
}
Rational Rational::operator/(const Rational& o) const {
  if (o.num_ == 0) throw std::domain_error("division by zero");
  return make(static_cast<i128>(num_) * o.den_, static_cast<i128>(den_) * o.num_);
}

std::strong_ordering Rational::operator<=>(const Rational& o) const {
  i128 l = static_cast<i128>(num_) * o.den_;
  i128 r = static_cast<i128>(o.num_) * den_;
  return l <=> r;
}

i128 round_half_away(i128 num, i128 den, int places) {
  if (den < 0) {
    num = -num;
    den = -den;
  }
  i128 scale = 1;
  for (int i = 0; i < places; ++i) scale *= 10;
  i128 a = num < 0 ? -num : num;
  i128 scaled = a * scale;
  // The same in 64 bits when it fits (every display of a score or a share):
  // 128-bit division is a library call.
  constexpr i128 max64 = std::numeric_limits<std::uint64_t>::max() / 2;
  if (scaled <= max64 && den <= max64) {
    auto s64 = static_cast<std::uint64_t>(scaled), d64 = static_cast<std::uint64_t>(den);
    std::uint64_t q = s64 / d64, r = s64 % d64;
    if (2 * r >= d64) ++q;
    return num < 0 ? -static_cast<i128>(q) : static_cast<i128>(q);
  }
  i128 q = scaled / den;
  i128 r = scaled % den;
  if (2 * r >= den) ++q;
  return num < 0 ? -q : q;
}

// The named rounding's text appended to `out`, without temporaries: a national
// ranking shows millions of numbers (twice: measured, then written).
static void write_fixed(std::string& out, const Rational& v, int places, char point, std::string_view group) {
  i128 q = round_half_away(v.num(), v.den(), places);
  if (q < 0) {
    out += '-';
    q = -q;
  }
  i128 scale = 1;
  for (int i = 0; i < places; ++i) scale *= 10;
  char buf[48];  // 39 digits at most
  char* end = buf + sizeof buf;
  char* whole = write_digits(q / scale, end);
  append_grouped(out, std::string_view(whole, static_cast<std::size_t>(end - whole)), group);
  if (places > 0) {
    out += point;
    char* frac = write_digits(q % scale, end);
    out.append(static_cast<std::size_t>(places) - static_cast<std::size_t>(end - frac), '0');
    out.append(frac, end);
  }
}

std::string Rational::to_fixed(int places) const {
  std::string out;
  write_fixed(out, *this, places, '.', "");
  return out;
}
std::string Rational::to_fixed_ukrainian(int places) const {
  std::string out;
  write_fixed(out, *this, places, ',', " ");
  return out;
}
void Rational::append_fixed(std::string& out, int places) const { write_fixed(out, *this, places, '.', ""); }
void Rational::append_fixed_ukrainian(std::string& out, int places) const { write_fixed(out, *this, places, ',', " "); }

std::string Rational::to_decimal(int max_places) const {
  // Whole numbers (most scores and weights): the digits alone, as below.
  if (den_ == 1) {
    char buf[24];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, num_).ptr);
  }
  // Fast path for a denominator dividing 10^max_places (every decimal parsed
  // with that many places): the exact digits, trailing zeros dropped. The
  // same text as the loop below, without a 128-bit division per place.
  if (max_places >= 0 && max_places <= 18) {
    std::int64_t scale = 1;
    for (int i = 0; i < max_places; ++i) scale *= 10;
    std::int64_t scaled = 0;
    if (scale % den_ == 0 && !__builtin_mul_overflow(num_, scale / den_, &scaled) &&
        scaled != std::numeric_limits<std::int64_t>::min()) {
      std::uint64_t a = scaled < 0 ? static_cast<std::uint64_t>(-scaled) : static_cast<std::uint64_t>(scaled);
      int places = max_places;
      while (places > 0 && a % 10 == 0) {
        a /= 10;
        --places;
      }
      std::uint64_t unit = 1;
      for (int i = 0; i < places; ++i) unit *= 10;
      char buf[48];
      char* p = buf;
      if (scaled < 0) *p++ = '-';
      p = std::to_chars(p, buf + sizeof buf, a / unit).ptr;
      if (places > 0) {
        *p++ = '.';
        char frac[24];
        char* f = std::to_chars(frac, frac + sizeof frac, a % unit).ptr;
        for (auto pad = places - (f - frac); pad > 0; --pad) *p++ = '0';
        p = std::copy(frac, f, p);
      }
      return std::string(buf, p);
    }
  }
  for (int p = 0; p <= max_places; ++p) {
    i128 scale = 1;
    for (int i = 0; i < p; ++i) scale *= 10;
    if ((static_cast<i128>(num_) * scale) % den_ == 0) return to_fixed(p);
  }
  return to_fixed(max_places);
}

Money Rational::floor_money() const {
  i128 n = static_cast<i128>(num_) * 100;
  i128 q = n / den_;
  if (n % den_ != 0 && n < 0) --q;
  if (!fits64(q)) throw std::overflow_error("money overflow");
  return Money::from_kopiykas(static_cast<std::int64_t>(q));
}

}  // namespace competition
