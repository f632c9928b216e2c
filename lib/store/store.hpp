// The SQLite store (the embedded default): opening and migrating the database,
// rounds, and loading the stored inputs back into the plain structs of model.hpp.
// Writers for each kind of data live beside the logic that produces it
// (importer.cpp, score_store.cpp, ...) and use `db()` inside a `Transaction`.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "values/message.hpp"
#include "values/model.hpp"
#include "values/round.hpp"
#include "values/rules.hpp"

namespace SQLite {
class Database;
}

namespace competition {

// One stored review as Store::each_review reads it.
struct ReviewRow {
  std::string_view application;
  std::string_view reviewer;
  std::span<const Rational> scores;  // in the rules' criteria order
  std::string_view comment;
  bool excluded = false;
};

// The warning for a database at `path` on the network file system `fs`.
[[nodiscard]] Message network_filesystem_warning(const std::string& path, std::string_view fs);

class Store {
 public:
  // What open() does when there is no database at the path: refuse it (every
  // command but those that start a database), or create it; read_only for the
  // commands that only read (docs/reliability.md "Read-only databases"): the
  // file must exist and is only read, over a read-only connection when the user
  // cannot write it or its directory (SQLite's immutable mode where no -shm
  // file can be made).
  enum class Mode { must_exist, may_create, read_only };
  // Opens the database at `path`. A missing file is Error(io) with
  // Mode::must_exist or read_only, and is created with mode 0600 with
  // Mode::may_create. A file with tables that are not competition's, or of a
  // schema version newer than this build's, is Error(io) before anything is
  // written to it; an empty file gets the schema (not with read_only: Error(io)).
  // Applies pending migrations, sets WAL, foreign keys and a 5 s busy timeout.
  [[nodiscard]] static std::unique_ptr<Store> open(const std::string& path, Mode mode);
  // A second connection to this store's file that only reads, with a small page
  // cache: for another thread to read, inside this connection's write
  // transaction and before it writes, what this one sees. Not checked again.
  [[nodiscard]] std::unique_ptr<Store> reader() const;
  ~Store();

  SQLite::Database& db() { return *db_; }
  // SQLite's page cache bound, KiB (64 MiB from open()). A command that holds a
  // national round in memory and only scans and appends lowers it (allocate).
  void set_page_cache_kib(int kib);
  const std::string& path() const { return path_; }
  // What the caller should tell the user about this database (the library does
  // not print): today only that it is on a network file system (NFS, SMB/CIFS).
  const std::vector<Message>& warnings() const { return warnings_; }
  // Called with each warning as open() finds it, so that a program can report
  // warnings of every store it opens in one place (the CLI prints them on
  // standard error). Process-wide; empty by default.
  static void set_warning_listener(std::function<void(const Message&)> listener);

  [[nodiscard]] std::vector<RoundRecord> rounds();
  [[nodiscard]] std::optional<RoundRecord> find_round(const std::string& id);
  // docs/cli.md "Global options": the requested round, or the only one; else Error(invalid)
  // that lists the rounds.
  [[nodiscard]] RoundRecord resolve_round(const std::optional<std::string>& requested);
  // The round's rules, parsed from the stored text.
  [[nodiscard]] static Rules rules_of(const RoundRecord& round);

  // How many applications the round has, and whether some names services
  // (docs/formats.md "CSV inputs"; the canonical CSV has the column only then):
  // one scan, for a caller about to read them all.
  struct ApplicationsShape {
    std::size_t count = 0;
    bool services = false;
  };
  [[nodiscard]] ApplicationsShape applications_shape(const std::string& round);
  // The round's applications by id. `each`, when given, sees every row before
  // it is kept and may take from it what its caller will not need (allocate
  // hashes the titles and keeps none: a national round has a million).
  // `count`, when the caller has it (applications_shape), spares a scan.
  [[nodiscard]] std::vector<Application> applications(const std::string& round,
                                                      const std::function<void(Application&)>& each = {},
                                                      std::optional<std::size_t> count = std::nullopt);
  [[nodiscard]] std::vector<Reviewer> reviewers(const std::string& round);
  // Reviews with scores in the order of `rules.criteria`.
  [[nodiscard]] std::vector<Review> reviews(const std::string& round, const Rules& rules);
  // The same reviews one at a time, in the same order (by application, then
  // reviewer), without holding them all: a national round has millions. The
  // row's views are valid during the call only.
  void each_review(const std::string& round, const Rules& rules, const std::function<void(const ReviewRow&)>& visit);
  [[nodiscard]] std::vector<Outcome> outcomes(const std::string& round);
  [[nodiscard]] std::vector<HistoryYear> history();

  void set_stage(const std::string& round, Stage stage);

  // Copies the WAL into the database file on a second thread, over its own
  // connection, while this one goes on (Transaction::commit_then_checkpoint).
  // A failure there is harmless: the next commit or close checkpoints again.
  void checkpoint_in_background();

 private:
  Store() = default;
  std::string path_;
  std::unique_ptr<SQLite::Database> db_;
  std::thread checkpoint_;  // joined by the destructor, before db_ closes
  std::vector<Message> warnings_;
  static inline std::function<void(const Message&)> warning_listener_;
};

// Serialises the writes of one command: BEGIN IMMEDIATE on construction (so a
// concurrent writer waits for the busy timeout up front), ROLLBACK unless committed.
class Transaction {
 public:
  explicit Transaction(Store& store);
  ~Transaction();
  void commit();
  // The same for a big write whose command prints a big result after it:
  // SQLite copies the commit's pages from the WAL into the database file at
  // the commit (half a second for a national round's scores); here that copy
  // runs on a second thread while the caller prints (Store::checkpoint_in_background).
  void commit_then_checkpoint();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

 private:
  Store& store_;
  bool done_ = false;
};

}  // namespace competition
