#include <doctest/doctest.h>

#include "values/edrpou.hpp"

using namespace competition;

TEST_CASE("valid ЄДРПОУ codes are returned in their 8-digit form") {
  CHECK(normalize_edrpou("00032129") == "00032129");
  CHECK(normalize_edrpou("32129") == "00032129");  // Excel dropped the leading zeros
  CHECK(normalize_edrpou("14360506") == "14360506");
  CHECK(normalize_edrpou(" 14360506\t") == "14360506");
  CHECK(normalize_edrpou("32855961") == "32855961");  // starts with 3: weights 7,1,2,...,6
  CHECK(normalize_edrpou("10000062") == "10000062");  // first sum leaves 10: weights + 2
  CHECK(normalize_edrpou("10000640") == "10000640");  // second sum leaves 10 too: digit 0
  CHECK(normalize_edrpou("30000005") == "30000005");  // weights 7,1,...,6 then + 2
  CHECK(normalize_edrpou("60000006") == "60000006");  // 6...: back to weights 1..7
}

TEST_CASE("invalid ЄДРПОУ codes are refused") {
  CHECK_FALSE(normalize_edrpou("14360507").has_value());  // wrong check digit
  CHECK_FALSE(normalize_edrpou("32855968").has_value());
  CHECK_FALSE(normalize_edrpou("60000000").has_value());
  CHECK_FALSE(normalize_edrpou("123456789").has_value());  // 9 digits
  CHECK_FALSE(normalize_edrpou("12a45678").has_value());
  CHECK_FALSE(normalize_edrpou("").has_value());
  CHECK_FALSE(normalize_edrpou("   ").has_value());
  CHECK_FALSE(normalize_edrpou("-1436050").has_value());
  CHECK_FALSE(normalize_edrpou("1436 0506").has_value());         // inner spaces are not trimmed
  CHECK_FALSE(normalize_edrpou("１４３６０５０６").has_value());  // fullwidth digits
}
