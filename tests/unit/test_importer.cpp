// import_file over a real store: the 100-problem cut and its note (real and
// dry runs alike), and the organisation each application is filed under when
// new organisations are written in batches (lib/organisation.cpp).
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <string>
#include <vector>

#include "commands/importer.hpp"
#include "store/rounds.hpp"
#include "store/store.hpp"
#include "temp_store.hpp"
#include "values/diagnostic.hpp"
#include "values/rules.hpp"

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

[[criteria]]
id = "b"
weight = 1
min = 1
max = 5
step = 0.25
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
    CHECK(e.kind() == ErrorKind::invalid);
    REQUIRE(e.diagnostics().size() == 101);
    const Diagnostic& hundredth = e.diagnostics()[99];
    CHECK(hundredth.line == 101);  // P-100 (line 1 is the header)
    CHECK(hundredth.column == 4);
    const Diagnostic& note = e.diagnostics()[100];
    CHECK(note.file == "apps.csv");
    CHECK(note.line == 0);
    CHECK(note.message.en == "... and 50 more problems not shown (the first 100 are listed)");
  }
  CHECK(t.count("applications") == 0);
}

TEST_CASE("importer: a dry run lists the same problems and the same note") {
  ImporterStore t;
  ImportSummary s = t.import(bad_rows(150), true);
  REQUIRE(s.errors.size() == 101);
  CHECK(s.errors.back().message.en == "... and 50 more problems not shown (the first 100 are listed)");
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
  t.import(
      "id,organisation,edrpou,title,requested\n"
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
  t.import(
      "id,organisation,edrpou,title,requested\n"
      "P-6,ГО Друга,,t,10\n"
      "P-7,Інша назва,26519933,t,10\n"
      "P-8,ГО Четверта,,t,10\n");
  k = t.organisation_keys();
  CHECK(k["P-6"] == "org:2");
  CHECK(k["P-7"] == "org:1");  // the code decides, whatever the name
  CHECK(k["P-8"] == "org:4");
  CHECK(t.count("organisations") == 4);
}

TEST_CASE("importer: review scores are stored in their canonical decimal form, checked on the step") {
  // rules_text: criterion a is 0..10, step 1; b is 1..5, step 0.25. Cells in
  // every spelling a spreadsheet gives; the stored text is what Rational::to_decimal
  // writes for the value.
  testing::TempStore t(rules_text, "importer");
  t.import(ImportKind::applications, "id,organisation,title,requested\nP-1,ГО,t,10\nP-2,ГО,t,10\nP-3,ГО,t,10\n");
  t.import(ImportKind::reviewers, "id,name\nR1,One\nR2,Two\n");
  t.import(ImportKind::reviews,
           "application,reviewer,a,b\n"
           "P-1,R1,7,1.25\n"    // canonical already
           "P-1,R2,7.0,1.50\n"  // trailing zeros
           "P-2,R1,10,5\n"
           "P-2,R2,0,4.75\n"
           "P-3,R1,3.00,2.5\n");
  SQLite::Statement q(t.store->db(), "SELECT application || '/' || reviewer || ' ' || scores FROM reviews ORDER BY 1");
  std::vector<std::string> stored;
  while (q.executeStep()) stored.push_back(q.getColumn(0).getString());
  CHECK(stored == std::vector<std::string>{"P-1/R1 a=7;b=1.25", "P-1/R2 a=7;b=1.5", "P-2/R1 a=10;b=5",
                                           "P-2/R2 a=0;b=4.75", "P-3/R1 a=3;b=2.5"});
  // Off the step (b = 1.3: (1.3 - 1) / 0.25 is not whole) and out of range.
  try {
    t.import(ImportKind::reviews, "application,reviewer,a,b\nP-3,R2,4,1.3\nP-3,R2,11,6\n", "off.csv");
    FAIL("expected invalid rows");
  } catch (const Error& e) {
    REQUIRE(e.diagnostics().size() == 4);
    CHECK(e.diagnostics()[0].to_string(Lang::en) ==
          "off.csv:2:4: b: 1.3 is not on the step 0.25 (expected 1 + a multiple of 0.25)");
  }
}

TEST_CASE("importer: submitted_at is stored normalised, read back as its sortable number, and re-imported unchanged") {
  ImporterStore t;
  const std::string csv =
      "id,organisation,title,requested,submitted_at\n"
      "P-1,ГО,t,100,2018-02-03T14:25:00+02:00\n"
      "P-2,ГО,t,100,03.02.2018 9:05:07\n"
      "P-3,ГО,t,100,\n";
  t.import(csv);
  SQLite::Statement q(t.store->db(), "SELECT id, submitted_key FROM applications ORDER BY id");
  std::map<std::string, std::string> stored;
  while (q.executeStep()) stored[q.getColumn(0).getString()] = q.getColumn(1).getString();
  CHECK(stored == std::map<std::string, std::string>{
                      {"P-1", "2018-02-03T12:25:00"}, {"P-2", "2018-02-03T09:05:07"}, {"P-3", ""}});
  std::map<std::string, std::int64_t> keys;
  for (const auto& a : t.store->applications("imp-1")) keys[a.id] = a.submitted_key;
  CHECK(keys == std::map<std::string, std::int64_t>{{"P-1", 20180203122500}, {"P-2", 20180203090507}, {"P-3", 0}});
  ImportSummary again = t.import(csv);
  CHECK(again.unchanged == 3);
  // A stored key edited by hand is refused when read, naming the application.
  t.store->db().exec("UPDATE applications SET submitted_key = '2018-02-03 12:25' WHERE id = 'P-2'");
  try {
    static_cast<void>(t.store->applications("imp-1"));
    FAIL("an unreadable key was read");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::io);
    CHECK(std::string(e.what()) == "applications: unreadable submitted_key \"2018-02-03 12:25\" of P-2");
  }
}

TEST_CASE("importer: stored scores are read back whatever the order of their pairs") {
  testing::TempStore t(rules_text, "importer");
  t.import(ImportKind::applications, "id,organisation,title,requested\nP-1,ГО,t,10\nP-2,ГО,t,10\nP-3,ГО,t,10\n");
  t.import(ImportKind::reviewers, "id,name\nR1,One\n");
  t.import(ImportKind::reviews, "application,reviewer,a,b\nP-1,R1,7,1.25\nP-2,R1,10,5\nP-3,R1,3,2.5\n");
  Rules rules = load_rules(rules_text, "rules.toml");
  auto read = [&] {
    std::vector<std::string> rows;
    t.store->each_review("imp-1", rules, [&](const ReviewRow& r) {
      rows.push_back(std::string(r.application) + " " + r.scores[0].to_decimal() + " " + r.scores[1].to_decimal());
    });
    return rows;
  };
  CHECK(read() == std::vector<std::string>{"P-1 7 1.25", "P-2 10 5", "P-3 3 2.5"});
  // Pairs out of the rules' order, and a pair repeated (the last one decides),
  // as a hand edit or an older rules file could leave them.
  t.store->db().exec("UPDATE reviews SET scores = 'b=1.25;a=7' WHERE application = 'P-1'");
  t.store->db().exec("UPDATE reviews SET scores = 'a=1;b=5;a=10' WHERE application = 'P-2'");
  CHECK(read() == std::vector<std::string>{"P-1 7 1.25", "P-2 10 5", "P-3 3 2.5"});
  // A criterion without its pair is named.
  t.store->db().exec("UPDATE reviews SET scores = 'a=3;c=2.5' WHERE application = 'P-3'");
  CHECK_THROWS_WITH_AS(read(),
                       "round imp-1: review P-3/R1 has no score for criterion \"b\" of the current rules "
                       "(re-import the reviews)",
                       Error);
}

namespace {

// rules_text's round with three applications and two reviewers.
struct SheetsStore : testing::TempStore {
  SheetsStore() : TempStore(rules_text, "importer") {
    import(ImportKind::applications, "id,organisation,title,requested\nP-1,ГО,t,10\nP-2,ГО,t,10\nP-3,ГО,t,10\n");
    import(ImportKind::reviewers, "id,name\nR1,One\nR2,Two\n");
  }
  std::vector<std::string> stored() {
    SQLite::Statement q(store->db(),
                        "SELECT application || '/' || reviewer || ' ' || scores || ' ' || comment FROM reviews "
                        "ORDER BY 1");
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
  }
  DirectoryImport import_dir(const std::vector<ImportInput>& inputs, bool dry_run = false) {
    ImportOptions o;
    o.kind = ImportKind::reviews;
    o.file = "sheets";
    o.dry_run = dry_run;
    return import_directory(*store, o, inputs);
  }
};

std::vector<std::string> messages(const Error& e) {
  std::vector<std::string> out;
  for (const auto& d : e.diagnostics()) out.push_back(d.to_string(Lang::en));
  return out;
}

}  // namespace

TEST_CASE("importer: a reviews row without any score is blank: skipped and counted; a comment on it is an error") {
  SheetsStore t;
  // A score sheet's columns: the ignored ones, and round (the round imported into).
  const ImportSummary s = t.import(ImportKind::reviews,
                                   "application;organisation;title;category;requested;cofinancing;a;b;comment;round;"
                                   "reviewer\n"
                                   "P-1;ГО;t;;10,00;0,00;7;1,25;Добре;imp-1;R1\n"
                                   "P-2;ГО;t;;10,00;0,00;;;;imp-1;R1\n"
                                   "P-3;ГО;t;;10,00;0,00;;;;;R1\n",
                                   "R1.csv");
  CHECK(s.read == 3);
  CHECK(s.added == 1);
  CHECK(s.blank == 2);
  CHECK(t.stored() == std::vector<std::string>{"P-1/R1 a=7;b=1.25 Добре"});
  try {
    t.import(ImportKind::reviews,
             "application,reviewer,a,b,comment,round\n"
             "P-2,R1,,,Ще думаю,\n"
             "P-3,R1,5,,,imp-2\n",
             "bad.csv");
    FAIL("expected invalid rows");
  } catch (const Error& e) {
    CHECK(messages(e) ==
          std::vector<std::string>{
              "bad.csv:2:5: comment: a comment on a row without scores (fill in the scores, or clear the comment)",
              "bad.csv:3:4: b: must not be empty (expected a number from 1 to 5)",
              "bad.csv:3:6: round: the row is for round \"imp-2\", not imp-1 (the round imported into)"});
  }
}

TEST_CASE("importer: a directory's files in one transaction; a pair two files have is a duplicate") {
  SheetsStore t;
  const ImportInput r1{"sheets/R1.csv", "application,reviewer,a,b\nP-1,R1,7,1.25\nP-2,R1,,\n"};
  const ImportInput r2{"sheets/R2.csv", "application,reviewer,a,b\nP-1,R2,3,5\n"};
  const ImportInput again{"sheets/R2b.csv", "application,reviewer,a,b\nP-3,R2,4,2\nP-1,R2,3,5\n"};
  // A refused directory writes nothing, not even its valid first file.
  try {
    t.import_dir({r1, r2, again});
    FAIL("expected the duplicate");
  } catch (const Error& e) {
    CHECK(messages(e) == std::vector<std::string>{"sheets/R2b.csv:3:1: application: duplicate review of P-1 by R2 "
                                                  "(first in sheets/R2.csv)"});
  }
  CHECK(t.count("reviews") == 0);
  // A dry run reports each file's counts and errors.
  const DirectoryImport dry = t.import_dir({r1, r2, again}, true);
  REQUIRE(dry.files.size() == 3);
  CHECK(dry.files[0].errors.empty());
  CHECK(dry.files[2].errors.size() == 1);
  CHECK(t.count("reviews") == 0);
  const DirectoryImport d = t.import_dir({r1, r2});
  REQUIRE(d.files.size() == 2);
  CHECK(d.files[0].file == "sheets/R1.csv");
  CHECK(d.files[0].added == 1);
  CHECK(d.files[0].blank == 1);
  const ImportSummary total = d.total();
  CHECK(total.read == 3);
  CHECK(total.added == 2);
  CHECK(total.blank == 1);
  CHECK(t.stored() == std::vector<std::string>{"P-1/R1 a=7;b=1.25 ", "P-1/R2 a=3;b=5 "});
}
