// docs/formats.md "Money": exact amounts as integer kopiykas (1/100 UAH). One type for
// every amount in the product; arithmetic is checked (overflow throws, never wraps).
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "values/message.hpp"

namespace competition {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_kopiykas(std::int64_t k) { return Money(k); }
  static constexpr Money from_hryvnias(std::int64_t h) { return Money(h * 100); }

  // Every accepted text form of docs/formats.md "Money": `12500`, `12500.5`, `12500.50`,
  // `12500,50`, `12 500,50` (group separator: space, no-break or narrow no-break
  // space, apostrophe; groups of three). No sign, no exponent, at most 2 decimals.
  // Surrounding ASCII spaces are ignored. nullopt for anything else.
  static std::optional<Money> parse(std::string_view text);
  // The error text for a cell that `parse` refused, as docs/cli.md shows it.
  static Message parse_error(std::string_view text);

  constexpr std::int64_t kopiykas() const { return k_; }
  constexpr bool is_zero() const { return k_ == 0; }

  // `12500.00`: the plain form used by JSON, CSV and the database's text views.
  std::string to_string() const;
  // `12 500,00`: Ukrainian style (space groups, decimal comma).
  std::string to_ukrainian() const;
  // The amount in a message: `12 500,00` in Ukrainian, `12500.00` in English.
  [[nodiscard]] Message said() const { return Message(to_ukrainian(), to_string()); }
  // The same with the round's currency (docs/cli.md "Error messages"): `12 500,00 грн`, `12500.00 UAH`.
  [[nodiscard]] Message said(std::string_view currency) const;
  // The same texts appended to `out`, without a temporary (a table cell).
  void append_to(std::string& out) const;
  void append_ukrainian(std::string& out) const;

  Money operator+(Money other) const;
  Money operator-(Money other) const;
  Money& operator+=(Money other) { return *this = *this + other; }
  Money& operator-=(Money other) { return *this = *this - other; }
  // Largest multiple of `unit` (> 0) that is <= this amount: the `round_to` rounding of docs/rules.md §4.
  Money floor_to_multiple(Money unit) const;

  constexpr auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(std::int64_t k) : k_(k) {}
  std::int64_t k_ = 0;
};

// Groups an unsigned digit string by thousands with `sep` (`1470900` -> `1 470 900`).
std::string group_thousands(std::string_view digits, std::string_view sep);
// The same appended to `out`.
void append_grouped(std::string& out, std::string_view digits, std::string_view sep);

}  // namespace competition
