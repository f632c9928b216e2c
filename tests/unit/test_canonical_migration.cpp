// Migration 5 (schemas/005_canonical_forms.sql, store/canonical_migration.hpp)
// over a database as the version before it left one: values stored as typed
// and a decision signed over them. After the migration the values are in
// canonical form and `audit` still vouches for the old decision, against the
// input hashes it was signed with (docs/audit.md).
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "commands/allocate_round.hpp"
#include "commands/audit.hpp"
#include "commands/score_round.hpp"
#include "store/canonical_migration.hpp"
#include "store/migrations.hpp"
#include "temp_store.hpp"

using namespace competition;

namespace {

const char* rules_text = R"(
[competition]
id = "old-1"
title = "t"
year = 2018
budget = 100

[[criteria]]
id = "a"
name = "A"
weight = 1
min = 0
max = 10

[allocation]
tie_break = ["submitted_at"]
)";

std::string text(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getString(); }

std::string differences(const RoundAudit& a) {
  std::string out;
  for (const Difference& d : a.differences)
    out += d.field + ": " + d.stored.value_or("-") + " / " + d.computed.value_or("-") + "\n";
  return out;
}

// The round imported and scored with today's code, then its values put back as
// the version before migration 5 kept them (as typed; names keyed with their
// quote marks, so `ГО "Два"` was an organisation of its own), then allocated:
// the decision hashes the typed text, as that version's did. Then the
// database is put back to version 4.
void make_old_database(testing::TempStore& t) {
  t.import(ImportKind::applications,
           "id,organisation,edrpou,title,requested,submitted_at\n"
           "P-1,ГО «Один»,26519933,t,50,2018-01-19\n"
           "P-2,ГО Два,,t,30,2018-01-20T08:00:00Z\n"
           "P-3,ГО Три,,t,30,2018-01-21T10:15:00\n"
           "P-4,\"ГО \"\"Два\"\"\",,t,20,2018-01-22\n");
  t.import(ImportKind::reviewers, "id,name,conflicts\nR1,One,\nR2,Two,ГО Три\n");
  t.import(ImportKind::reviews, "application,reviewer,a\nP-1,R1,9\nP-2,R1,8\nP-3,R1,7\nP-4,R1,6\nP-1,R2,9\n");
  (void)run_score(*t.store, std::nullopt);
  SQLite::Database& db = t.store->db();
  db.exec("UPDATE applications SET submitted_at = '19.01.2018' WHERE id = 'P-1'");
  db.exec("UPDATE applications SET submitted_at = '2018-01-20T10:00+02:00' WHERE id = 'P-2'");
  db.exec("UPDATE applications SET submitted_at = '2018-01-21 10:15' WHERE id = 'P-3'");
  db.exec("UPDATE reviewers SET conflicts = 'ГО \"Три\"|32129|ГО Три' WHERE id = 'R2'");
  db.exec("UPDATE organisations SET name_key = 'го «один»' WHERE name = 'ГО «Один»'");
  db.exec("INSERT INTO organisations (name, name_key) VALUES ('ГО \"Два\"', 'го \"два\"')");
  db.exec("UPDATE applications SET organisation_id = last_insert_rowid() WHERE id = 'P-4'");
  // As allocated by a version before migration 11: no hashes kept by `score`, so
  // that allocate hashes what it reads (the typed text).
  db.exec("DELETE FROM scored_inputs");
  (void)run_allocate(*t.store, std::nullopt, {.force = false, .dry_run = false});
  // Two pabulib projects called `1` in two rounds: organisations keyed by project, not by name.
  db.exec("INSERT INTO organisations (name, name_key) VALUES ('1', 'pabulib:a/1'), ('1', 'pabulib:b/1')");
  db.exec("DROP TABLE signed_inputs");
  db.exec("DROP TABLE organisation_merges");
  db.exec("ALTER TABLE scores ADD COLUMN total_display TEXT");  // dropped by migration 6
  db.exec("DROP TABLE assignments");                            // added by migration 7
  db.exec("ALTER TABLE reviewers DROP COLUMN categories");
  db.exec("ALTER TABLE reviewers DROP COLUMN capacity");
  db.exec("DROP TABLE agreements");  // added by migration 8
  db.exec("DROP TABLE payments");
  db.exec("ALTER TABLE outcomes DROP COLUMN received_on");
  db.exec("DROP TABLE check_facts");  // added by the migration of the cross-year checks' facts
  db.exec("DROP TABLE checked_rounds");
  db.exec("ALTER TABLE applications DROP COLUMN services");  // added by migration 10
  db.exec("DROP TABLE scored_inputs");                       // added by migration 11
  db.exec("PRAGMA user_version = 4");
}

struct OldDatabase : testing::TempStore {
  OldDatabase() : TempStore(rules_text, "canonical-migration") {
    make_old_database(*this);
    const std::string path = store->path();
    store.reset();
    store = Store::open(path, Store::Mode::must_exist);  // migration 5 runs here
  }
};

}  // namespace

TEST_CASE("migration 5: the stored values are rewritten to their canonical forms") {
  OldDatabase t;
  SQLite::Database& db = t.store->db();
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == migrations().back().version);
  CHECK(text(db, "SELECT group_concat(submitted_at, ' ') FROM (SELECT submitted_at FROM applications ORDER BY id)") ==
        "2018-01-19 2018-01-20T08:00:00Z 2018-01-21T10:15:00 2018-01-22");
  CHECK(text(db, "SELECT conflicts FROM reviewers WHERE id = 'R2'") == "00032129|ГО \"Три\"");
  CHECK(text(db, "SELECT name_key FROM organisations WHERE name = 'ГО «Один»'") == "го один");
  // `ГО "Два"` is `ГО Два` under the name rule: one organisation, and audit says so.
  CHECK(text(db, "SELECT count(DISTINCT organisation_id) FROM applications WHERE id IN ('P-2', 'P-4')") == "1");
  CHECK(text(db, "SELECT count(*) FROM organisations WHERE name_key NOT LIKE 'pabulib:%'") == "3");
  CHECK(text(db,
             "SELECT group_concat(name_key, ' ') FROM (SELECT name_key FROM organisations WHERE name = '1' "
             "ORDER BY id)") == "pabulib:a/1 pabulib:b/1");
  CHECK(text(db, "SELECT name FROM organisation_merges") == "ГО \"Два\"");
  // The decision recorded before is re-checked against the hashes it signed.
  RoundAudit a = audit_round(*t.store, *t.store->find_round("old-1"));
  CHECK(differences(a) == "");
  CHECK(a.ok());
  CHECK(a.allocated);
  REQUIRE(a.notes.size() == 1);
  CHECK(a.notes[0].en ==
        "organisation \"ГО \"Два\"\" is one with \"ГО Два\" since migration 5 (quote marks in names count as "
        "spaces): the per-organisation cap counts them once");
}

TEST_CASE("migration 5: the signed hashes are kept per file, with those after the rewrite") {
  OldDatabase t;
  std::vector<SignedInput> in = signed_inputs(*t.store, "old-1");
  REQUIRE(in.size() == 2);
  CHECK(in[0].file == "applications.csv");
  CHECK(in[1].file == "reviewers.csv");
  for (const SignedInput& s : in) CHECK(s.signed_sha256 != s.migrated_sha256);  // both inputs were rewritten
  CHECK(in[0].logged_through == 1);
}

TEST_CASE("migration 5: without the kept hashes, or with inputs changed since, audit finds the difference") {
  {
    OldDatabase t;
    t.store->db().exec("DELETE FROM signed_inputs WHERE file = 'applications.csv'");
    RoundAudit a = audit_round(*t.store, *t.store->find_round("old-1"));
    CHECK_FALSE(a.ok());
    CHECK(differences(a).find("inputs.applications.csv") != std::string::npos);
  }
  {
    OldDatabase t;  // an edit after the migration: the stored inputs no longer hash as it left them
    t.store->db().exec("UPDATE applications SET title = 'changed' WHERE id = 'P-3'");
    RoundAudit a = audit_round(*t.store, *t.store->find_round("old-1"));
    CHECK_FALSE(a.ok());
    CHECK(differences(a).find("inputs.applications.csv") != std::string::npos);
  }
}

TEST_CASE("migration 5: a new database has the tables, empty") {
  testing::TempStore t(rules_text, "canonical-migration");
  CHECK(t.count("signed_inputs") == 0);
  CHECK(t.count("organisation_merges") == 0);
}
