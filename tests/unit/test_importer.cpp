// import_file over a real store: the 100-problem cut and its note (real and
// dry runs alike), and the organisation each application is filed under when
// new organisations are written in batches (lib/organisation.cpp).
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <string>

#include "diagnostic.hpp"
#include "importer.hpp"
#include "rounds.hpp"
#include "temp_store.hpp"

using namespace competition;

namespace {

const char* rules_text = R"(
[competition]
id = "imp-1"
title = "t"
year = 2024
budget = 1000

[[criteria]]
id = "a"
weight = 1
min = 0
max = 10
)";

struct ImporterStore : testing::TempStore {
  ImporterStore() : TempStore(rules_text, "importer") {}
  // Applications read from "apps.csv" (the file the diagnostics name).
  ImportSummary import(const std::string& csv, bool dry_run = false) {
    return TempStore::import(ImportKind::applications, csv, "apps.csv", dry_run);
  }
  // application id -> the organisation it is filed under
  std::map<std::string, std::string> organisation_keys() {
    std::map<std::string, std::string> out;
    for (const auto& a : store->applications("imp-1")) out[a.id] = a.organisation_key;
    return out;
  }
};

// n rows, each with a bad amount in column 4.
std::string bad_rows(int n) {
  std::string csv = "id,organisation,title,requested\n";
  for (int i = 1; i <= n; ++i) csv += "P-" + std::to_string(i) + ",ГО,t,12x\n";
  return csv;
}

}  // namespace

TEST_CASE("importer: more than 100 problems are cut, and the cut is said") {
  ImporterStore t;
  try {
    t.import(bad_rows(150));
    FAIL("expected invalid rows");
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::invalid);
    REQUIRE(e.diagnostics().size() == 101);
    const Diagnostic& hundredth = e.diagnostics()[99];
    CHECK(hundredth.line == 101);  // P-100 (line 1 is the header)
    CHECK(hundredth.column == 4);
    const Diagnostic& note = e.diagnostics()[100];
    CHECK(note.file == "apps.csv");
    CHECK(note.line == 0);
    CHECK(note.message == "... and 50 more problems not shown (the first 100 are listed)");
  }
  CHECK(t.count("applications") == 0);
}

TEST_CASE("importer: a dry run lists the same problems and the same note") {
  ImporterStore t;
  ImportSummary s = t.import(bad_rows(150), true);
  REQUIRE(s.errors.size() == 101);
  CHECK(s.errors.back().message == "... and 50 more problems not shown (the first 100 are listed)");
  ImportSummary exact = t.import(bad_rows(100), true);
  CHECK(exact.errors.size() == 100);  // exactly 100: nothing cut, no note
  CHECK(exact.errors.back().line == 101);
  CHECK(t.count("applications") == 0);
}

TEST_CASE("importer: organisations by code, then by name, across files") {
  ImporterStore t;
  // P-1 has no code: a new organisation. P-2 brings the code for the same name:
  // that organisation gains it. P-3 (no code; case and spaces differ) finds it
  // by name; P-4 is another
  // organisation; P-5 has a code nobody has.
  t.import("id,organisation,edrpou,title,requested\n"
           "P-1,ГО Перша,,t,10\n"
           "P-2,ГО Перша,26519933,t,10\n"
           "P-3,го  ПЕРША,,t,10\n"
           "P-4,ГО Друга,,t,10\n"
           "P-5,ГО Третя,00032129,t,10\n");
  auto k = t.organisation_keys();
  CHECK(k["P-1"] == "org:1");
  CHECK(k["P-2"] == "org:1");
  CHECK(k["P-3"] == "org:1");
  CHECK(k["P-4"] == "org:2");
  CHECK(k["P-5"] == "org:3");
  CHECK(t.count("organisations") == 3);
  CHECK(t.store->db().execAndGet("SELECT edrpou FROM organisations WHERE id = 1").getString() == "26519933");

  // A second file into a database that has organisations: looked up, not re-created.
  t.import("id,organisation,edrpou,title,requested\n"
           "P-6,ГО Друга,,t,10\n"
           "P-7,Інша назва,26519933,t,10\n"
           "P-8,ГО Четверта,,t,10\n");
  k = t.organisation_keys();
  CHECK(k["P-6"] == "org:2");
  CHECK(k["P-7"] == "org:1");  // the code decides, whatever the name
  CHECK(k["P-8"] == "org:4");
  CHECK(t.count("organisations") == 4);
}
