// Rational: exact decimals, arithmetic without rounding, display rounding half
// away from zero, and overflow that throws instead of wrapping.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <stdexcept>

#include "values/rational.hpp"

using competition::Money;
using competition::Rational;

namespace {

Rational dec(const char* text) {
  auto r = Rational::parse_decimal(text);
  REQUIRE_MESSAGE(r.has_value(), "not accepted: ", text);
  return *r;
}

}  // namespace

TEST_CASE("rational: construction reduces and normalises the sign") {
  Rational r(2, 4);
  CHECK(r.num() == 1);
  CHECK(r.den() == 2);
  Rational n(1, -2);
  CHECK(n.num() == -1);
  CHECK(n.den() == 2);
  CHECK(Rational(0, -7) == Rational(0));
  CHECK(Rational(6, 3).is_integer());
  CHECK(Rational().is_zero());
  CHECK_THROWS_AS(Rational(1, 0), std::domain_error);
}

TEST_CASE("rational: parse_decimal") {
  CHECK(dec("7") == Rational(7));
  CHECK(dec("8.5") == Rational(17, 2));
  CHECK(dec("-1.25") == Rational(-5, 4));
  CHECK(dec("+3") == Rational(3));
  CHECK(dec("0,5") == Rational(1, 2));
  CHECK(dec("0.1234") == Rational(1234, 10000));
  CHECK(dec(" 7 ") == Rational(7));
  CHECK(dec("007.50") == Rational(15, 2));
  CHECK(dec("-0") == Rational(0));
  CHECK(dec("999999999999999.5") == Rational(1999999999999999, 2));
  // Valid syntax whose reduced value does not fit 64 bits is refused, not thrown.
  CHECK_FALSE(Rational::parse_decimal("999999999999999.9999").has_value());

  CHECK_FALSE(Rational::parse_decimal("0.12345").has_value());  // more than 4 places
  CHECK(Rational::parse_decimal("0.12345", 5) == Rational(12345, 100000));
  CHECK_FALSE(Rational::parse_decimal("1.234", 2).has_value());
  CHECK_FALSE(Rational::parse_decimal("1.5", 0).has_value());
  for (const char* bad : {"", " ", "-", ".5", "5.", "1e3", "1 000", "1'000", "abc", "1.2.3", "--1", "0x10", "1,000.5",
                          "1000000000000000"}) {
    CAPTURE(bad);
    CHECK_FALSE(Rational::parse_decimal(bad).has_value());
  }
  // A very long fraction is refused without overflowing the accumulator.
  CHECK_FALSE(Rational::parse_decimal("0.123456789012345678901234567890123456789012345678901234567890").has_value());
}

TEST_CASE("rational: exact arithmetic") {
  CHECK(dec("0.1") + dec("0.2") == dec("0.3"));
  CHECK(Rational(1, 10) + Rational(2, 10) == Rational(3, 10));
  CHECK(Rational(1, 3) + Rational(1, 3) + Rational(1, 3) == Rational(1));
  CHECK(Rational(1, 3) * Rational(3) == Rational(1));
  CHECK(Rational(7, 2) - Rational(1, 2) == Rational(3));
  CHECK(Rational(1, 2) - Rational(3, 4) == Rational(-1, 4));
  CHECK(Rational(3, 4) / Rational(3, 8) == Rational(2));
  Rational acc;
  acc += Rational(1, 6);
  acc += Rational(1, 3);
  CHECK(acc == Rational(1, 2));
  // A mean of three reviews: (9 + 8.5 + 7) / 3 = 24.5 / 3 = 49/6.
  Rational mean = (dec("9") + dec("8.5") + dec("7")) / Rational(3);
  CHECK(mean == Rational(49, 6));
  CHECK(mean.to_fixed(2) == "8.17");
  // Means of thirds compared exactly: 10/3 and 3.3333 differ.
  CHECK(Rational(10, 3) > dec("3.3333"));
  CHECK(Rational(10, 3) < dec("3.3334"));
  CHECK(Rational(10, 3) != dec("3.3333"));
  CHECK_THROWS_AS(Rational(1) / Rational(0), std::domain_error);
}

TEST_CASE("rational: ordering") {
  CHECK(Rational(1, 3) < Rational(1, 2));
  CHECK(Rational(-1, 2) < Rational(-1, 3));
  CHECK(Rational(2, 4) == Rational(1, 2));
  CHECK((Rational(5) <=> Rational(10, 2)) == std::strong_ordering::equal);
  CHECK(Rational(std::numeric_limits<std::int64_t>::max(), 2) >
        Rational(std::numeric_limits<std::int64_t>::max() - 1, 2));
}

TEST_CASE("rational: to_fixed rounds half away from zero") {
  CHECK(Rational(1, 3).to_fixed(2) == "0.33");
  CHECK(Rational(2, 3).to_fixed(2) == "0.67");
  CHECK(Rational(-2, 3).to_fixed(2) == "-0.67");
  CHECK(dec("0.125").to_fixed(2) == "0.13");
  CHECK(dec("-0.125").to_fixed(2) == "-0.13");
  CHECK(dec("0.005").to_fixed(2) == "0.01");
  CHECK(dec("-0.005").to_fixed(2) == "-0.01");
  CHECK(dec("-0.004").to_fixed(2) == "0.00");  // no negative zero
  CHECK(dec("2.5").to_fixed(0) == "3");
  CHECK(dec("-2.5").to_fixed(0) == "-3");
  CHECK(dec("87.5").to_fixed(2) == "87.50");
  CHECK(Rational(7).to_fixed(0) == "7");
  CHECK(Rational(0).to_fixed(2) == "0.00");
  CHECK(dec("9.75").to_fixed(1) == "9.8");  // Kharkiv 2007: published 9.8, exactly 9.75
  CHECK(Rational(103, 25).to_fixed(4) == "4.1200");
  CHECK(dec("1470900.5").to_fixed_ukrainian(2) == "1 470 900,50");
  CHECK(dec("-1234.5").to_fixed_ukrainian(1) == "-1 234,5");
  // Digits beyond 64 bits: INT64_MAX / 1 at 4 places is a 23-digit scaled integer.
  CHECK(Rational(INT64_MAX).to_fixed(4) == "9223372036854775807.0000");
  CHECK(Rational(INT64_MIN + 1, 3).to_fixed_ukrainian(2) == "-3 074 457 345 618 258 602,33");
  // The append forms write the same text after what the cell already holds.
  std::string cell = "x";
  Rational(-2, 3).append_fixed(cell, 2);
  dec("1470900.5").append_fixed_ukrainian(cell, 2);
  dec("-0.004").append_fixed_ukrainian(cell, 2);
  CHECK(cell == "x-0.671 470 900,500,00");
  CHECK(competition::round_half_away(1, 3, 2) == 33);
  CHECK(competition::round_half_away(-1, 8, 2) == -13);
  CHECK(competition::round_half_away(1, -8, 2) == -13);
}

TEST_CASE("rational: to_decimal is exact when it can be") {
  CHECK(Rational(17, 2).to_decimal() == "8.5");
  CHECK(Rational(3).to_decimal() == "3");
  CHECK(Rational(1, 8).to_decimal() == "0.125");
  CHECK(Rational(-3, 20).to_decimal() == "-0.15");
  CHECK(Rational(1, 3).to_decimal() == "0.3333");
  CHECK(Rational(2, 3).to_decimal() == "0.6667");
  CHECK(Rational(2, 3).to_decimal(2) == "0.67");
}

TEST_CASE("rational: floor_money takes the floor to the kopiyka") {
  Money budget = Money::from_hryvnias(1000000);
  CHECK((dec("0.4") * Rational::of_money(budget)).floor_money() == Money::from_hryvnias(400000));
  CHECK((Rational(1, 3) * Rational::of_money(Money::from_hryvnias(100))).floor_money().kopiykas() == 3333);
  CHECK((Rational(2, 3) * Rational::of_money(Money::from_hryvnias(1))).floor_money().kopiykas() == 66);
  CHECK((dec("0.5") * Rational::of_money(Money::from_kopiykas(100000001))).floor_money().kopiykas() == 50000000);
  CHECK(Rational(-1, 3).floor_money().kopiykas() == -34);
  CHECK(Rational::of_money(Money::from_kopiykas(1250050)) == dec("12500.5"));
  CHECK(Rational::of_money(Money::from_kopiykas(1250050)).floor_money() == Money::from_kopiykas(1250050));
  CHECK_THROWS_AS(Rational(std::numeric_limits<std::int64_t>::max()).floor_money(), std::overflow_error);
}

TEST_CASE("rational: overflow throws instead of wrapping") {
  const std::int64_t max = std::numeric_limits<std::int64_t>::max();
  CHECK_THROWS_AS(Rational(max) + Rational(1), std::overflow_error);
  CHECK_THROWS_AS(Rational(max) * Rational(2), std::overflow_error);
  CHECK_THROWS_AS(Rational(-max) - Rational(2), std::overflow_error);
  CHECK_THROWS_AS(Rational(1, max) + Rational(1, max - 1), std::overflow_error);  // denominator too large
  CHECK_THROWS_AS(Rational(std::numeric_limits<std::int64_t>::min(), -1), std::overflow_error);
  CHECK(Rational(max) - Rational(max) == Rational(0));     // large but in range
  CHECK(Rational(max, 2) * Rational(2) == Rational(max));  // reduced before the range check
}
