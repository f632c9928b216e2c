// The title key of year.md §5 `double_funding` (values/title_key.hpp): each
// expected key worked out by hand from the Unicode categories of its characters.
#include "values/title_key.hpp"

#include <doctest/doctest.h>

#include <string>

#include "values/diagnostic.hpp"

using namespace competition;

TEST_CASE("title key: punctuation and symbols are spaces, case folded, spaces collapsed and trimmed") {
  // « Pi, » Pf, — Pd, ! Po: four spaces, then collapsed; Т, О upper case folded.
  CHECK(title_key("«Теплі обіди» — 2017!") == "теплі обіди 2017");
  CHECK(title_key("ТЕПЛІ   ОБІДИ 2017") == "теплі обіди 2017");
  // + and = are Sm, % is Po, 🙂 is So: all spaces; digits stay.
  CHECK(title_key("Дітям + батькам = 100 % 🙂") == "дітям батькам 100");
  CHECK(title_key("  ...  ") == "");
}

TEST_CASE("title key: the apostrophes ' (Po), ’ (Pf) and ʼ (U+02BC, a letter) are all spaces") {
  CHECK(title_key("Пам'ять") == "пам ять");
  CHECK(title_key("Пам’ять") == "пам ять");
  CHECK(title_key("Памʼять") == "пам ять");
}

TEST_CASE("title key: NFC first, so a decomposed letter is the same as the composed one") {
  // и + U+0306 (combining breve, Mn: not a symbol) composes to й: "Мии\u0306ка" is "Мийка".
  CHECK(title_key("Мии\u0306ка АВТО") == "мийка авто");
  CHECK(title_key("МИЙКА авто") == "мийка авто");
  // e + U+0301 composes to é, which stays a letter.
  CHECK(title_key("Cafe\u0301") == "caf\u00e9");
}

TEST_CASE("title key: full case folding (ß is ss)") {
  CHECK(title_key("Straße") == "strasse");
  CHECK(title_key("STRASSE") == "strasse");
}

TEST_CASE("title key: text that is not UTF-8 is refused") {
  CHECK_THROWS_WITH_AS((void)title_key("\xff\xfe"), "title key: not UTF-8: U_INVALID_CHAR_FOUND", Error);
}
