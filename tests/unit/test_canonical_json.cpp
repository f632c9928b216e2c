// RFC 8785 canonical JSON: member order by UTF-16 code units, the string
// escapes of ECMAScript JSON.stringify, integers only, exact bytes.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "base/canonical_json.hpp"
#include "base/sha256.hpp"

using competition::canonical_json;
using competition::utf16_less;
using nlohmann::json;
using nlohmann::ordered_json;

TEST_CASE("canonical json: no whitespace, members sorted, nested values") {
  ordered_json j;
  j["round"] = "esm-2017";
  j["budget"] = "1000000.00";
  j["lots"] = ordered_json::array({ordered_json{{"id", "a"}, {"awarded", "0.00"}}});
  j["applications"] = ordered_json::array();
  j["empty"] = ordered_json::object();
  j["rank"] = nullptr;
  j["ok"] = true;
  j["no"] = false;
  j["n"] = -42;
  j["u"] = 18446744073709551615ULL;
  CHECK(canonical_json(j) ==
        R"({"applications":[],"budget":"1000000.00","empty":{},"lots":[{"awarded":"0.00","id":"a"}],"n":-42,)"
        R"("no":false,"ok":true,"rank":null,"round":"esm-2017","u":18446744073709551615})");
}

TEST_CASE("canonical json: arrays keep their order") {
  CHECK(canonical_json(json::array({3, 1, 2, "b", "a"})) == R"([3,1,2,"b","a"])");
}

TEST_CASE("canonical json: string escapes as JSON.stringify writes them") {
  CHECK(canonical_json(json("quote \" backslash \\ slash /")) == R"("quote \" backslash \\ slash /")");
  CHECK(canonical_json(json(std::string("\b\f\n\r\t"))) == R"("\b\f\n\r\t")");
  CHECK(canonical_json(json(std::string("\x01\x1f", 2))) == R"("\u0001\u001f")");
  CHECK(canonical_json(json(std::string("a\0b", 3))) == "\"a\\u0000b\"");
  CHECK(canonical_json(json(std::string("\x7f"))) == "\"\x7f\"");  // DEL is not escaped
  // Non-ASCII stays UTF-8, including U+2028 and characters outside the BMP.
  CHECK(canonical_json(json("Єдина соціальна мережа")) == "\"Єдина соціальна мережа\"");
  CHECK(canonical_json(json("\u2028\U0001F600")) == "\"\u2028\U0001F600\"");
}

TEST_CASE("canonical json: member names sort by UTF-16 code units, not by bytes") {
  // RFC 8785 §3.2.3 example: U+1F600 (surrogates D83D DE00) sorts before U+FB33
  // in UTF-16, although its UTF-8 bytes (F0…) sort after EF….
  CHECK(utf16_less("\U0001F600", "\uFB33"));
  CHECK_FALSE(utf16_less("\uFB33", "\U0001F600"));
  CHECK(utf16_less("a", "b"));
  CHECK(utf16_less("a", "ab"));
  CHECK(utf16_less("Z", "a"));
  json j = {{"\uFB33", 1}, {"\U0001F600", 2}, {"\u20ac", 3}, {"1", 4}, {"\u0080", 5}, {"\r", 6}, {"\u00f6", 7}};
  CHECK(canonical_json(j) ==
        "{\"\\r\":6,\"1\":4,\"\u0080\":5,\"\u00f6\":7,\"\u20ac\":3,\"\U0001F600\":2,\"\uFB33\":1}");
}

TEST_CASE("canonical json: ordered and unordered objects give the same bytes") {
  ordered_json a = {{"z", 1}, {"a", {{"y", 2}, {"b", 3}}}};
  json b = {{"a", {{"b", 3}, {"y", 2}}}, {"z", 1}};
  CHECK(canonical_json(a) == canonical_json(b));
  CHECK(canonical_json(a) == R"({"a":{"b":3,"y":2},"z":1})");
}

TEST_CASE("canonical json: floats, binary values and invalid UTF-8 are refused") {
  CHECK_THROWS_AS(canonical_json(json(1.5)), std::invalid_argument);
  CHECK_THROWS_AS(canonical_json(json::parse("{\"a\":[1.0]}")), std::invalid_argument);
  CHECK_THROWS_AS(canonical_json(json::binary({1, 2})), std::invalid_argument);
  CHECK_THROWS_AS(canonical_json(json(std::string("\xff"))), std::invalid_argument);
  CHECK_THROWS_AS(canonical_json(json(std::string("\xc0\xaf"))), std::invalid_argument);      // overlong '/'
  CHECK_THROWS_AS(canonical_json(json(std::string("\xed\xa0\x80"))), std::invalid_argument);  // a surrogate
  CHECK_THROWS_AS(canonical_json(json(std::string("\xe2\x82"))), std::invalid_argument);      // truncated
  CHECK_THROWS_AS(canonical_json(json{{std::string("\xff"), 1}}), std::invalid_argument);
}

TEST_CASE("canonical json: a known fingerprint") {
  // printf '%s' '{"a":"1.00","b":[1,null]}' | sha256sum
  json j = json::parse(R"({ "b": [1, null], "a": "1.00" })");
  std::string c = canonical_json(j);
  CHECK(c == R"({"a":"1.00","b":[1,null]})");
  CHECK(competition::sha256_hex(c) == "f39a269af80f486d40d454ec46bc389282ca40c42262780d78b313cbd5ae9065");
}
