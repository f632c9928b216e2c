// The classification every import shares (values/upsert.hpp) and its counting
// (values/import_summary.hpp).
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "values/import_summary.hpp"
#include "values/upsert.hpp"

using namespace competition;

TEST_CASE("upsert: changed_fields names the fields that differ, in order") {
  CHECK(changed_fields({}) == "");
  CHECK(changed_fields({{"name", true}, {"conflicts", true}}) == "");
  CHECK(changed_fields({{"name", false}, {"conflicts", true}}) == "name");
  CHECK(changed_fields({{"title", false}, {"category", true}, {"requested", false}, {"votes", false}}) ==
        "title, requested, votes");
}

TEST_CASE("upsert: a row is added, unchanged, updated or a conflict") {
  CHECK(classify_upsert(std::nullopt, false) == Upsert::added);
  CHECK(classify_upsert(std::nullopt, true) == Upsert::added);
  CHECK(classify_upsert(std::string(), false) == Upsert::unchanged);
  CHECK(classify_upsert(std::string(), true) == Upsert::unchanged);
  CHECK(classify_upsert(std::string("title"), false) == Upsert::conflict);
  CHECK(classify_upsert(std::string("title"), true) == Upsert::updated);
}

TEST_CASE("upsert: settle_upsert counts the row and calls conflict or write") {
  ImportSummary s;
  std::string conflicts, writes;
  auto settle = [&](std::optional<std::string> changed, bool replace) {
    return settle_upsert(
        s, changed, replace, [&](const std::string& diff) { conflicts += "[" + diff + "]"; },
        [&](Upsert u) { writes += u == Upsert::added ? "a" : "u"; });
  };
  CHECK(settle(std::nullopt, false) == Upsert::added);
  CHECK(settle(std::string(), false) == Upsert::unchanged);
  CHECK(settle(std::string("name, conflicts"), false) == Upsert::conflict);
  CHECK(settle(std::string("name"), true) == Upsert::updated);
  CHECK(settle(std::nullopt, true) == Upsert::added);
  CHECK(s.added == 2);
  CHECK(s.updated == 1);
  CHECK(s.unchanged == 1);
  CHECK(conflicts == "[name, conflicts]");
  CHECK(writes == "aua");
}
