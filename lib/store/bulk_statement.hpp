// A prepared statement for the hot loops of bulk work (imports of national
// rounds, storing scores and decisions): text is bound as a string_view without
// a copy, and failures raise SQLite::Exception exactly as SQLiteCpp does, so
// failure.cpp reports a busy or full database the same way. SQLiteCpp's
// Statement copies every bound string; at millions of cells that shows.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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

// Binds a BulkStatement's parameters 1, 2, 3… in order, with BatchInsert's
// chained calls, so that one function can write a row's values to either.
class BindInOrder {
 public:
  explicit BindInOrder(BulkStatement& st) : st_(st) {}
  BindInOrder& text(std::string_view value) {
    st_.text(next_++, value);
    return *this;
  }
  BindInOrder& integer(std::int64_t value) {
    st_.integer(next_++, value);
    return *this;
  }
  BindInOrder& null() {
    st_.null(next_++);
    return *this;
  }

 private:
  BulkStatement& st_;
  int next_ = 1;
};

// A second thread (started by the first work handed to it) that runs SQLite
// writes one at a time, while the thread that owns the connection goes on
// reading and checking: SQLite's half of a bulk import overlaps the other half
// (two cores or more). Shared by every BatchInsert that writes in the
// background on one connection, so that only one of them uses it at a time;
// it must outlive them.
class BackgroundWriter {
 public:
  BackgroundWriter();
  ~BackgroundWriter();  // after the running write
  BackgroundWriter(const BackgroundWriter&) = delete;
  BackgroundWriter& operator=(const BackgroundWriter&) = delete;
  // Runs `work` on the writer thread; the previous work must be waited for.
  void start(std::function<void()> work);
  // Until the running work is done: the connection is free again. Raises what
  // it threw (once).
  void wait();
  // The same without raising (a destructor's).
  void wait_quietly() noexcept;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// A multi-row INSERT: rows are collected (their text copied into one buffer)
// and written `batch` at a time by one statement, so SQLite's per-statement
// work (about a third of a bulk insert of short rows) is paid once per batch.
// Rows reach the table at end_row() of a full batch or at flush(); nothing is
// written on destruction (a failed import must not write its tail).
// Use `INSERT OR FAIL`: with the default ABORT, SQLite keeps a statement
// journal (a temporary file holding every page a multi-row statement touches)
// so as to undo a half-done statement; the callers roll back the whole
// transaction on any error, so they need no such undo.
class BatchInsert {
 public:
  // `head`: "INSERT INTO t (a, b, c)"; `columns`: values per row.
  BatchInsert(SQLite::Database& db, std::string head, int columns, int batch = 64);
  ~BatchInsert();  // waits for a batch being written in the background
  BatchInsert(const BatchInsert&) = delete;
  BatchInsert& operator=(const BatchInsert&) = delete;

  // From now on full batches are written by `writer` while the caller fills
  // the next ones. The caller must not use the connection in any other way
  // without writer.wait() first (flush() of any BatchInsert sharing `writer`
  // waits). A failure of a background write is raised by the next wait: an
  // end_row() that hands over, a flush().
  void write_in_background(BackgroundWriter& writer);

  // The next value of the current row, in column order.
  BatchInsert& text(std::string_view value);
  BatchInsert& integer(std::int64_t value);
  BatchInsert& null();
  void end_row();
  void flush();

 private:
  struct Cell {
    enum class Kind : std::uint8_t { text, integer, null } kind;
    std::int64_t value;    // the integer, or the text's offset in the arena
    std::uint32_t length;  // of the text
  };
  struct Batch {
    std::vector<Cell> cells;
    std::string arena;
    int rows = 0;
  };
  static constexpr int handover_batches = 16;  // batches handed to the writer at once
  std::unique_ptr<BulkStatement> prepare(int rows) const;
  // Writes and empties `b`: whole batches by full_, a shorter rest by its own statement.
  void write_all(Batch& b);
  // Binds cells [first, first + count) of `b` to `st` and runs it.
  static void write(BulkStatement& st, const Batch& b, std::size_t first, std::size_t count);

  SQLite::Database& db_;
  std::string head_;
  int columns_, batch_;
  std::unique_ptr<BulkStatement> full_;
  Batch filling_, writing_;  // writing_: the batch the background thread writes
  BackgroundWriter* writer_ = nullptr;
};

}  // namespace competition
