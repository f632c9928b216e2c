// The conflicts of reviewers.csv (docs/formats.md "reviewers.csv" and
// "Canonical forms"): entries trimmed, codes as 8 digits and checked,
// duplicates by code or organisation key dropped keeping the byte-smallest
// spelling, byte order; and the located error of a code that fails the check.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "formats/reviewers_csv.hpp"
#include "values/conflicts.hpp"

using namespace competition;

using Entries = std::vector<std::string>;

TEST_CASE("conflicts: entries trimmed, empty ones dropped, sorted by byte order") {
  ConflictList c = parse_conflicts(" ГО «Доступне місто» |29060141||  ");
  CHECK(c.entries == Entries{"29060141", "ГО «Доступне місто»"});
  CHECK(c.invalid_codes.empty());
  CHECK(join_conflicts(c.entries) == "29060141|ГО «Доступне місто»");
  CHECK(parse_conflicts("").entries.empty());
  CHECK(parse_conflicts(" | ").entries.empty());
  // Byte order: Latin before Cyrillic, upper case before lower case.
  CHECK(parse_conflicts("Бета|Альфа|beta|Zeta").entries == Entries{"Zeta", "beta", "Альфа", "Бета"});
}

TEST_CASE("conflicts: codes left-padded to 8 digits; the same code once") {
  // 32129 is 00032129 (Excel drops leading zeros), which passes the check.
  CHECK(parse_conflicts("32129").entries == Entries{"00032129"});
  CHECK(parse_conflicts("00032129|32129| 32129 ").entries == Entries{"00032129"});
}

TEST_CASE("conflicts: names with the same organisation key are one, the byte-smallest spelling kept") {
  // `"` (0x22) < `Г` and `«` (C2 AB) < `Т` (D0 A2): the straight quotes sort first.
  ConflictList c = parse_conflicts("ГО «Теплі обіди»|ГО \"Теплі обіди\"|го теплі  обіди|ГО Теплі обіди");
  CHECK(c.entries == Entries{"ГО \"Теплі обіди\""});
  CHECK(parse_conflicts("ГО Теплі обіди|ГО «Теплі обіди»").entries == Entries{"ГО «Теплі обіди»"});
  // Different names stay.
  CHECK(parse_conflicts("ГО Світло|ГО Світло-2").entries == Entries{"ГО Світло", "ГО Світло-2"});
}

TEST_CASE("conflicts: a code that fails the ЄДРПОУ check is set apart") {
  ConflictList c = parse_conflicts("2606|ГО Х|123456789|29060141");
  CHECK(c.entries == Entries{"29060141", "ГО Х"});
  CHECK(c.invalid_codes == Entries{"2606", "123456789"});
  // Digits with anything else are a name, not a code.
  CHECK(parse_conflicts("ЄДРПОУ 2606").entries == Entries{"ЄДРПОУ 2606"});
  CHECK(is_code_entry(" 2606 "));
  CHECK_FALSE(is_code_entry("26 06"));
  CHECK_FALSE(is_code_entry(""));
}

TEST_CASE("reviewers_csv: an invalid conflict code is an error at its line and column") {
  std::vector<Diagnostic> errors;
  auto rows = parse_reviewers_csv("id,name,conflicts\nR-1,A,29060141\nR-2,B,ГО Х|2606\n", "reviewers.csv", errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].to_string(Lang::en) ==
        "reviewers.csv:3:3: conflicts: \"2606\" is not a valid ЄДРПОУ code (expected 8 digits with a valid check "
        "digit, or an organisation name)");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].conflicts == Entries{"29060141"});
}

TEST_CASE("reviewers_csv: conflicts are kept in canonical form") {
  std::vector<Diagnostic> errors;
  auto rows = parse_reviewers_csv("id,name,conflicts\nR-1,A,\"ГО «Б» | 32129 |ГО \"\"Б\"\"\"\n", "r.csv", errors);
  CHECK(errors.empty());
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].conflicts == Entries{"00032129", "ГО \"Б\""});
}

TEST_CASE("reviewers_csv: categories canonical (trimmed, duplicates dropped, byte order), capacity positive") {
  std::vector<Diagnostic> errors;
  auto rows = parse_reviewers_csv(
      "id,name,categories,capacity\nR-1,A, roads | art||roads ,12\nR-2,B,,\nR-3,C,art,0\nR-4,D,,-1\nR-5,E,,1.5\n",
      "r.csv", errors);
  // One message for every value that is not a whole number of at least 1.
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].to_string(Lang::en) ==
        "r.csv:4:4: capacity: \"0\" is not a whole number of at least 1 (the most applications the reviewer takes; "
        "leave it empty for no limit)");
  CHECK(errors[1].to_string(Lang::en) ==
        "r.csv:5:4: capacity: \"-1\" is not a whole number of at least 1 (the most applications the reviewer takes; "
        "leave it empty for no limit)");
  CHECK(errors[2].to_string(Lang::uk) ==
        "r.csv:6:4: capacity: \"1.5\" — не ціле число від 1 (найбільше заявок, які експерт візьме; порожня "
        "клітинка — без ліміту)");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].categories == Entries{"art", "roads"});
  CHECK(rows[0].capacity == 12);
  CHECK(rows[1].categories.empty());
  CHECK(!rows[1].capacity.has_value());
}
