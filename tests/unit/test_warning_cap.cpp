// Warnings are capped like errors: the first 100 lines, then one line counting
// the rest.
#include <doctest/doctest.h>

#include <string>

#include "render/warning_cap.hpp"

using namespace competition;

namespace {
std::string numbered(std::size_t i) { return "w" + std::to_string(i) + "\n"; }
}  // namespace

TEST_CASE("up to 100 warnings are all shown") {
  std::string all;
  for (std::size_t i = 0; i < 100; ++i) all += numbered(i);
  CHECK(capped_warnings(100, numbered, Lang::en) == all);
  CHECK(capped_warnings(0, numbered, Lang::en).empty());
}

TEST_CASE("past 100, the rest are counted in one line, uk and en") {
  std::string first;
  for (std::size_t i = 0; i < 100; ++i) first += numbered(i);
  CHECK(capped_warnings(100000, numbered, Lang::en) == first + "… and 99900 more warnings (the first 100 are shown)\n");
  CHECK(capped_warnings(101, numbered, Lang::uk) == first + "… і ще попереджень: 1 (показано перші 100)\n");
}
