// A throwaway store for unit tests: a fresh SQLite database in its own mkdtemp
// directory, with one round registered from the given rules text. The
// directory and everything in it is removed when the TempStore goes away.
// Tests derive from it (or write free functions over it) for their own helpers.
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <stdlib.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include "commands/importer.hpp"
#include "store/rounds.hpp"
#include "store/store.hpp"

namespace competition::testing {

// The rules of round `id` with one criterion, `a` (0 to 10, weight 1), and
// `budget`: all a test of the store needs of a round.
inline std::string one_criterion_rules(const std::string& id, const std::string& budget = "1000") {
  return "[competition]\nid = \"" + id + "\"\ntitle = \"t\"\nyear = 2024\nbudget = " + budget +
         "\n\n[[criteria]]\nid = \"a\"\nname = \"A\"\nweight = 1\nmin = 0\nmax = 10\n";
}

struct TempStore {
  std::filesystem::path dir;
  std::unique_ptr<Store> store;

  // `prefix` names the temporary directory (`<prefix>-XXXXXX`), so a leftover
  // one shows which test file made it.
  explicit TempStore(const std::string& rules_text, const std::string& prefix = "temp-store") {
    std::string templ = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    REQUIRE(::mkdtemp(templ.data()) != nullptr);
    dir = templ;
    store = Store::open((dir / "c.db").string(), Store::Mode::may_create);
    init_round(*store, rules_text, "rules.toml");
  }
  ~TempStore() {
    store.reset();  // close the database before its directory goes
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  TempStore(const TempStore&) = delete;
  TempStore& operator=(const TempStore&) = delete;

  // Imports `csv` as if read from `file` (the name diagnostics carry).
  ImportSummary import(ImportKind kind, const std::string& csv, const std::string& file = "input.csv",
                       bool dry_run = false) {
    ImportOptions o;
    o.kind = kind;
    o.file = file;
    o.dry_run = dry_run;
    return import_file(*store, o, csv);
  }
  std::int64_t count(const std::string& table) {
    return store->db().execAndGet("SELECT count(*) FROM " + table).getInt64();
  }
};

}  // namespace competition::testing
