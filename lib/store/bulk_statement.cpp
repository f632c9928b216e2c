#include "store/bulk_statement.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

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

struct BackgroundWriter::State {
  std::mutex m;
  std::condition_variable ready, done;
  bool job = false, stop = false;
  std::function<void()> work;
  std::exception_ptr error;
  std::thread thread;  // started by the first start(): a writer given nothing has none

  void loop() {
    std::unique_lock lock(m);
    while (true) {
      ready.wait(lock, [&] { return job || stop; });
      if (!job) return;
      lock.unlock();
      std::exception_ptr failed;
      try {
        work();
      } catch (...) {
        failed = std::current_exception();
      }
      lock.lock();
      work = nullptr;
      if (failed && !error) error = failed;
      job = false;
      done.notify_all();
    }
  }
};

BackgroundWriter::BackgroundWriter() : state_(std::make_unique<State>()) {}

BackgroundWriter::~BackgroundWriter() {
  if (!state_->thread.joinable()) return;
  wait_quietly();
  {
    std::lock_guard lock(state_->m);
    state_->stop = true;
  }
  state_->ready.notify_one();
  state_->thread.join();
}

void BackgroundWriter::start(std::function<void()> work) {
  if (!state_->thread.joinable()) state_->thread = std::thread([s = state_.get()] { s->loop(); });
  {
    std::lock_guard lock(state_->m);
    state_->work = std::move(work);
    state_->job = true;
  }
  state_->ready.notify_one();
}

void BackgroundWriter::wait() {
  std::unique_lock lock(state_->m);
  state_->done.wait(lock, [&] { return !state_->job; });
  if (state_->error) std::rethrow_exception(std::exchange(state_->error, nullptr));
}

void BackgroundWriter::wait_quietly() noexcept {
  std::unique_lock lock(state_->m);
  state_->done.wait(lock, [&] { return !state_->job; });
}

BatchInsert::BatchInsert(SQLite::Database& db, std::string head, int columns, int batch)
    : db_(db), head_(std::move(head)), columns_(columns), batch_(batch) {
  filling_.cells.reserve(static_cast<std::size_t>(columns_ * batch_));  // more with a writer, as it grows
}

BatchInsert::~BatchInsert() {
  if (writer_) writer_->wait_quietly();  // its work may be writing this one's batches
}

void BatchInsert::write_in_background(BackgroundWriter& writer) { writer_ = &writer; }

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
  filling_.cells.push_back(
      {Cell::Kind::text, static_cast<std::int64_t>(filling_.arena.size()), static_cast<std::uint32_t>(value.size())});
  filling_.arena.append(value);
  return *this;
}

BatchInsert& BatchInsert::integer(std::int64_t value) {
  filling_.cells.push_back({Cell::Kind::integer, value, 0});
  return *this;
}

BatchInsert& BatchInsert::null() {
  filling_.cells.push_back({Cell::Kind::null, 0, 0});
  return *this;
}

void BatchInsert::end_row() {
  ++filling_.rows;
  if (!writer_) {
    if (filling_.rows == batch_) write_all(filling_);
    return;
  }
  // Handed over many batches at a time: waking the writer for each one cost
  // more than the overlap saved.
  if (filling_.rows < batch_ * handover_batches) return;
  writer_->wait();  // the batches before are written: the connection is free again
  std::swap(filling_, writing_);
  writer_->start([this] { write_all(writing_); });
}

void BatchInsert::flush() {
  if (writer_) writer_->wait();
  write_all(filling_);
}

void BatchInsert::write_all(Batch& b) {
  const auto per_row = static_cast<std::size_t>(columns_);
  std::size_t row = 0;
  const auto rows = static_cast<std::size_t>(b.rows);
  const auto batch = static_cast<std::size_t>(batch_);
  while (row < rows) {
    const std::size_t n = std::min(batch, rows - row);
    std::unique_ptr<BulkStatement> tail;
    BulkStatement* st;
    if (n == batch) {
      if (!full_) full_ = prepare(batch_);
      st = full_.get();
    } else {
      tail = prepare(static_cast<int>(n));  // only the last, shorter batch
      st = tail.get();
    }
    write(*st, b, row * per_row, n * per_row);
    row += n;
  }
  b.cells.clear();
  b.arena.clear();
  b.rows = 0;
}

void BatchInsert::write(BulkStatement& st, const Batch& b, std::size_t first, std::size_t count) {
  // Bound only now, when the arena no longer grows: the views stay valid until run().
  std::string_view arena(b.arena);
  for (std::size_t i = 0; i < count; ++i) {
    const Cell& c = b.cells[first + i];
    int index = static_cast<int>(i) + 1;
    switch (c.kind) {
      case Cell::Kind::text:
        st.text(index, arena.substr(static_cast<std::size_t>(c.value), c.length));
        break;
      case Cell::Kind::integer:
        st.integer(index, c.value);
        break;
      case Cell::Kind::null:
        st.null(index);
        break;
    }
  }
  st.run();
}

}  // namespace competition
