// Exact rationals for scores, weights, shares and totals (docs/rules.md: "exact
// rationals ... no floating point in any comparison"). 64-bit numerator and
// denominator, always reduced, denominator > 0; every operation computes in
// 128 bits and throws std::overflow_error if the reduced result does not fit.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "values/money.hpp"

namespace competition {

class Rational {
 public:
  constexpr Rational() = default;
  Rational(std::int64_t num, std::int64_t den = 1);

  // A decimal as written in the rules or a review: `7`, `8.5`, `-1.25`, `0,5`
  // (decimal comma accepted for spreadsheet input). At most `max_places`
  // decimals; no exponent, no grouping. nullopt for anything else.
  static std::optional<Rational> parse_decimal(std::string_view text, int max_places = 4);
  // An amount of money in hryvnias (kopiykas / 100).
  static Rational of_money(Money m) { return Rational(m.kopiykas(), 100); }

  std::int64_t num() const { return num_; }
  std::int64_t den() const { return den_; }
  bool is_zero() const { return num_ == 0; }
  bool is_integer() const { return den_ == 1; }

  Rational operator+(const Rational& o) const;
  Rational operator-(const Rational& o) const;
  Rational operator*(const Rational& o) const;
  Rational operator/(const Rational& o) const;  // throws std::domain_error on division by zero
  Rational& operator+=(const Rational& o) { return *this = *this + o; }

  std::strong_ordering operator<=>(const Rational& o) const;
  bool operator==(const Rational& o) const { return num_ == o.num_ && den_ == o.den_; }

  // Named rounding: half away from zero to `places` decimals, as a plain string
  // (`87.50`, `-0.13`). Display only; decisions compare exact values.
  std::string to_fixed(int places) const;
  // The same digits with a decimal comma and space-grouped thousands (`1 470,9`).
  std::string to_fixed_ukrainian(int places) const;
  // The same texts appended to `out`, without a temporary (a table cell).
  void append_fixed(std::string& out, int places) const;
  void append_fixed_ukrainian(std::string& out, int places) const;
  // The exact value without rounding when it has a finite decimal expansion of at
  // most `max_places` digits, else `to_fixed(max_places)`; used for canonical text.
  std::string to_decimal(int max_places = 4) const;
  // floor(this) for money: floor(share × budget) to the kopiyka (docs/rules.md §4.1);
  // `this` must be an amount in hryvnias.
  Money floor_money() const;

 private:
  struct Reduced {};
  // num/den already in lowest terms with den > 0: rational.cpp's arithmetic,
  // which has just reduced them, so the constructor's gcd is not run twice.
  constexpr Rational(std::int64_t num, std::int64_t den, Reduced) : num_(num), den_(den) {}
  friend Rational make_reduced(std::int64_t num, std::int64_t den);

  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
};

// 128-bit intermediates (a GCC/Clang extension; __extension__ keeps -Wpedantic quiet).
__extension__ typedef __int128 int128;

// Rounds num/den half away from zero to `places` decimals and returns the
// scaled integer (e.g. 1/3 at 2 places -> 33); shared by every display rounding.
int128 round_half_away(int128 num, int128 den, int places);

}  // namespace competition
