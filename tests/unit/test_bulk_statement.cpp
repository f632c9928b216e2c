// BatchInsert (lib/bulk_statement.hpp) writing in the background: the same rows
// as writing inline, in batches handed to a second thread, and a failure of a
// background write raised in the caller's thread.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <string>

#include "store/bulk_statement.hpp"

using namespace competition;

namespace {

// Rows (i, "row i") for i in [from, to), through `ins`.
void add_rows(BatchInsert& ins, int from, int to) {
  for (int i = from; i < to; ++i) ins.integer(i).text("row " + std::to_string(i)).end_row();
}

std::int64_t count(SQLite::Database& db) { return db.execAndGet("SELECT count(*) FROM t").getInt64(); }

std::string last(SQLite::Database& db) { return db.execAndGet("SELECT v FROM t ORDER BY k DESC LIMIT 1").getString(); }

}  // namespace

TEST_CASE("batch insert: background writes give the rows inline writes give") {
  for (bool background : {false, true}) {
    CAPTURE(background);
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)");
    BackgroundWriter writer;
    BatchInsert ins(db, "INSERT OR FAIL INTO t (k, v)", 2, 4);
    if (background) ins.write_in_background(writer);
    // 4-row batches: 1000 rows are several hand-overs of 16 batches and a
    // shorter rest; a second flush writes nothing again.
    add_rows(ins, 0, 1000);
    ins.flush();
    ins.flush();
    CHECK(count(db) == 1000);
    CHECK(last(db) == "row 999");
    CHECK(db.execAndGet("SELECT sum(k) FROM t").getInt64() == 999 * 1000 / 2);
    // After flush the caller may use the connection, then go on.
    db.exec("INSERT INTO t (k, v) VALUES (5000, 'own')");
    add_rows(ins, 1000, 1003);
    ins.flush();
    CHECK(count(db) == 1004);
  }
}

TEST_CASE("batch insert: a background write's failure is raised by the caller's next wait") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)");
  db.exec("INSERT INTO t (k, v) VALUES (7, 'already')");
  BackgroundWriter writer;
  BatchInsert ins(db, "INSERT OR FAIL INTO t (k, v)", 2, 4);
  ins.write_in_background(writer);
  // Key 7 is taken: the first hand-over fails in the writer, and the caller
  // hears of it at its next wait (a later hand-over or the flush).
  auto write_all = [&] {
    add_rows(ins, 0, 3000);
    ins.flush();
  };
  CHECK_THROWS_WITH_AS(write_all(), "UNIQUE constraint failed: t.k", SQLite::Exception);
}

TEST_CASE("batch insert: going away with a batch being written waits for it") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)");
  {
    BackgroundWriter writer;
    BatchInsert ins(db, "INSERT OR FAIL INTO t (k, v)", 2, 4);
    ins.write_in_background(writer);
    add_rows(ins, 0, 256);  // whole hand-overs (of 16 batches of 4), never flushed
  }
  // The handed-over rows are written (a caller rolls back its transaction on
  // failure); the connection is usable again.
  CHECK(count(db) == 256);
}
