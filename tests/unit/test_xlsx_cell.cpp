#include <doctest/doctest.h>

#include <string>

#include "formats/xlsx_cell.hpp"

using namespace competition;

TEST_CASE("xlsx_number_text: the stored decimal rounded to 15 significant digits, without exponent") {
  CHECK(xlsx_number_text("0.30000000000000004") == "0.3");
  CHECK(xlsx_number_text("32129") == "32129");
  CHECK(xlsx_number_text("26400.0") == "26400");
  CHECK(xlsx_number_text("-1.5") == "-1.5");
  CHECK(xlsx_number_text("3.2129E4") == "32129");
  CHECK(xlsx_number_text("1.5E-3") == "0.0015");
  CHECK(xlsx_number_text("1E+20") == "100000000000000000000");
  CHECK(xlsx_number_text("0") == "0");
  CHECK(xlsx_number_text("12345.678901234567") == "12345.6789012346");  // half away from zero
  CHECK(xlsx_number_text("-0.99999999999999999") == "-1");
  CHECK(xlsx_number_text("26400.049999999999") == "26400.05");
  CHECK(xlsx_number_text("123456789012345678") == "123456789012346000");
  CHECK_FALSE(xlsx_number_text("").has_value());
  CHECK_FALSE(xlsx_number_text("12a").has_value());
  CHECK_FALSE(xlsx_number_text("1E").has_value());
  CHECK_FALSE(xlsx_number_text("1E999").has_value());
}

TEST_CASE("xlsx_is_date_format: built-in and custom date formats, time-only ones are not dates") {
  CHECK(xlsx_is_date_format(14, ""));
  CHECK(xlsx_is_date_format(22, ""));
  CHECK_FALSE(xlsx_is_date_format(0, ""));
  CHECK_FALSE(xlsx_is_date_format(2, ""));
  CHECK_FALSE(xlsx_is_date_format(20, ""));  // h:mm
  CHECK(xlsx_is_date_format(164, "dd.mm.yyyy"));
  CHECK(xlsx_is_date_format(165, "yyyy-mm-dd hh:mm:ss"));
  CHECK(xlsx_is_date_format(166, "[$-422]d mmmm yyyy"));
  CHECK_FALSE(xlsx_is_date_format(167, "hh:mm"));
  CHECK_FALSE(xlsx_is_date_format(168, "0.00\" days\""));
  CHECK_FALSE(xlsx_is_date_format(169, "[Red]0.00"));
  CHECK_FALSE(xlsx_is_date_format(170, "#,##0.00 \\d"));
}

TEST_CASE("xlsx_serial_date: the 1900 system with its phantom 29 February, and the 1904 system") {
  CHECK(xlsx_serial_date("1", false) == "1900-01-01");
  CHECK(xlsx_serial_date("59", false) == "1900-02-28");
  CHECK(xlsx_serial_date("61", false) == "1900-03-01");
  CHECK(xlsx_serial_date("43119", false) == "2018-01-19");
  CHECK(xlsx_serial_date("43119.5", false) == "2018-01-19T12:00:00");
  CHECK(xlsx_serial_date("43119.000011574", false) == "2018-01-19T00:00:01");
  CHECK(xlsx_serial_date("43119.999999999", false) == "2018-01-20");  // rounds to the next midnight
  CHECK(xlsx_serial_date("0", true) == "1904-01-01");
  CHECK(xlsx_serial_date("41657", true) == "2018-01-19");
  CHECK_FALSE(xlsx_serial_date("0", false).has_value());
  CHECK_FALSE(xlsx_serial_date("60", false).has_value());
  CHECK_FALSE(xlsx_serial_date("-1", false).has_value());
  CHECK_FALSE(xlsx_serial_date("9999999", false).has_value());
}

TEST_CASE("xlsx_fixed_decimals and xlsx_format_decimals: a number as its format shows it") {
  CHECK(xlsx_fixed_decimals("1.25", 1) == "1.3");
  CHECK(xlsx_fixed_decimals("1", 2) == "1.00");
  CHECK(xlsx_fixed_decimals("1.1186", 4) == "1.1186");
  CHECK(xlsx_fixed_decimals("9.96", 1) == "10.0");
  CHECK(xlsx_fixed_decimals("-0.04", 1) == "0.0");
  CHECK(xlsx_fixed_decimals("-2.35", 0) == "-2");
  CHECK(xlsx_format_decimals(2, "") == 2);
  CHECK(xlsx_format_decimals(0, "") == -1);
  CHECK(xlsx_format_decimals(164, "0.0") == 1);
  CHECK(xlsx_format_decimals(164, "#,##0.0000\" грн\"") == 4);
  CHECK(xlsx_format_decimals(164, "0.00%") == -1);
  CHECK(xlsx_format_decimals(164, "#,##0") == 0);
}
