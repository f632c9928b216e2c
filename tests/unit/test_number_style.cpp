// render/number_style.hpp: numbers for people in the style of each language.
#include <doctest/doctest.h>

#include "render/number_style.hpp"

using namespace competition;

TEST_CASE("number style: money, uk with space groups and a decimal comma, en plain") {
  Money m = Money::from_kopiykas(1250050);
  CHECK(money_text(m, Lang::uk) == "12 500,50");
  CHECK(money_text(m, Lang::en) == "12500.50");
  std::string cell = "a ";
  append_money(cell, Money::from_kopiykas(5), Lang::uk);
  CHECK(cell == "a 0,05");
  append_money(cell, Money::from_kopiykas(5), Lang::en);
  CHECK(cell == "a 0,050.05");
}

TEST_CASE("number style: fixed decimals, rounded half away from zero") {
  CHECK(fixed_text(Rational(103, 2), 2, Lang::uk) == "51,50");
  CHECK(fixed_text(Rational(103, 2), 2, Lang::en) == "51.50");
  CHECK(fixed_text(Rational(14709, 10), 0, Lang::uk) == "1 471");
  CHECK(fixed_text(Rational(-1, 8), 2, Lang::en) == "-0.13");
  std::string cell;
  append_fixed(cell, Rational(1, 3), 4, Lang::uk);
  CHECK(cell == "0,3333");
  append_fixed(cell, Rational(1, 3), 1, Lang::en);
  CHECK(cell == "0,33330.3");
}

TEST_CASE("number style: a decimal text with the language's separator") {
  CHECK(with_decimal_separator("0.5", Lang::uk) == "0,5");
  CHECK(with_decimal_separator("0.5", Lang::en) == "0.5");
  CHECK(with_decimal_separator("20,2", Lang::en) == "20.2");
  CHECK(with_decimal_separator("20,2", Lang::uk) == "20,2");
  CHECK(with_decimal_separator("18", Lang::uk) == "18");
  CHECK(with_decimal_separator("n/a", Lang::en) == "n/a");
}
