#include "bulk_statement.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

namespace competition {

BulkStatement::BulkStatement(SQLite::Database& db, const char* sql) : db_(db.getHandle()) {
  int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) fail(rc);
}

BulkStatement::~BulkStatement() { sqlite3_finalize(stmt_); }

void BulkStatement::fail(int rc) const { throw SQLite::Exception(db_, rc); }

void BulkStatement::text(int index, std::string_view value) {
  // A non-null pointer even for "": a null one would bind NULL, not empty text.
  const char* p = value.empty() ? "" : value.data();
  int rc = sqlite3_bind_text(stmt_, index, p, static_cast<int>(value.size()), SQLITE_STATIC);
  if (rc != SQLITE_OK) fail(rc);
}

void BulkStatement::integer(int index, std::int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) fail(rc);
}

void BulkStatement::null(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) fail(rc);
}

void BulkStatement::run() {
  int rc = sqlite3_step(stmt_);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
    sqlite3_reset(stmt_);
    fail(rc);
  }
  sqlite3_reset(stmt_);
}

bool BulkStatement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(stmt_);
  fail(rc);
}

void BulkStatement::reset() { sqlite3_reset(stmt_); }

std::int64_t BulkStatement::column_int64(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string_view BulkStatement::column_text(int column) const {
  auto p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (!p) return {};
  return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

bool BulkStatement::column_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

}  // namespace competition
