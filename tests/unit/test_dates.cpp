#include <doctest/doctest.h>

#include "values/dates.hpp"

using namespace competition;

TEST_CASE("ISO 8601 dates and date-times give a sortable key") {
  CHECK(normalize_submitted_at("2018-02-03") == "2018-02-03T00:00:00");
  CHECK(normalize_submitted_at("2018-02-03T14:25") == "2018-02-03T14:25:00");
  CHECK(normalize_submitted_at("2018-02-03T14:25:00") == "2018-02-03T14:25:00");
  CHECK(normalize_submitted_at("2018-02-03 14:25:07") == "2018-02-03T14:25:07");
  CHECK(normalize_submitted_at("2018-02-03t14:25") == "2018-02-03T14:25:00");
  CHECK(normalize_submitted_at(" 2018-02-03 ") == "2018-02-03T00:00:00");
  CHECK(normalize_submitted_at("2000-02-29") == "2000-02-29T00:00:00");
}

TEST_CASE("a value with an offset is converted to UTC") {
  CHECK(normalize_submitted_at("2018-02-03T14:25:00Z") == "2018-02-03T14:25:00");
  CHECK(normalize_submitted_at("2018-02-03T14:25z") == "2018-02-03T14:25:00");
  CHECK(normalize_submitted_at("2018-02-03T14:25:00+02:00") == "2018-02-03T12:25:00");
  CHECK(normalize_submitted_at("2018-02-03T14:25+0200") == "2018-02-03T12:25:00");
  CHECK(normalize_submitted_at("2018-02-03T14:25:09+02") == "2018-02-03T12:25:09");
  CHECK(normalize_submitted_at("2018-02-03T14:25:00+05:30") == "2018-02-03T08:55:00");
  CHECK(normalize_submitted_at("2018-02-03 22:30:00-05:00") == "2018-02-04T03:30:00");
  CHECK(normalize_submitted_at("2018-02-03T14:25:00-00:00") == "2018-02-03T14:25:00");
  // Across month, year and leap-day boundaries.
  CHECK(normalize_submitted_at("2018-12-31T23:30:00-01:00") == "2019-01-01T00:30:00");
  CHECK(normalize_submitted_at("2018-01-01T01:00:00+02:00") == "2017-12-31T23:00:00");
  CHECK(normalize_submitted_at("2016-03-01T00:15+01:00") == "2016-02-29T23:15:00");
  CHECK(normalize_submitted_at("2018-03-01T00:15+01:00") == "2018-02-28T23:15:00");
  CHECK(normalize_submitted_at("2018-04-30T23:00-03:00") == "2018-05-01T02:00:00");
}

TEST_CASE("DD.MM.YYYY dates, as Excel in a Ukrainian locale writes them") {
  CHECK(normalize_submitted_at("03.02.2018") == "2018-02-03T00:00:00");
  CHECK(normalize_submitted_at("3.2.2018") == "2018-02-03T00:00:00");
  CHECK(normalize_submitted_at("03.02.2018 14:25") == "2018-02-03T14:25:00");
  CHECK(normalize_submitted_at("03.02.2018 9:05:07") == "2018-02-03T09:05:07");
  CHECK(normalize_submitted_at("29.02.2016") == "2016-02-29T00:00:00");
}

TEST_CASE("impossible dates and other forms are refused") {
  for (const char* bad : {"31.02.2018",
                          "2019-02-29",
                          "1900-02-29",
                          "2018-13-01",
                          "2018-00-10",
                          "2018-04-31",
                          "32.01.2018",
                          "00.01.2018",
                          "2018-02-03T24:00",
                          "2018-02-03T14:60",
                          "2018-02-03T14:25:60",
                          "2018-02-03T14:25:00.5",
                          "2018-02-03T14",
                          "2018-02-03T",
                          "2018-2-3",
                          "20180203",
                          "2018-02-03+02:00",
                          "2018-02-03T14:25+24:00",
                          "2018-02-03T14:25+02:60",
                          "2018-02-03T14:25+2",
                          "2018-02-03T14:25+02:0",
                          "2018-02-03T14:25 +02:00",
                          "2018-02-03  14:25",
                          "03.02.18",
                          "03.02.2018T14:25",
                          "03.02.2018 14:25+02:00",
                          "03/02/2018",
                          "0000-01-01",
                          "",
                          "  ",
                          "вчора"})
    CHECK_MESSAGE(!normalize_submitted_at(bad).has_value(), bad);
}

TEST_CASE("the error text names the value and the accepted forms") {
  CHECK(submitted_at_error("31.02.2018").en ==
        "\"31.02.2018\" is not a date (expected e.g. 2018-02-03, 2018-02-03T14:25:00+02:00 or 03.02.2018)");
}

TEST_CASE("the normalised form as a number that sorts the same way, and back") {
  CHECK(submitted_key_number("2018-02-03T14:25:07") == 20180203142507);
  CHECK(submitted_key_number("0001-01-01T00:00:00") == 10101000000);
  CHECK(submitted_key_number("9999-12-31T23:59:59") == 99991231235959);
  CHECK(submitted_key_number("") == 0);  // no date
  CHECK(submitted_key_text(20180203142507) == "2018-02-03T14:25:07");
  CHECK(submitted_key_text(10101000000) == "0001-01-01T00:00:00");
  CHECK(submitted_key_text(0) == "");
  CHECK(submitted_key_text(99991231235959) == "9999-12-31T23:59:59");
  CHECK(submitted_key_text(120180203142507) == "2018-02-03T14:25:07");  // the 14 low digits, as always
  // Order kept: a second, a day and a year apart.
  CHECK(*submitted_key_number("2018-02-03T14:25:07") < *submitted_key_number("2018-02-03T14:25:08"));
  CHECK(*submitted_key_number("2018-02-03T23:59:59") < *submitted_key_number("2018-02-04T00:00:00"));
  CHECK(*submitted_key_number("2017-12-31T23:59:59") < *submitted_key_number("2018-01-01T00:00:00"));
  // A stored value of any other shape (edited by hand) is no key.
  for (const char* bad : {"2018-02-03", "2018-02-03 14:25:07", "2018-02-03T14:25:0x", "2018-02-03T14:25:070",
                          "0000-00-00T00:00:00", "03.02.2018 14:25:07"})
    CHECK_MESSAGE(!submitted_key_number(bad).has_value(), bad);
}

TEST_CASE("canonical forms: a date, a date-time with an offset (in UTC, Z), one without") {
  // A date, however typed.
  CHECK(canonical_submitted_at("2018-01-19") == "2018-01-19");
  CHECK(canonical_submitted_at("19.01.2018") == "2018-01-19");
  CHECK(canonical_submitted_at("9.1.2018") == "2018-01-09");
  CHECK(canonical_submitted_at(" 2018-01-19\t") == "2018-01-19");
  // With an offset: the same instant gives the same text.
  CHECK(canonical_submitted_at("2018-01-19T10:00:00+02:00") == "2018-01-19T08:00:00Z");
  CHECK(canonical_submitted_at("2018-01-19T08:00:00Z") == "2018-01-19T08:00:00Z");
  CHECK(canonical_submitted_at("2018-01-19t08:00z") == "2018-01-19T08:00:00Z");
  CHECK(canonical_submitted_at("2018-01-19 10:00+0200") == "2018-01-19T08:00:00Z");
  CHECK(canonical_submitted_at("2018-01-19T01:30:05+03") == "2018-01-18T22:30:05Z");  // the date changes
  // Without an offset: as written, seconds added.
  CHECK(canonical_submitted_at("2018-01-19T10:00") == "2018-01-19T10:00:00");
  CHECK(canonical_submitted_at("2018-01-19 10:00:07") == "2018-01-19T10:00:07");
  CHECK(canonical_submitted_at("19.01.2018 9:05") == "2018-01-19T09:05:00");
  // What normalize_submitted_at refuses.
  CHECK(canonical_submitted_at("31.02.2018") == std::nullopt);
  CHECK(canonical_submitted_at("2018-01-19T10:00:00.5Z") == std::nullopt);
  CHECK(canonical_submitted_at("") == std::nullopt);
}

TEST_CASE("canonical forms: the sorting key of each form") {
  CHECK(submitted_key_of_canonical("2018-01-19") == 20180119000000);
  CHECK(submitted_key_of_canonical("2018-01-19T08:00:00Z") == 20180119080000);
  CHECK(submitted_key_of_canonical("2018-01-19T08:00:00") == 20180119080000);
  CHECK(submitted_key_of_canonical("") == 0);
  CHECK(submitted_key_of_canonical("19.01.2018") == std::nullopt);
  CHECK(submitted_key_of_canonical("2018-01-19T08:00:00+02") == std::nullopt);
}

TEST_CASE("canonical_date: the date forms of submitted_at without a time part") {
  CHECK(canonical_date("2018-12-14") == "2018-12-14");
  CHECK(canonical_date(" 14.12.2018 ") == "2018-12-14");
  CHECK(canonical_date("1.2.2019") == "2019-02-01");
  CHECK(canonical_date("2018-12-14T10:00") == std::nullopt);
  CHECK(canonical_date("14.12.2018 10:00") == std::nullopt);
  CHECK(canonical_date("2018-02-29") == std::nullopt);
  CHECK(canonical_date("") == std::nullopt);
  CHECK(date_error("14.12.2018 10:00").en ==
        "\"14.12.2018 10:00\" has a time part (expected a date only, e.g. 2018-02-03 or 03.02.2018)");
  CHECK(date_error("2018-02-29").en == "\"2018-02-29\" is not a date (expected e.g. 2018-02-03 or 03.02.2018)");
}
