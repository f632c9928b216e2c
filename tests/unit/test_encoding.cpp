#include <doctest/doctest.h>

#include <string>

#include "formats/encoding.hpp"
#include "values/diagnostic.hpp"

using namespace competition;

namespace {

// The diagnostics decode_input throws for `bytes` (empty when it succeeds).
std::vector<Diagnostic> decode_errors(std::string_view bytes, Encoding e) {
  try {
    decode_input(bytes, e, "a.csv");
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::invalid);
    return error.diagnostics();
  }
  return {};
}

std::string to_cp1251_error(std::string_view utf8) {
  try {
    to_cp1251(utf8);
  } catch (const Error& error) {
    return error.what();
  }
  return "";
}

const std::string ukrainian = "Єдина соціальна мережа: і ї є ґ Ґ І Ї Є, № 5 — «так»";

}  // namespace

TEST_CASE("parse_encoding accepts the option spellings") {
  CHECK(parse_encoding("auto") == Encoding::auto_detect);
  CHECK(parse_encoding("utf-8") == Encoding::utf8);
  CHECK(parse_encoding("cp1251") == Encoding::cp1251);
  CHECK_FALSE(parse_encoding("utf8").has_value());
  CHECK_FALSE(parse_encoding("UTF-8").has_value());
  CHECK_FALSE(parse_encoding("").has_value());
  CHECK(to_string(Encoding::cp1251) == "cp1251");
  CHECK(to_string(Encoding::utf8) == "utf-8");
  CHECK(to_string(Encoding::auto_detect) == "auto");
}

TEST_CASE("a UTF-8 BOM is stripped") {
  auto auto_result = decode_input("\xEF\xBB\xBFid,назва\n", Encoding::auto_detect, "a.csv");
  CHECK(auto_result.text == "id,назва\n");
  CHECK(auto_result.used == Encoding::utf8);
  auto explicit_result = decode_input("\xEF\xBB\xBFid\n", Encoding::utf8, "a.csv");
  CHECK(explicit_result.text == "id\n");
  CHECK(explicit_result.used == Encoding::utf8);
  // Only one BOM is a BOM; a second one is text (U+FEFF).
  CHECK(decode_input("\xEF\xBB\xBF\xEF\xBB\xBFx", Encoding::auto_detect, "a.csv").text == "\xEF\xBB\xBFx");
  CHECK(decode_input("\xEF\xBB\xBF", Encoding::auto_detect, "a.csv").text.empty());
}

TEST_CASE("valid UTF-8 and empty input are UTF-8 in auto mode") {
  auto d = decode_input(ukrainian, Encoding::auto_detect, "a.csv");
  CHECK(d.text == ukrainian);
  CHECK(d.used == Encoding::utf8);
  auto empty = decode_input("", Encoding::auto_detect, "a.csv");
  CHECK(empty.text.empty());
  CHECK(empty.used == Encoding::utf8);
}

TEST_CASE("Ukrainian text round-trips through Windows-1251") {
  std::string bytes = to_cp1251(ukrainian);
  CHECK(bytes.substr(0, 5) == "\xAA\xE4\xE8\xED\xE0");  // Єдина
  CHECK(to_cp1251("іїєґҐІЇЄ") == "\xB3\xBF\xBA\xB4\xA5\xB2\xAF\xAA");
  CHECK(to_cp1251("№—«»") == "\xB9\x97\xAB\xBB");
  CHECK_FALSE(is_valid_utf8(bytes));

  auto detected = decode_input(bytes, Encoding::auto_detect, "a.csv");
  CHECK(detected.text == ukrainian);
  CHECK(detected.used == Encoding::cp1251);
  auto forced = decode_input(bytes, Encoding::cp1251, "a.csv");
  CHECK(forced.text == ukrainian);
  CHECK(forced.used == Encoding::cp1251);
}

TEST_CASE("every defined Windows-1251 byte round-trips") {
  std::string all;
  for (int b = 0x01; b <= 0xFF; ++b)
    if (b != 0x98) all += static_cast<char>(b);
  auto d = decode_input(all, Encoding::cp1251, "a.csv");
  CHECK(is_valid_utf8(d.text));
  CHECK(to_cp1251(d.text) == all);
  CHECK(decode_input("\x88\xA0\xAD\xC0\xFF", Encoding::cp1251, "a.csv").text == "€\u00A0\u00ADАя");
}

TEST_CASE("explicit cp1251 keeps line ends and the bytes of a BOM") {
  CHECK(decode_input("a\r\nb\rc\n", Encoding::cp1251, "a.csv").text == "a\r\nb\rc\n");
  CHECK(decode_input("\xEF\xBB\xBFid", Encoding::cp1251, "a.csv").text == "п»їid");
}

TEST_CASE("byte 0x98 is undefined in Windows-1251") {
  auto forced = decode_errors("id\nab\x98\n", Encoding::cp1251);
  REQUIRE(forced.size() == 1);
  CHECK(forced[0].to_string(Lang::en) == "a.csv:2:3: byte 0x98 is undefined in Windows-1251 (try --encoding utf-8)");

  auto detected = decode_errors("id\n\xE0\x98\n", Encoding::auto_detect);  // \xE0\x98 is not UTF-8
  REQUIRE(detected.size() == 1);
  CHECK(detected[0].line == 2);
  CHECK(detected[0].column == 2);
  CHECK(detected[0].message.en ==
        "invalid byte 0x98 (the file is not UTF-8, and the byte is undefined in Windows-1251; save the file as UTF-8)");
}

TEST_CASE("invalid UTF-8 with an explicit utf-8 names line and character column") {
  // Line 2 is `A-1,Пр` then the cp1251 byte of `и`: two 2-byte letters count as two columns.
  auto errors = decode_errors("id,name\nA-1,Пр\xE8вет\n", Encoding::utf8);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == "a.csv");
  CHECK(errors[0].line == 2);
  CHECK(errors[0].column == 7);
  CHECK(errors[0].field.empty());
  CHECK(errors[0].message.en == "invalid UTF-8 byte 0xE8 (expected UTF-8; try --encoding cp1251)");
  CHECK(errors[0].to_string(Lang::en) == "a.csv:2:7: invalid UTF-8 byte 0xE8 (expected UTF-8; try --encoding cp1251)");
}

TEST_CASE("invalid UTF-8 is reported once per line, on every bad line") {
  auto errors = decode_errors("\xCF\xF0\xE8\n\nok\r\n\xE2\x82z\r\xFF", Encoding::utf8);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].to_string(Lang::en) == "a.csv:1:1: invalid UTF-8 byte 0xCF (expected UTF-8; try --encoding cp1251)");
  CHECK(errors[1].to_string(Lang::en) == "a.csv:4:1: invalid UTF-8 byte 0xE2 (expected UTF-8; try --encoding cp1251)");
  CHECK(errors[2].to_string(Lang::en) == "a.csv:5:1: invalid UTF-8 byte 0xFF (expected UTF-8; try --encoding cp1251)");
}

TEST_CASE("at most 100 decoding errors are reported") {
  std::string bytes;
  for (int i = 0; i < 150; ++i) bytes += "\xC0x\n";
  CHECK(decode_errors(bytes, Encoding::utf8).size() == max_reported_errors);
}

TEST_CASE("a BOM makes the file UTF-8 even when auto-detecting") {
  auto errors = decode_errors("\xEF\xBB\xBFid\n\xCF\n", Encoding::auto_detect);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].to_string(Lang::en) ==
        "a.csv:2:1: invalid UTF-8 byte 0xCF (the file starts with a UTF-8 byte order mark, so it must be UTF-8 "
        "throughout)");
}

TEST_CASE("a NUL byte is an error in every encoding") {
  const std::string nul = "NUL byte in the file (a field must not contain NUL bytes)";
  std::string lf("id\nab\0c\n", 8);
  for (auto e : {Encoding::auto_detect, Encoding::utf8, Encoding::cp1251}) {
    auto errors = decode_errors(lf, e);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].to_string(Lang::en) == "a.csv:2:3: " + nul);
  }
  // CRLF and lone CR each end one line; a Cyrillic letter is one column.
  auto crlf = decode_errors(std::string("a\r\nb\r\nжc\0", 10), Encoding::auto_detect);
  REQUIRE(crlf.size() == 1);
  CHECK(crlf[0].line == 3);
  CHECK(crlf[0].column == 3);
  auto cr = decode_errors(std::string("a\rb\0", 4), Encoding::utf8);
  REQUIRE(cr.size() == 1);
  CHECK(cr[0].line == 2);
  CHECK(cr[0].column == 2);
  // In a Windows-1251 file (detected from its bytes) too.
  auto cp = decode_errors(std::string("\xCF\xF0\n\xE8\0", 5), Encoding::auto_detect);
  REQUIRE(cp.size() == 1);
  CHECK(cp[0].to_string(Lang::en) == "a.csv:2:2: " + nul);
}

TEST_CASE("UTF-16 without a byte order mark is named, not reported as NULs") {
  // "id,name\n" as UTF-16 LE and BE, without a mark, in every mode.
  std::string le, be;
  for (char c : std::string("id,name\n")) {
    le += c, le += '\0';
    be += '\0', be += c;
  }
  const std::string rest = "; save it as UTF-8 (in Excel: \"CSV UTF-8\") or as Windows-1251";
  for (auto e : {Encoding::auto_detect, Encoding::utf8, Encoding::cp1251}) {
    auto l = decode_errors(le, e);
    REQUIRE(l.size() == 1);
    CHECK(l[0].to_string(Lang::en) ==
          "a.csv:1:1: the file looks like UTF-16 LE without a byte order mark (every other byte of its first line is "
          "NUL)" +
              rest);
    auto b = decode_errors(be, e);
    REQUIRE(b.size() == 1);
    CHECK(b[0].message.en.find("the file looks like UTF-16 BE without a byte order mark") == 0);
  }
  // One NUL in an 8-bit file is still the NUL error, not UTF-16.
  auto one = decode_errors(std::string("i\0d\n", 4), Encoding::auto_detect);
  REQUIRE(one.size() == 1);
  CHECK(one[0].message.en == "NUL byte in the file (a field must not contain NUL bytes)");
}

TEST_CASE("is_valid_utf8 is strict") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain ASCII, long enough for the 8-byte path"));
  CHECK(is_valid_utf8("Ґ€😀"));
  CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));        // U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xE2\x82"));          // truncated
  CHECK_FALSE(is_valid_utf8("abc\x80"));           // lone continuation byte
  CHECK_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
}

TEST_CASE("to_cp1251 refuses what the code page cannot hold") {
  CHECK(to_cp1251("plain") == "plain");
  CHECK(to_cp1251("") == "");
  CHECK(to_cp1251_error("a😀") == "character U+1F600 cannot be written in Windows-1251");
  CHECK(to_cp1251_error("ł") == "character U+0142 cannot be written in Windows-1251");
  CHECK(to_cp1251_error("a\xFF") == "cannot convert to Windows-1251: invalid UTF-8 byte 0xFF");
}

// docs/formats.md "CSV inputs", auto-detection rule 4: 80 Cyrillic rows of
// UTF-8 with one stray Windows-1251 byte stay UTF-8, the byte an error.
TEST_CASE("one stray byte in a UTF-8 file is an error, not a reason to read Windows-1251") {
  std::string bytes = "id,name\n";
  for (int i = 0; i < 80; ++i) bytes += "A-" + std::to_string(i) + ",Громадська організація «Світло»\n";
  bytes += "A-80,Пр\xE8вет\n";  // line 82: `A-80,Пр` is 7 characters, the bad byte the 8th
  auto errors = decode_errors(bytes, Encoding::auto_detect);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].to_string(Lang::en) ==
        "a.csv:82:8: invalid UTF-8 byte 0xE8 (the file is UTF-8 but for this byte (at least 90 % of its non-ASCII "
        "bytes are UTF-8); correct or remove it, or save the file as UTF-8 again)");
}

TEST_CASE("Windows-1251 text with pairs that happen to be UTF-8 stays Windows-1251") {
  // "Рівне" in Windows-1251 starts D0 B3 ("Рі"), valid UTF-8 for "г".
  std::string utf8 = "id,city\nA-1,Рівне, вулиця Соборна\nA-2,Рівненська область\n";
  std::string bytes = to_cp1251(utf8);
  CHECK(bytes.find("\xD0\xB3") != std::string::npos);
  CHECK_FALSE(is_valid_utf8(bytes));
  auto d = decode_input(bytes, Encoding::auto_detect, "a.csv");
  CHECK(d.used == Encoding::cp1251);
  CHECK(d.text == utf8);
}

TEST_CASE("the 90 % line: 9 of 10 high bytes in UTF-8 is UTF-8, fewer is Windows-1251") {
  // Four 2-byte letters (8 high bytes in UTF-8) and stray bytes.
  std::string nine = "ab\xD0\xB0\xD0\xB1\xD0\xB2\xD0\xB3\xE8\n";  // 8 of 9: 88.9 %
  CHECK(decode_input(nine, Encoding::auto_detect, "a.csv").used == Encoding::cp1251);
  std::string ten = "ab\xD0\xB0\xD0\xB1\xD0\xB2\xD0\xB3\xD0\xB4\xE8\n";  // 10 of 11: 90.9 %
  auto errors = decode_errors(ten, Encoding::auto_detect);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].column == 8);
}
