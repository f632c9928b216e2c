#include "formats/record_scan.hpp"

#include <doctest/doctest.h>

#include "base/canonical_json.hpp"
#include "base/sha256.hpp"

using namespace competition;
using ojson = nlohmann::ordered_json;

namespace {

// What the audit compared before the scan: the whole tree made canonical, and a line end.
std::string tree_file_sha(const std::string& text) { return sha256_hex(canonical_json(ojson::parse(text)) + "\n"); }

std::vector<std::string> visited(const std::string& text) {
  std::vector<std::string> out;
  each_record_application(text, [&](const ojson& a) { out.push_back(a.dump()); });
  return out;
}

}  // namespace

TEST_CASE("record scan: a canonical record keeps all but its applications, and hashes as the whole tree") {
  const std::string text =
      R"({"applications":[{"award":"100.00","id":"A-1","rank":1,"reasons":["cap"],"status":"funded"},)"
      R"({"award":"0.00","id":"A-2","status":"unranked"}],"awarded":"100.00","budget":"150.00",)"
      R"("lots":[{"awarded":"100.00","budget":"150.00","id":"all"}],"round":"r-1"})";
  ScannedRecord s = scan_record(text);
  CHECK(
      s.rest.dump() ==
      R"({"applications":[],"awarded":"100.00","budget":"150.00","lots":[{"awarded":"100.00","budget":"150.00","id":"all"}],"round":"r-1"})");
  REQUIRE(s.canonical_file_sha256);
  CHECK(*s.canonical_file_sha256 == sha256_hex(text + "\n"));
  CHECK(visited(text) ==
        std::vector<std::string>{R"({"award":"100.00","id":"A-1","rank":1,"reasons":["cap"],"status":"funded"})",
                                 R"({"award":"0.00","id":"A-2","status":"unranked"})"});
}

TEST_CASE("record scan: spacing is not canonical but the canonical form's hash is still had in the pass") {
  const std::string text = "{ \"applications\": [ 1, [2, {\"a\": null}] ],\n \"b\": -3, \"c\": true }";
  ScannedRecord s = scan_record(text);
  REQUIRE(s.canonical_file_sha256);
  CHECK(*s.canonical_file_sha256 == tree_file_sha(text));
  CHECK(*s.canonical_file_sha256 != sha256_hex(text + "\n"));
  CHECK(visited(text) == std::vector<std::string>{"1", R"([2,{"a":null}])"});
  CHECK(s.rest.dump() == R"({"applications":[],"b":-3,"c":true})");
}

TEST_CASE("record scan: names out of order, repeated, or a float give no hash (the caller parses the tree)") {
  CHECK_FALSE(scan_record(R"({"round":"r","applications":[]})").canonical_file_sha256);
  CHECK_FALSE(scan_record(R"({"a":1,"a":2})").canonical_file_sha256);
  CHECK_FALSE(scan_record(R"({"applications":[{"award":1.5}]})").canonical_file_sha256);
  CHECK_FALSE(scan_record(R"({"a":{"y":1,"x":2}})").canonical_file_sha256);
  // As the tree: the later value of a repeated name in the earlier one's place.
  CHECK(scan_record(R"({"a":1,"b":0,"a":2})").rest.dump() == R"({"a":2,"b":0})");
}

TEST_CASE("record scan: names beyond U+FFFF sort by UTF-16 code units, as RFC 8785 says") {
  // U+1F600 (UTF-16 D83D DE00) sorts before U+FF61 (FF61), though its UTF-8 bytes sort after.
  const std::string text = "{\"\xF0\x9F\x98\x80\":1,\"\xEF\xBD\xA1\":2}";
  ScannedRecord s = scan_record(text);
  REQUIRE(s.canonical_file_sha256);
  CHECK(*s.canonical_file_sha256 == tree_file_sha(text));
  CHECK_FALSE(scan_record("{\"\xEF\xBD\xA1\":2,\"\xF0\x9F\x98\x80\":1}").canonical_file_sha256);
}

TEST_CASE("record scan: only the record's own applications array is streamed") {
  // A nested `applications`, or one that is not an array, stays in the tree.
  const std::string text = R"({"applications":"none","lots":[{"applications":[1,2]}]})";
  ScannedRecord s = scan_record(text);
  CHECK(s.rest.dump() == text);
  CHECK(visited(text).empty());
  CHECK(scan_record("[1,{\"applications\":[3]}]").rest.dump() == R"([1,{"applications":[3]}])");
  CHECK(visited("[1,{\"applications\":[3]}]").empty());
}

TEST_CASE("record scan: text that is not JSON throws as the tree's parse does") {
  CHECK_THROWS_AS((void)scan_record(R"({"applications":[)"), nlohmann::json::parse_error);
  CHECK_THROWS_AS((void)scan_record("{} x"), nlohmann::json::parse_error);
  CHECK_THROWS_AS(each_record_application("[", [](const ojson&) {}), nlohmann::json::parse_error);
}
