// A bundle's decision.json read without its whole tree (docs/bundle.md "The
// decision record"): a national round's record is 100 MB of text and 570 MB as
// an nlohmann tree, more than `audit bundle` may hold beside the applications.
// Everything but the elements of the top-level `applications` array is kept as
// a tree; those elements are read again from the text, one at a time, when
// they are wanted.
#pragma once
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace competition {

struct ScannedRecord {
  // The record with its top-level `applications` array emptied (when it is
  // one); anything else exactly as a tree of the whole text would hold it.
  nlohmann::ordered_json rest;
  // The SHA-256 (hex) of canonical_json of the whole record and a line end
  // (the decision.json `export bundle` writes for it), when the text gives it
  // in the same pass: every object's names are unique and in RFC 8785 order,
  // and every value is one canonical JSON writes. Otherwise none, and a caller
  // that needs it parses the tree (a record export did not write).
  std::optional<std::string> canonical_file_sha256;
};

// Throws nlohmann::json::exception when `text` is not JSON (parse_error; or
// out_of_range for a number beyond a double), as nlohmann::ordered_json::parse
// does, on the same texts.
[[nodiscard]] ScannedRecord scan_record(std::string_view text);

// Each element of the top-level `applications` array of `text` (a record
// whose scan gave a canonical_file_sha256: names unique), in order, as a tree of
// its own. Nothing when there is no such array. Throws as scan_record.
void each_record_application(std::string_view text, const std::function<void(const nlohmann::ordered_json&)>& visit);

}  // namespace competition
