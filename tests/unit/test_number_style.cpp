// render/number_style.hpp: numbers for people in the style of each language.
#include <doctest/doctest.h>

#include "render/number_style.hpp"

using namespace competition;

TEST_CASE("number style: money, uk with space groups and a decimal comma, en with comma groups") {
  Money m = Money::from_kopiykas(1250050);
  CHECK(money_text(m, Lang::uk) == "12 500,50");
  CHECK(money_text(m, Lang::en) == "12,500.50");
  CHECK(money_text(Money::from_kopiykas(-100000000), Lang::en) == "-1,000,000.00");
  CHECK(money_text(Money::from_kopiykas(99999), Lang::en) == "999.99");
  std::string cell = "a ";
  append_money(cell, Money::from_kopiykas(5), Lang::uk);
  CHECK(cell == "a 0,05");
  append_money(cell, Money::from_kopiykas(5), Lang::en);
  CHECK(cell == "a 0,050.05");
}

TEST_CASE("number style: money with the round's currency, one form per language") {
  Money million = Money::from_kopiykas(100000000);
  CHECK(money_with_currency(million, "UAH", Lang::uk) == "1 000 000,00 грн");
  CHECK(money_with_currency(million, "UAH", Lang::en) == "1,000,000.00 UAH");
  CHECK(money_with_currency(Money::from_kopiykas(4000000), "EUR", Lang::uk) == "40 000,00 EUR");
  CHECK(money_with_currency(Money::from_kopiykas(4000000), "EUR", Lang::en) == "40,000.00 EUR");
  CHECK(currency_word("UAH", Lang::uk) == "грн");
  CHECK(currency_word("PLN", Lang::uk) == "PLN");
}

TEST_CASE("number style: integers grouped by thousands") {
  CHECK(integer_text(1248667, Lang::uk) == "1 248 667");
  CHECK(integer_text(1248667, Lang::en) == "1,248,667");
  CHECK(integer_text(-703, Lang::en) == "-703");
  CHECK(integer_text(0, Lang::uk) == "0");
}

TEST_CASE("number style: fixed decimals, rounded half away from zero") {
  CHECK(fixed_text(Rational(103, 2), 2, Lang::uk) == "51,50");
  CHECK(fixed_text(Rational(103, 2), 2, Lang::en) == "51.50");
  CHECK(fixed_text(Rational(14709, 10), 0, Lang::uk) == "1 471");
  CHECK(fixed_text(Rational(-1, 8), 2, Lang::en) == "-0.13");
  CHECK(fixed_text(Rational(14709, 10), 1, Lang::en) == "1,470.9");
  CHECK(fixed_text(Rational(-14709, 10), 1, Lang::uk) == "-1 470,9");
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
