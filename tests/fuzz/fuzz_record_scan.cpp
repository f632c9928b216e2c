// libFuzzer target: scan_record and each_record_application (formats/record_scan)
// against the tree nlohmann builds of the same text. Both refuse the same
// texts; the scan's tree is the whole tree with the record's `applications`
// emptied; when the scan gives a canonical hash it is that of canonical_json
// of the whole tree and a line end, and the applications it hands over are
// the tree's. Anything else (a crash, a different answer) is a bug: `audit
// bundle` would accept or refuse a decision.json the tree would not.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/canonical_json.hpp"
#include "base/sha256.hpp"
#include "formats/record_scan.hpp"

using namespace competition;
using ojson = nlohmann::ordered_json;

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::optional<ojson> tree;
  try {
    tree = ojson::parse(text);
  } catch (const nlohmann::json::exception&) {
  }
  std::optional<ScannedRecord> scanned;
  try {
    scanned = scan_record(text);
  } catch (const nlohmann::json::exception&) {
  }
  require(tree.has_value() == scanned.has_value());
  if (!tree) return 0;

  const bool listed = tree->is_object() && tree->contains("applications") && (*tree)["applications"].is_array();
  ojson rest = *tree;
  if (listed) rest["applications"] = ojson::array();
  require(scanned->rest == rest);

  if (!scanned->canonical_file_sha256) return 0;
  std::string canonical;
  try {
    canonical = canonical_json(*tree) + "\n";
  } catch (const std::exception&) {
    require(false);  // a hash for a tree canonical JSON refuses
  }
  require(*scanned->canonical_file_sha256 == sha256_hex(canonical));
  std::vector<ojson> visited;
  each_record_application(text, [&](const ojson& a) { visited.push_back(a); });
  const std::vector<ojson> expected = listed ? (*tree)["applications"].get<std::vector<ojson>>() : std::vector<ojson>{};
  require(visited == expected);
  return 0;
}
