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

BatchInsert::BatchInsert(SQLite::Database& db, std::string head, int columns, int batch)
    : db_(db), head_(std::move(head)), columns_(columns), batch_(batch) {
  cells_.reserve(static_cast<std::size_t>(columns_ * batch_));
}

BatchInsert::~BatchInsert() = default;

std::unique_ptr<BulkStatement> BatchInsert::prepare(int rows) const {
  std::string row = "(";
  for (int c = 0; c < columns_; ++c) row += c ? ",?" : "?";
  row += ')';
  std::string sql = head_ + " VALUES ";
  for (int r = 0; r < rows; ++r) {
    if (r) sql += ',';
    sql += row;
  }
  return std::make_unique<BulkStatement>(db_, sql.c_str());
}

BatchInsert& BatchInsert::text(std::string_view value) {
  cells_.push_back({Cell::Kind::text, static_cast<std::int64_t>(arena_.size()), static_cast<std::uint32_t>(value.size())});
  arena_.append(value);
  return *this;
}

BatchInsert& BatchInsert::integer(std::int64_t value) {
  cells_.push_back({Cell::Kind::integer, value, 0});
  return *this;
}

BatchInsert& BatchInsert::null() {
  cells_.push_back({Cell::Kind::null, 0, 0});
  return *this;
}

void BatchInsert::end_row() {
  if (++rows_ < batch_) return;
  if (!full_) full_ = prepare(batch_);
  write(*full_);
}

void BatchInsert::flush() {
  if (rows_ == 0) return;  // end_row() wrote every full batch: what is left is shorter
  auto tail = prepare(rows_);
  write(*tail);
}

void BatchInsert::write(BulkStatement& st) {
  // Bound only now, when arena_ no longer grows: the views stay valid until run().
  std::string_view arena(arena_);
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    const Cell& c = cells_[i];
    int index = static_cast<int>(i) + 1;
    switch (c.kind) {
      case Cell::Kind::text: st.text(index, arena.substr(static_cast<std::size_t>(c.value), c.length)); break;
      case Cell::Kind::integer: st.integer(index, c.value); break;
      case Cell::Kind::null: st.null(index); break;
    }
  }
  st.run();
  cells_.clear();
  arena_.clear();
  rows_ = 0;
}

}  // namespace competition
