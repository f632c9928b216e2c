// organisation_name_key (docs/formats.md "Organisations": an organisation
// without a code is known by its name, compared case- and space-insensitively).
#include <doctest/doctest.h>

#include <string>

#include "store/organisations.hpp"
#include "values/organisation_name.hpp"

using namespace competition;

TEST_CASE("organisation names: lower case, spaces collapsed and trimmed") {
  CHECK(organisation_name_key("ГО «Перша»") == "го перша");
  CHECK(organisation_name_key("  ГО   ПЕРША  ") == "го перша");
  CHECK(organisation_name_key("го\tперша") == "го перша");
  CHECK(organisation_name_key("ГО\xC2\xA0Перша") == "го перша");      // no-break space
  CHECK(organisation_name_key("ГО\xE2\x80\xAFПерша") == "го перша");  // narrow no-break space
  CHECK(organisation_name_key("Charity FUND") == "charity fund");
  // Ukrainian letters outside А..Я and their lower cases.
  CHECK(organisation_name_key("ЄВРОПА ІНІЦІАТИВА ЇЖАК ҐАНОК Ў") == "європа ініціатива їжак ґанок ў");
  CHECK(organisation_name_key("") == "");
  CHECK(organisation_name_key("   ") == "");
}

TEST_CASE("organisation names: bytes that are not UTF-8 pass through unchanged") {
  CHECK(organisation_name_key("A\xFF"
                              "B") ==
        "a\xFF"
        "b");
  CHECK(organisation_name_key("\xF0\x9F\x98\x80 ГО") == "\xF0\x9F\x98\x80 го");  // a 4-byte character
  CHECK(organisation_name_key("ГО \xD0") == "го\xD0");  // a lead byte at the end (spaces before a stray byte go)
}

TEST_CASE("organisation names: the quote marks count as spaces") {
  // docs/formats.md: the three spellings are one name.
  CHECK(organisation_name_key("ГО «Теплі обіди»") == "го теплі обіди");
  CHECK(organisation_name_key("го \"Теплі  обіди\"") == "го теплі обіди");
  CHECK(organisation_name_key("ГО Теплі обіди") == "го теплі обіди");
  CHECK(organisation_name_key("БФ „Надія“") == "бф надія");
  CHECK(organisation_name_key("БФ “Надія”") == "бф надія");
  CHECK(organisation_name_key("'Світанок'") == "світанок");
  CHECK(organisation_name_key("ГО«Світанок»Плюс") == "го світанок плюс");  // a quote between words is a space
  CHECK(organisation_name_key("«»") == "");
  // Other punctuation stays: a hyphen or a dot is part of the name.
  CHECK(organisation_name_key("ГО \"Світло-Тінь\"") == "го світло-тінь");
  CHECK(organisation_name_key("ГО Світло-Тінь") != organisation_name_key("ГО Світло Тінь"));
}

TEST_CASE("organisation names: a pabulib project's organisation is keyed by round and project") {
  CHECK(pabulib_organisation_key("gdansk-cumulative", "12") == "pabulib:gdansk-cumulative/12");
}
