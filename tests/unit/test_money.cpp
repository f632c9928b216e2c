// Money (docs/formats.md "Money"): every accepted and rejected text form, the two
// output forms, checked arithmetic and the round_to rounding.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

#include "values/money.hpp"

using competition::Message;
using competition::Money;

namespace {

std::int64_t kop(const char* text) {
  auto m = Money::parse(text);
  REQUIRE_MESSAGE(m.has_value(), "not accepted: ", text);
  return m->kopiykas();
}

}  // namespace

TEST_CASE("money: every accepted form of docs/formats.md") {
  CHECK(kop("12500") == 1250000);
  CHECK(kop("12500.5") == 1250050);
  CHECK(kop("12500.50") == 1250050);
  CHECK(kop("12500,50") == 1250050);
  CHECK(kop("12500,5") == 1250050);
  CHECK(kop("12 500,50") == 1250050);
  CHECK(kop("12 500.50") == 1250050);
  CHECK(kop("12\u00A0500,50") == 1250050);  // no-break space
  CHECK(kop("12\u202F500,50") == 1250050);  // narrow no-break space
  CHECK(kop("12'500,50") == 1250050);       // apostrophe
  CHECK(kop("12\u2019500,50") == 1250050);  // typographic apostrophe
  CHECK(kop("1 470 900") == 147090000);
  CHECK(kop("1'000'000.00") == 100000000);
  CHECK(kop("0") == 0);
  CHECK(kop("0.01") == 1);
  CHECK(kop("007") == 700);
  CHECK(kop("  12500  ") == 1250000);                     // surrounding ASCII spaces
  CHECK(kop("999999999999999.99") == 99999999999999999);  // 15 integer digits: the largest
}

TEST_CASE("money: every rejected form of docs/formats.md") {
  for (const char* bad :
       {"-5",     "1e3",     "12.345",   "1,000.50",  "12 5OO",    "",       ".5",    "5.",
        "1 2345", "   ",     "+5",       "12 5OO,00", "1000 000",  "1  000", "'500",  "500'",
        "12 ,50", "12,50,1", "1.000,50", "12.3.4",    "1 000.5 0", "UAH 5",  "5 грн", "1000000000000000"}) {
    CAPTURE(bad);
    CHECK_FALSE(Money::parse(bad).has_value());
  }
}

TEST_CASE("money: the error text names the value as docs/cli.md shows it, in each language") {
  CHECK(Money::parse_error("12 5OO,00").en ==
        "\"12 5OO,00\" is not an amount of money (expected e.g. 12500.00 or \"12 500,00\")");
  CHECK(Money::parse_error("12 5OO,00").uk ==
        "\"12 5OO,00\" — не сума грошей (очікується, наприклад, 12500.00 або \"12 500,00\")");
  CHECK(Money::parse_error("1000000000000000").uk ==
        "\"1000000000000000\" — завелика сума: щонайбільше 999 999 999 999 999.99");
}

TEST_CASE("money: an amount in a message, in each language's digits and the round's currency") {
  const Money m = Money::from_kopiykas(1'250'000);
  CHECK(m.said() == Message("12 500,00", "12500.00"));
  CHECK(m.said("UAH") == Message("12 500,00 грн", "12500.00 UAH"));
  CHECK(m.said("PLN") == Message("12 500,00 PLN", "12500.00 PLN"));
}

TEST_CASE("money: an amount of 10^15 or more is too large, and the message says the limit") {
  CHECK(Money::parse("999 999 999 999 999,99") == Money::from_kopiykas(99'999'999'999'999'999));
  CHECK_FALSE(Money::parse("1000000000000000").has_value());
  CHECK(Money::parse_error("1000000000000000").en ==
        "\"1000000000000000\" is too large: at most 999 999 999 999 999.99");
  CHECK(Money::parse_error("1 000 000 000 000 000,00").en ==
        "\"1 000 000 000 000 000,00\" is too large: at most 999 999 999 999 999.99");
  // Leading zeros do not make an amount large; a bad form stays "not an amount".
  CHECK(Money::parse("0000000000000001.00") == Money::from_kopiykas(100));
  CHECK(Money::parse_error("10000000000000000.001").en ==
        "\"10000000000000000.001\" is not an amount of money (expected e.g. 12500.00 or \"12 500,00\")");
}

TEST_CASE("money: plain and Ukrainian output") {
  CHECK(Money{}.to_string() == "0.00");
  CHECK(Money::from_kopiykas(5).to_string() == "0.05");
  CHECK(Money::from_kopiykas(1250050).to_string() == "12500.50");
  CHECK(Money::from_hryvnias(1000000).to_string() == "1000000.00");
  CHECK(Money::from_kopiykas(-5).to_string() == "-0.05");
  CHECK(Money::from_kopiykas(147090000).to_ukrainian() == "1 470 900,00");
  CHECK(Money::from_kopiykas(50).to_ukrainian() == "0,50");
  CHECK(Money::from_kopiykas(99999).to_ukrainian() == "999,99");
  CHECK(Money::from_kopiykas(100000).to_ukrainian() == "1 000,00");
  CHECK(Money::from_kopiykas(-123456789).to_ukrainian() == "-1 234 567,89");
  std::string cell = "x";
  Money::from_kopiykas(-123456789).append_to(cell);
  Money::from_kopiykas(5).append_ukrainian(cell);
  Money::from_kopiykas(100000).append_ukrainian(cell);
  CHECK(cell == "x-1234567.890,051 000,00");
  CHECK(competition::group_thousands("1470900", " ") == "1 470 900");
  CHECK(competition::group_thousands("100", " ") == "100");
  CHECK(competition::group_thousands("", " ").empty());
}

TEST_CASE("money: parse and to_string round-trip") {
  for (std::int64_t k : {0LL, 1LL, 99LL, 100LL, 1250050LL, 99999999999999999LL}) {
    CAPTURE(k);
    CHECK(Money::parse(Money::from_kopiykas(k).to_string())->kopiykas() == k);
    CHECK(Money::parse(Money::from_kopiykas(k).to_ukrainian())->kopiykas() == k);
  }
}

TEST_CASE("money: arithmetic is checked") {
  Money a = Money::from_kopiykas(150);
  Money b = Money::from_kopiykas(75);
  CHECK((a + b).kopiykas() == 225);
  CHECK((a - b).kopiykas() == 75);
  CHECK((b - a).kopiykas() == -75);
  a += b;
  CHECK(a.kopiykas() == 225);
  a -= Money::from_kopiykas(225);
  CHECK(a.is_zero());
  CHECK(Money::from_kopiykas(1) < Money::from_kopiykas(2));
  CHECK(Money::from_hryvnias(1) == Money::from_kopiykas(100));

  Money max = Money::from_kopiykas(std::numeric_limits<std::int64_t>::max());
  Money min = Money::from_kopiykas(std::numeric_limits<std::int64_t>::min());
  CHECK_THROWS_AS(max + Money::from_kopiykas(1), std::overflow_error);
  CHECK_THROWS_AS(min - Money::from_kopiykas(1), std::overflow_error);
  CHECK_THROWS_AS(min + Money::from_kopiykas(-1), std::overflow_error);
  Money acc = max;
  CHECK_THROWS_AS(acc += Money::from_kopiykas(1), std::overflow_error);
  CHECK((max - max).is_zero());
}

TEST_CASE("money: floor_to_multiple (the round_to of docs/rules.md section 4)") {
  Money hundred = Money::from_hryvnias(100);
  CHECK(Money::from_kopiykas(2345678).floor_to_multiple(hundred).kopiykas() == 2340000);
  CHECK(Money::from_hryvnias(23400).floor_to_multiple(hundred) == Money::from_hryvnias(23400));  // exact stays
  CHECK(Money::from_kopiykas(9999).floor_to_multiple(hundred).is_zero());
  CHECK(Money{}.floor_to_multiple(hundred).is_zero());
  CHECK(Money::from_kopiykas(12345).floor_to_multiple(Money::from_kopiykas(1)).kopiykas() == 12345);
  CHECK(Money::from_kopiykas(-150).floor_to_multiple(hundred).kopiykas() == -10000);  // floor, not truncation
  CHECK_THROWS_AS(Money::from_kopiykas(100).floor_to_multiple(Money{}), std::invalid_argument);
  CHECK_THROWS_AS(Money::from_kopiykas(100).floor_to_multiple(Money::from_kopiykas(-1)), std::invalid_argument);
  // The floor of the most negative amount to a huge unit does not fit: it throws instead of wrapping.
  CHECK_THROWS_AS(Money::from_kopiykas(std::numeric_limits<std::int64_t>::min())
                      .floor_to_multiple(Money::from_kopiykas(std::numeric_limits<std::int64_t>::max())),
                  std::overflow_error);
}
