// render/xlsx_text.hpp: what XML cannot hold, written as Excel writes it.
#include <doctest/doctest.h>

#include "render/xlsx_text.hpp"

using namespace competition;

TEST_CASE("xlsx_text: U+FFFE, U+FFFF and C0 controls become _xHHHH_") {
  CHECK(xlsx_text("a\xef\xbf\xbe"
                  "b\xef\xbf\xbf") == "a_xFFFE_b_xFFFF_");
  CHECK(xlsx_text("\x01\x1b[2J") == "_x0001__x001B_[2J");
  CHECK(xlsx_text("CR\r\nLF\ttab") == "CR_x000D_\nLF\ttab");
}

TEST_CASE("xlsx_text: a literal _xHHHH_ keeps reading as itself") {
  CHECK(xlsx_text("_x0041_") == "_x005F_x0041_");
  CHECK(xlsx_text("my_xray _x12_ _xZZZZ_") == "my_xray _x12_ _xZZZZ_");
  // Not closed, but followed by an escape that would close it (found by fuzz_xlsx_text).
  CHECK(xlsx_text(std::string("_x0041\0", 7)) == "_x005F_x0041_x0000_");
}

TEST_CASE("xlsx_text: text XML can hold is unchanged; a stray byte becomes U+FFFD") {
  CHECK(xlsx_text("ГО «Світло надії» — 12 500,00 ₴ 𝄞") == "ГО «Світло надії» — 12 500,00 ₴ 𝄞");
  CHECK(xlsx_text("\xff.\xed\xa0\x80") == "\xEF\xBF\xBD.\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}
