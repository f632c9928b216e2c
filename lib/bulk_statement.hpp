// A prepared statement for the hot loops of bulk work (imports of national
// rounds, storing scores and decisions): text is bound as a string_view without
// a copy, and failures raise SQLite::Exception exactly as SQLiteCpp does, so
// failure.cpp reports a busy or full database the same way. SQLiteCpp's
// Statement copies every bound string; at millions of cells that shows.
#pragma once
#include <cstdint>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;
namespace SQLite {
class Database;
}

namespace competition {

class BulkStatement {
 public:
  BulkStatement(SQLite::Database& db, const char* sql);
  ~BulkStatement();
  BulkStatement(const BulkStatement&) = delete;
  BulkStatement& operator=(const BulkStatement&) = delete;

  // Parameters are 1-based. Text is not copied: it must stay alive and
  // unchanged until run() or the last step() of this binding.
  void text(int index, std::string_view value);
  void integer(int index, std::int64_t value);
  void null(int index);

  // Runs a statement that returns no rows, then resets it for the next row
  // (bindings are kept until rebound).
  void run();
  // Steps a query: true while there is a row. reset() before the next binding.
  bool step();
  void reset();

  // Columns of the current row, 0-based. Text stays valid until the next step() or reset().
  std::int64_t column_int64(int column) const;
  std::string_view column_text(int column) const;
  bool column_null(int column) const;

 private:
  [[noreturn]] void fail(int rc) const;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace competition
