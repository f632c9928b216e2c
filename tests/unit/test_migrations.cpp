// The schema migrations (schemas/NNN_*.sql, applied by Store::open): a new
// database and one made by an older version end at the same schema; migration
// 4 writes the per-row CHECK lists as OR chains without changing what they accept.
#include <doctest/doctest.h>
#include <stdlib.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <string>
#include <system_error>

#include "store/migrations.hpp"
#include "store/store.hpp"

using namespace competition;

namespace {

struct TempDir {
  std::filesystem::path dir;
  TempDir() {
    std::string templ = (std::filesystem::temp_directory_path() / "migrations-XXXXXX").string();
    REQUIRE(::mkdtemp(templ.data()) != nullptr);
    dir = templ;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

std::string table_sql(SQLite::Database& db, const std::string& name) {
  SQLite::Statement q(db, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?");
  q.bind(1, name);
  REQUIRE(q.executeStep());
  return q.getColumn(0).getString();
}

// The schema as Store::open leaves it: every table's SQL and the version.
std::string schema_of(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  std::string out = "version " + std::to_string(db.execAndGet("PRAGMA user_version").getInt()) + "\n";
  SQLite::Statement q(db, "SELECT name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name");
  while (q.executeStep()) out += q.getColumn(0).getString() + ": " + q.getColumn(1).getString() + "\n";
  return out;
}

void check_or_chains(SQLite::Database& db) {
  CHECK(table_sql(db, "applications").find("CHECK (sector = 'ngo' OR sector = 'state' OR sector = 'business')") !=
        std::string::npos);
  CHECK(table_sql(db, "scores").find("CHECK (status = 'ranked' OR status = 'rejected' OR status = 'incomplete')") !=
        std::string::npos);
  CHECK(table_sql(db, "allocations").find("status = 'withdrawn' OR") != std::string::npos);
  for (const char* t : {"applications", "scores", "allocations"})
    CHECK(table_sql(db, t).find(" IN (") == std::string::npos);
}

}  // namespace

TEST_CASE("migrations: a new database is at the last version, with the CHECK lists as OR chains") {
  TempDir tmp;
  std::string path = (tmp.dir / "new.db").string();
  { auto store = Store::open(path, Store::Mode::may_create); }
  SQLite::Database db(path, SQLite::OPEN_READWRITE);
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == migrations().back().version);
  CHECK(migrations().back().version == static_cast<int>(migrations().size()));  // numbered 1, 2, … without gaps
  // The migration of the cross-year checks' facts (year.md §5): one row per checked round, its facts by earlier winner.
  CHECK(table_sql(db, "checked_rounds").find("CHECK (log_seq >= 0)") != std::string::npos);
  CHECK(table_sql(db, "check_facts").find("PRIMARY KEY (round_id, earlier_round, application)") != std::string::npos);
  // Migration 011: the hashes of the inputs a `score` read.
  CHECK(table_sql(db, "scored_inputs").find("CHECK (length(reviews_sha256) = 64)") != std::string::npos);
  // Migration 010: applications' services.
  CHECK(table_sql(db, "applications").find("services TEXT NOT NULL DEFAULT ''") != std::string::npos);
  // Migration 008: agreements, payments, outcomes' received_on, `money` log entries.
  CHECK(table_sql(db, "agreements").find("UNIQUE (round_id, number)") != std::string::npos);
  CHECK(table_sql(db, "payments").find("CHECK (amount > 0)") != std::string::npos);
  CHECK(table_sql(db, "outcomes").find("received_on TEXT") != std::string::npos);
  CHECK(table_sql(db, "decision_log").find("'assign', 'money'") != std::string::npos);
  // Migration 007: reviewers' categories and capacity, the assignments table.
  CHECK(table_sql(db, "reviewers").find("capacity INTEGER CHECK (capacity > 0)") != std::string::npos);
  CHECK(table_sql(db, "assignments").find("PRIMARY KEY (round_id, application, reviewer)") != std::string::npos);
  // Migration 006: no rounded copy of the total that audit would not vouch for.
  CHECK(table_sql(db, "scores").find("total_display") == std::string::npos);
  check_or_chains(db);
  CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
  // Still the same constraint: a value outside the list is refused.
  db.exec("INSERT INTO rounds (id, year, title, budget, rules_text, rules_sha256) VALUES ('r', 2024, 't', 1, '', '')");
  db.exec("INSERT INTO organisations (id, name, name_key) VALUES (1, 'x', 'x')");
  db.exec(
      "INSERT INTO applications (round_id, id, organisation_id, organisation, sector, title, requested, "
      "input_order) VALUES ('r', 'ok', 1, 'x', 'state', 't', 1, 1)");
  CHECK_THROWS_WITH_AS(db.exec("INSERT INTO applications (round_id, id, organisation_id, organisation, sector, title, "
                               "requested, input_order) VALUES ('r', 'bad', 1, 'x', 'nonprofit', 't', 1, 2)"),
                       "CHECK constraint failed: sector = 'ngo' OR sector = 'state' OR sector = 'business'",
                       SQLite::Exception);
  CHECK_THROWS_AS(
      db.exec("INSERT INTO scores (round_id, application, status, reviews) VALUES ('r', 'ok', 'winner', 0)"),
      SQLite::Exception);
}

TEST_CASE("migrations: a database of version 3 is brought to the same schema as a new one") {
  TempDir tmp;
  std::string old_path = (tmp.dir / "old.db").string(), new_path = (tmp.dir / "new.db").string();
  {
    SQLite::Database db(old_path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (const Migration& m : migrations()) {
      if (m.version > 3) break;
      db.exec(m.sql);
    }
    db.exec("PRAGMA user_version = 3");
    CHECK(table_sql(db, "applications").find("sector IN ('ngo', 'state', 'business')") != std::string::npos);
  }
  { auto store = Store::open(old_path, Store::Mode::may_create); }
  { auto store = Store::open(new_path, Store::Mode::may_create); }
  CHECK(schema_of(old_path) == schema_of(new_path));
  SQLite::Database db(old_path, SQLite::OPEN_READONLY);
  check_or_chains(db);
  CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
}
