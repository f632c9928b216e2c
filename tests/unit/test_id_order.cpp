// each_in_id_order (lib/id_order.hpp): the order std::string's `<` gives, which
// is SQLite's BINARY collation, for ids that differ only after eight bytes,
// that begin one another, and that hold bytes above 0x7F.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/id_order.hpp"

using namespace competition;

TEST_CASE("id order: byte order of the ids, decided past the eighth byte too") {
  const std::vector<std::string> ids = {
      "P-10", "P-1",        "A0000002", "A00000010", "A0000001", "A00000009",   "A0000001-b", "A0000001-a",  "Z",
      "a",    "\xD0\x90-1", "\xD0\x90", "A000000",   "B",        "A0000001-a2", "0",          "A0000001-a10"};
  std::vector<std::string> seen;
  each_in_id_order(
      ids, [](const std::string& s) -> const std::string& { return s; },
      [&](const std::string& s) { seen.push_back(s); });
  std::vector<std::string> expected = ids;
  std::sort(expected.begin(), expected.end());
  CHECK(seen == expected);
  // Worked out by hand: digits before letters, upper before lower case, a
  // prefix before what it begins, Cyrillic (0xD0…) after ASCII.
  CHECK(seen == std::vector<std::string>{"0", "A000000", "A00000009", "A0000001", "A0000001-a", "A0000001-a10",
                                         "A0000001-a2", "A0000001-b", "A00000010", "A0000002", "B", "P-1", "P-10", "Z",
                                         "a", "\xD0\x90", "\xD0\x90-1"});
}
