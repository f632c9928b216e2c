#include "store/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "base/filesystem_check.hpp"
#include "store/bulk_statement.hpp"
#include "store/canonical_migration.hpp"
#include "store/failure.hpp"
#include "store/migrations.hpp"
#include "values/dates.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_cannot_create{.uk = "{}: не вдається створити базу даних: {}",
                                               .en = "{}: cannot create the database: {}"};
constexpr PerLang<const char*> w_upgrade{.uk =
                                             "не вдається оновити базу даних зі схеми версії {}: {}; нічого не змінено "
                                             "(чи файл редагували поза competition?)",
                                         .en =
                                             "cannot upgrade the database from schema version {}: {}; nothing was "
                                             "changed (was the file edited outside competition?)"};
constexpr PerLang<const char*> w_newer{
    .uk =
        "{}: база даних має схему версії {}, новішу, ніж знає ця збірка competition (версія {}); скористайтеся новішою "
        "competition (нічого не змінено)",
    .en =
        "{}: the database has schema version {}, newer than this build of competition knows (version {}); use a newer "
        "competition (nothing was changed)"};
constexpr PerLang<const char*> w_foreign{.uk =
                                             "{}: це не база даних competition (у ній інші таблиці; нічого не "
                                             "змінено): вкажіть у --db базу даних competition або назву нового файлу",
                                         .en =
                                             "{}: not a competition database (it holds other tables; nothing was "
                                             "changed): give --db a competition database, or the name of a new file"};
constexpr PerLang<const char*> w_is_dir{.uk = "{}: це каталог, а не файл бази даних",
                                        .en = "{}: is a directory, not a database file"};
constexpr PerLang<const char*> w_is_special{.uk = "{}: це {}, а не файл бази даних",
                                            .en = "{}: is a {}, not a database file"};
constexpr PerLang<const char*> w_device{.uk = "пристрій", .en = "device"};
constexpr PerLang<const char*> w_fifo{.uk = "FIFO (іменований канал)", .en = "FIFO (named pipe)"};
constexpr PerLang<const char*> w_special{.uk = "спеціальний файл", .en = "special file"};
constexpr PerLang<const char*> w_no_database{.uk = "{}: тут немає бази даних", .en = "{}: no database here"};
constexpr PerLang<const char*> w_read_only{
    .uk =
        "{}: база даних доступна цьому користувачеві лише для читання (команді, що записує, потрібен доступ на запис "
        "до файлу та його каталогу); нічого не записано",
    .en =
        "{}: the database is read-only for this user (a command that writes needs write access to the file and its "
        "directory); nothing was written"};
constexpr PerLang<const char*> w_empty{.uk = "{}: порожня база даних, конкурсу ще немає",
                                       .en = "{}: an empty database, no round yet"};
constexpr PerLang<const char*> w_stage{.uk = "конкурс {}: збережений етап \"{}\" не є етапом",
                                       .en = "round {}: stored stage \"{}\" is not a stage"};
constexpr PerLang<const char*> w_no_round{.uk = "--round: немає конкурсу \"{}\" у {} (конкурси: {})",
                                          .en = "--round: no round \"{}\" in {} (rounds: {})"};
constexpr PerLang<const char*> w_none{.uk = "жодного", .en = "none"};
constexpr PerLang<const char*> w_no_round_yet{.uk = "{}: конкурсу ще немає", .en = "{}: no round yet"};
constexpr PerLang<const char*> w_several{.uk = "--round: {} містить кілька конкурсів; виберіть один через --round ({})",
                                         .en = "--round: {} holds several rounds; choose one with --round ({})"};
constexpr PerLang<const char*> w_submitted_key{.uk = "applications: нечитабельний submitted_key \"{}\" заявки {}",
                                               .en = "applications: unreadable submitted_key \"{}\" of {}"};
constexpr PerLang<const char*> w_no_score{
    .uk = "конкурс {}: оцінка {}/{} не має бала за критерієм \"{}\" чинних правил (імпортуйте оцінки ще раз)",
    .en = "round {}: review {}/{} has no score for criterion \"{}\" of the current rules (re-import the reviews)"};

constexpr PerLang<const char*> network_filesystem_words{
    .uk =
        "попередження: {} лежить у мережевій файловій системі ({}); блокування SQLite там ненадійне — тримайте "
        "базу даних на локальному диску",
    .en =
        "warning: {} is on a network file system ({}); SQLite's locking is unreliable there — keep the database on a "
        "local disk"};

Message network_filesystem_warning(const std::string& path, std::string_view fs) {
  return say(network_filesystem_words, path, fs);
}

namespace {

// Creates the file with mode 0600 before SQLite opens it, so that the database
// (and its -wal/-shm files, which inherit the mode) is private from the start.
void create_private_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return;
    throw Error(ErrorKind::io, say(w_cannot_create, path, std::strerror(errno)));
  }
  ::close(fd);
}

// Migrations whose rewriting SQL cannot do: C++ run right after the
// migration's SQL, in its transaction.
void after_sql(int version, Store& store) {
  if (version == 5) migrate_to_canonical_forms(store);
}

int latest_version() {
  int latest = 0;
  for (const auto& m : migrations()) latest = std::max(latest, m.version);
  return latest;
}

// Every pending migration in ONE transaction: all or nothing, so a failure
// (say a tampered, lower user_version whose tables already exist) leaves the
// file exactly as it was (docs/reliability.md "Bugs these tests found").
void migrate(Store& store) {
  SQLite::Database& db = store.db();
  const int latest = latest_version();
  if (db.execAndGet("PRAGMA user_version").getInt() >= latest) return;
  db.exec("BEGIN IMMEDIATE");
  // Read again under the write lock: another process may have migrated the
  // file since (two first commands at once on a new database).
  const int from = db.execAndGet("PRAGMA user_version").getInt();
  try {
    for (const auto& m : migrations()) {
      if (m.version <= from) continue;
      db.exec(m.sql);
      after_sql(m.version, store);
      db.exec(fmt::format("PRAGMA user_version = {}", m.version));
    }
    db.exec("COMMIT");
  } catch (const std::exception& e) {
    db.exec("ROLLBACK");
    if (from < 1) throw;
    const Error cause = as_error(e);
    throw Error(ErrorKind::io, say(w_upgrade, from, cause.message()));
  }
}

// What the file at hand holds, read before anything is written to it
// (docs/reliability.md "Foreign and newer databases").
enum class Contents { empty, ours, foreign };

Contents contents_of(SQLite::Database& db, const std::string& path) {
  // One statement, so one read transaction: another process's first command
  // may commit the schema and its version between two separate reads.
  SQLite::Statement q(db,
                      "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master), "
                      "(SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'rounds')");
  q.executeStep();
  const int version = q.getColumn(0).getInt();
  const int tables = q.getColumn(1).getInt();
  const bool rounds = q.getColumn(2).getInt() > 0;
  if (tables == 0 && version == 0) return Contents::empty;
  if (version < 1 || !rounds) return Contents::foreign;
  if (version > latest_version()) throw Error(ErrorKind::io, say(w_newer, path, version, latest_version()));
  return Contents::ours;
}

[[noreturn]] void refuse_foreign(const std::string& path) { throw Error(ErrorKind::io, say(w_foreign, path)); }

// SQLITE_BUSY outside a busy handler: SQLite does not wait on every lock (the
// switch to WAL and the first read of a file another process is switching
// return at once), so the first steps of open() are retried for the same 5 s.
bool busy(const SQLite::Exception& e) {
  int code = e.getErrorCode() & 0xff;
  return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

constexpr int busy_timeout_ms = 5000;

template <class Step>
auto retry_while_busy(Step step) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
  for (;;) {
    try {
      return step();
    } catch (const SQLite::Exception& e) {
      if (!busy(e) || std::chrono::steady_clock::now() >= deadline) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

// `path` for an SQLite URI (file:...).
std::string uri_path(const std::string& path) {
  // RFC 3986 percent-encoding of what a URI path cannot hold as is; SQLite
  // decodes it. A relative path stays relative.
  std::string out;
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || std::strchr("/-._~", c) != nullptr)
      out += c;
    else
      out += fmt::format("%{:02X}", static_cast<unsigned>(u));
  }
  return out;
}

// A read command's connection: read-only, and on a WAL database in a directory
// the user cannot write (an auditor's copy) without the -shm file SQLite would
// create there: `immutable=1` tells SQLite the file cannot change, which holds
// when no -wal can be created beside it (every WAL writer needs one) and none
// with pending commits is there.
std::unique_ptr<SQLite::Database> open_read_only(const std::string& path) {
  const std::string dir = parent_directory(path);
  struct stat wal {};
  bool wal_pending = ::stat((path + "-wal").c_str(), &wal) == 0 && wal.st_size > 0;
  bool shm = ::access((path + "-shm").c_str(), F_OK) == 0;
  const bool dir_writable = ::access(dir.c_str(), W_OK) == 0;
  if (!dir_writable && !shm && !wal_pending) {
    std::string uri = "file:" + uri_path(path) + "?immutable=1";
    return std::make_unique<SQLite::Database>(uri, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX | SQLite::OPEN_URI);
  }
  // A file the user may write is opened as before, and only read: the last
  // connection's close then folds the WAL back and removes it (a read-only
  // connection would leave an empty -wal and the -shm behind after every read).
  if (dir_writable && ::access(path.c_str(), W_OK) == 0)
    return std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
  return std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX);
}

}  // namespace

std::unique_ptr<Store> Store::open(const std::string& path, Mode mode) {
  struct stat st {};
  bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) throw Error(ErrorKind::io, say(w_is_dir, path), Remedy::database_file_name);
  if (exists && !S_ISREG(st.st_mode))
    throw Error(ErrorKind::io,
                say(w_is_special, path,
                    S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? w_device
                    : S_ISFIFO(st.st_mode)                     ? w_fifo
                                                               : w_special),
                Remedy::database_file_name);
  if (!exists && mode != Mode::may_create)
    throw Error(ErrorKind::io, say(w_no_database, path), Remedy::init_or_choose_database);
  if (!exists) create_private_file(path);
  // A writing command on a file it cannot write: say so before SQLite opens it
  // read-only behind our back and fails on the first write with less to go on.
  if (mode != Mode::read_only &&
      (::access(path.c_str(), W_OK) != 0 || ::access(parent_directory(path).c_str(), W_OK) != 0))
    throw Error(ErrorKind::io, say(w_read_only, path));
  std::unique_ptr<Store> store(new Store());
  store->path_ = path;
  if (auto fs = network_filesystem_of(parent_directory(path)))
    store->warnings_.push_back(network_filesystem_warning(path, *fs));
  if (warning_listener_)
    for (const auto& w : store->warnings_) warning_listener_(w);
  try {
    if (mode == Mode::read_only) {
      store->db_ = open_read_only(path);
      store->db_->setBusyTimeout(busy_timeout_ms);
      Contents found = retry_while_busy([&] { return contents_of(*store->db_, path); });
      if (found == Contents::empty) throw Error(ErrorKind::io, say(w_empty, path), Remedy::init_or_choose_database);
      if (found == Contents::foreign) refuse_foreign(path);
      if (store->db_->execAndGet("PRAGMA user_version").getInt() < latest_version()) {
        // A database of an earlier version is upgraded as every command always
        // did (a writing open migrates), then read as before.
        store->db_.reset();
        { auto upgraded = Store::open(path, Mode::must_exist); }
        store->db_ = open_read_only(path);
        store->db_->setBusyTimeout(busy_timeout_ms);
      }
      store->set_page_cache_kib(64 * 1024);
      return store;
    }
    // NOMUTEX: a Store (its connection and statements) is used by one thread at
    // a time, so SQLite's per-call mutex (a tenth of a bulk import's
    // instructions: every bind, step and column) buys nothing.
    store->db_ = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
    store->db_->setBusyTimeout(busy_timeout_ms);
    // Nothing is written before the file is known to be ours or empty: another
    // program's database stays byte for byte as it was.
    Contents found = retry_while_busy([&] { return contents_of(*store->db_, path); });
    if (found == Contents::foreign) refuse_foreign(path);
    store->db_->exec("PRAGMA foreign_keys = ON");
    // A new database gets 16 KiB pages (SQLite's default is 4 KiB): a national
    // round's tables are tens of megabytes, and bigger pages mean a quarter of
    // the page writes and B-tree splits on import and commit. Only a database
    // without tables can take it (before WAL); an existing one keeps its size.
    if (found == Contents::empty) store->db_->exec("PRAGMA page_size = 16384");
    retry_while_busy([&] { store->db_->exec("PRAGMA journal_mode = WAL"); });
    // FULL: in WAL mode each commit is synced to disk before the command reports
    // success, so a power cut cannot take back an import that said "added"
    // (NORMAL would only lose the newest commits, never corrupt, but a commission
    // must not lose a decision it saw recorded). One fsync per command.
    store->db_->exec("PRAGMA synchronous = FULL");
    // Page cache: SQLite's default (2 MiB) is far below what one import of a
    // national round touches, so a bulk write spilled dirty pages into the WAL
    // and read them back (one pread per page). A bound, not an allocation: a
    // small round uses what it needs.
    store->set_page_cache_kib(64 * 1024);
    retry_while_busy([&] { migrate(*store); });
  } catch (const SQLite::Exception& e) {
    // A busy database keeps its own message (failure.cpp): it is the one a user can act on.
    Error err = as_error(e);
    throw Error(ErrorKind::io, Message(path + ": ") + err.message());
  }
  return store;
}

std::unique_ptr<Store> Store::reader() const {
  std::unique_ptr<Store> store(new Store());
  store->path_ = path_;
  store->db_ = std::make_unique<SQLite::Database>(path_, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX);
  store->db_->setBusyTimeout(busy_timeout_ms);
  store->set_page_cache_kib(2 * 1024);  // it scans: a bigger cache would only keep what was read
  return store;
}

void Store::set_warning_listener(std::function<void(const Message&)> listener) {
  warning_listener_ = std::move(listener);
}

Store::~Store() {
  if (checkpoint_.joinable()) checkpoint_.join();
}

void Store::checkpoint_in_background() {
  if (checkpoint_.joinable()) checkpoint_.join();
  checkpoint_ = std::thread([path = path_] {
    try {
      SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
      db.exec("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (...) {  // harmless: the WAL stays, and is checkpointed later
    }
  });
}

static RoundRecord read_round(SQLite::Statement& q) {
  RoundRecord r;
  r.id = q.getColumn(0).getString();
  r.year = q.getColumn(1).getInt();
  r.title = q.getColumn(2).getString();
  r.currency = q.getColumn(3).getString();
  r.budget = Money::from_kopiykas(q.getColumn(4).getInt64());
  r.rules_text = q.getColumn(5).getString();
  r.rules_sha256 = q.getColumn(6).getString();
  // The schema's CHECK admits the three names only; anything else is a damaged file.
  std::string stage = q.getColumn(7).getString();
  std::optional<Stage> known = parse_stage(stage);
  if (!known) throw Error(ErrorKind::io, say(w_stage, r.id, stage));
  r.stage = *known;
  return r;
}

static const char* round_columns = "id, year, title, currency, budget, rules_text, rules_sha256, stage";

std::vector<RoundRecord> Store::rounds() {
  SQLite::Statement q(*db_, fmt::format("SELECT {} FROM rounds ORDER BY year, id", round_columns));
  std::vector<RoundRecord> out;
  while (q.executeStep()) out.push_back(read_round(q));
  return out;
}

std::optional<RoundRecord> Store::find_round(const std::string& id) {
  SQLite::Statement q(*db_, fmt::format("SELECT {} FROM rounds WHERE id = ?", round_columns));
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_round(q);
}

RoundRecord Store::resolve_round(const std::optional<std::string>& requested) {
  auto all = rounds();
  std::string list;
  for (const auto& r : all) list += (list.empty() ? "" : ", ") + r.id;
  if (requested) {
    for (auto& r : all)
      if (r.id == *requested) return r;
    throw Error(ErrorKind::invalid, say(w_no_round, *requested, path_, list.empty() ? say(w_none) : Message(list)));
  }
  if (all.size() == 1) return all.front();
  if (all.empty()) throw Error(ErrorKind::invalid, say(w_no_round_yet, path_), Remedy::init_first);
  throw Error(ErrorKind::invalid, say(w_several, path_, list));
}

void Store::set_page_cache_kib(int kib) { db_->exec(fmt::format("PRAGMA cache_size = -{}", kib)); }

Rules Store::rules_of(const RoundRecord& round) { return load_rules(round.rules_text, "rules of round " + round.id); }

static std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  std::size_t start = 0;
  while (true) {
    std::size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (p == std::string::npos) break;
    start = p + 1;
  }
  return out;
}

Store::ApplicationsShape Store::applications_shape(const std::string& round) {
  // A national round's applications are 400 MB of pages: counted and looked
  // through for services in the same scan (0.2 s a scan at a million).
  SQLite::Statement q(*db_, "SELECT count(*), COALESCE(max(services <> ''), 0) FROM applications WHERE round_id = ?");
  q.bind(1, round);
  ApplicationsShape shape;
  if (q.executeStep()) {
    shape.count = static_cast<std::size_t>(q.getColumn(0).getInt64());
    shape.services = q.getColumn(1).getInt() != 0;
  }
  return shape;
}

std::vector<Application> Store::applications(const std::string& round, const std::function<void(Application&)>& each,
                                             std::optional<std::size_t> count) {
  // BulkStatement: SQLiteCpp's column objects cost a reference count each, and
  // a national round reads 100 000s of rows here (score, allocate, audit).
  // Migration 5's rewrite reads the applications before migration 9 added `services`.
  const bool services =
      db_->execAndGet("SELECT count(*) FROM pragma_table_info('applications') WHERE name = 'services'").getInt() > 0;
  const std::string sql = fmt::format(
      "SELECT a.id, a.organisation, COALESCE(a.edrpou, ''), a.sector, a.title, "
      "a.category, a.requested, a.cofinancing, a.planned_clients, a.planned_jobs, "
      "a.planned_volunteers, a.submitted_at, a.submitted_key, a.votes, a.input_order, "
      "a.organisation_id, {} FROM applications a WHERE a.round_id = ? ORDER BY a.id",
      services ? "a.services" : "''");
  BulkStatement q(*db_, sql.c_str());
  q.text(1, round);
  std::vector<Application> out;
  // Sized once: at a million rows a doubled vector leaves 5 % unused, 16 MB.
  if (!count) {
    SQLite::Statement n(*db_, "SELECT count(*) FROM applications WHERE round_id = ?");
    n.bind(1, round);
    if (n.executeStep()) count = static_cast<std::size_t>(n.getColumn(0).getInt64());
  }
  out.reserve(count.value_or(0));
  while (q.step()) {
    Application a;
    a.id = q.column_text(0);
    a.organisation = q.column_text(1);
    a.edrpou = q.column_text(2);
    a.sector = parse_sector(q.column_text(3)).value_or(Sector::ngo);
    a.title = q.column_text(4);
    a.category = q.column_text(5);
    a.requested = Money::from_kopiykas(q.column_int64(6));
    a.cofinancing = Money::from_kopiykas(q.column_int64(7));
    a.planned_clients = q.column_int64(8);
    a.planned_jobs = q.column_int64(9);
    a.planned_volunteers = q.column_int64(10);
    a.submitted_at = q.column_text(11);
    auto key = submitted_key_number(q.column_text(12));
    if (!key) throw Error(ErrorKind::io, say(w_submitted_key, q.column_text(12), a.id));
    a.submitted_key = *key;
    if (!q.column_null(13)) a.votes = q.column_int64(13);
    a.input_order = q.column_int64(14);
    a.organisation_key = "org:" + std::to_string(q.column_int64(15));
    a.services = split(std::string(q.column_text(16)), '|');  // canonical: `|`-joined slugs, '' for none
    if (each) each(a);
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<Reviewer> Store::reviewers(const std::string& round) {
  // Migration 5's rewrite reads the reviewers before migration 7 added its columns.
  const bool year_columns =
      db_->execAndGet("SELECT count(*) FROM pragma_table_info('reviewers') WHERE name = 'capacity'").getInt() > 0;
  SQLite::Statement q(*db_, year_columns
                                ? "SELECT id, name, conflicts, categories, capacity FROM reviewers WHERE round_id = ? "
                                  "ORDER BY id"
                                : "SELECT id, name, conflicts, '', NULL FROM reviewers WHERE round_id = ? ORDER BY id");
  q.bind(1, round);
  std::vector<Reviewer> out;
  while (q.executeStep()) {
    Reviewer r;
    r.id = q.getColumn(0).getString();
    r.name = q.getColumn(1).getString();
    for (auto& c : split(q.getColumn(2).getString(), '|')) r.conflicts.push_back(c);
    for (auto& c : split(q.getColumn(3).getString(), '|')) r.categories.push_back(c);
    if (!q.getColumn(4).isNull()) r.capacity = q.getColumn(4).getInt64();
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<Review> Store::reviews(const std::string& round, const Rules& rules) {
  std::vector<Review> out;
  each_review(round, rules, [&](const ReviewRow& row) {
    out.push_back(Review{std::string(row.application), std::string(row.reviewer),
                         std::vector<Rational>(row.scores.begin(), row.scores.end()), std::string(row.comment),
                         row.excluded});
  });
  return out;
}

// The stored scores as the importer writes them: one `id=value` pair per
// criterion, in the rules' order, every value readable. Then `scores` holds
// them and the answer is true: what the general reading below gives for such
// text, in one pass instead of one per criterion (a national round has
// millions of these). Anything else (a rules change, a hand edit) is false.
static bool scores_in_order(std::string_view stored, const Rules& rules, std::vector<Rational>& scores) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < rules.criteria.size(); ++i) {
    if (start > stored.size()) return false;
    std::size_t end = std::min(stored.find(';', start), stored.size());
    std::string_view p = stored.substr(start, end - start);
    const std::string& id = rules.criteria[i].id;
    if (p.size() <= id.size() || p[id.size()] != '=' || p.substr(0, id.size()) != id) return false;
    auto value = Rational::parse_decimal(p.substr(id.size() + 1), 4);
    if (!value) return false;
    scores[i] = *value;
    start = end + 1;
  }
  return start == stored.size() + 1;  // no pair after the last criterion's
}

void Store::each_review(const std::string& round, const Rules& rules,
                        const std::function<void(const ReviewRow&)>& visit) {
  BulkStatement q(*db_,  // as in applications(): 100 000s of rows
                  "SELECT application, reviewer, scores, comment, excluded FROM reviews WHERE round_id = ? "
                  "ORDER BY application, reviewer");
  q.text(1, round);
  std::vector<Rational> scores(rules.criteria.size());
  while (q.step()) {
    ReviewRow r;
    r.application = q.column_text(0);
    r.reviewer = q.column_text(1);
    // Scores are stored by criterion id, so a rules change that renames or drops a
    // criterion cannot silently shift values onto another one. Read in place
    // (string_views, no split): a national round has millions of these pairs.
    std::string_view stored = q.column_text(2);
    const bool in_order = scores_in_order(stored, rules, scores);
    for (std::size_t i = 0; !in_order && i < rules.criteria.size(); ++i) {
      const Criterion& c = rules.criteria[i];
      std::optional<Rational> value;  // the last pair with this id decides, as it always has
      for (std::size_t start = 0; start < stored.size();) {
        std::size_t end = std::min(stored.find(';', start), stored.size());
        std::string_view p = stored.substr(start, end - start);
        auto eq = p.find('=');
        if (eq != std::string_view::npos && p.substr(0, eq) == c.id)
          value = Rational::parse_decimal(p.substr(eq + 1), 4);
        start = end + 1;
      }
      if (!value) throw Error(ErrorKind::conflict, say(w_no_score, round, r.application, r.reviewer, c.id));
      scores[i] = *value;
    }
    r.scores = scores;
    r.comment = q.column_text(3);
    r.excluded = q.column_int64(4) != 0;
    visit(r);
  }
}

std::vector<Outcome> Store::outcomes(const std::string& round) {
  SQLite::Statement q(*db_,
                      "SELECT application, clients, jobs, volunteers, attracted, received_on FROM outcomes "
                      "WHERE round_id = ? ORDER BY application");
  q.bind(1, round);
  std::vector<Outcome> out;
  while (q.executeStep()) {
    Outcome o;
    o.application = q.getColumn(0).getString();
    if (!q.getColumn(1).isNull()) o.clients = q.getColumn(1).getInt64();
    if (!q.getColumn(2).isNull()) o.jobs = q.getColumn(2).getInt64();
    if (!q.getColumn(3).isNull()) o.volunteers = q.getColumn(3).getInt64();
    if (!q.getColumn(4).isNull()) o.attracted = Money::from_kopiykas(q.getColumn(4).getInt64());
    if (!q.getColumn(5).isNull()) o.received_on = q.getColumn(5).getString();
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<HistoryYear> Store::history() {
  SQLite::Statement q(*db_,
                      "SELECT year, participants, winners, budget, attracted, clients, jobs, volunteers, coefficient, "
                      "cost_per_client, note FROM history ORDER BY year");
  std::vector<HistoryYear> out;
  while (q.executeStep()) {
    HistoryYear h;
    h.year = q.getColumn(0).getInt();
    h.participants = q.getColumn(1).getInt64();
    h.winners = q.getColumn(2).getInt64();
    h.budget = Money::from_kopiykas(q.getColumn(3).getInt64());
    h.attracted = Money::from_kopiykas(q.getColumn(4).getInt64());
    h.clients = q.getColumn(5).getInt64();
    h.jobs = q.getColumn(6).getInt64();
    h.volunteers = q.getColumn(7).getInt64();
    h.coefficient = q.getColumn(8).getString();
    h.cost_per_client = q.getColumn(9).getString();
    h.note = q.getColumn(10).getString();
    out.push_back(std::move(h));
  }
  return out;
}

void Store::set_stage(const std::string& round, Stage stage) {
  SQLite::Statement q(*db_, "UPDATE rounds SET stage = ? WHERE id = ?");
  q.bind(1, std::string(to_string(stage)));
  q.bind(2, round);
  q.exec();
}

Transaction::Transaction(Store& store) : store_(store) { store_.db().exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!done_) {
    try {
      store_.db().exec("ROLLBACK");
    } catch (...) {
    }
  }
}

void Transaction::commit() {
  store_.db().exec("COMMIT");
  done_ = true;
}

void Transaction::commit_then_checkpoint() {
  // No checkpoint inside this commit; SQLite's default (1000 pages) after it.
  store_.db().exec("PRAGMA wal_autocheckpoint = 0");
  try {
    commit();
  } catch (...) {
    store_.db().exec("PRAGMA wal_autocheckpoint = 1000");
    throw;
  }
  store_.db().exec("PRAGMA wal_autocheckpoint = 1000");
  store_.checkpoint_in_background();
}

}  // namespace competition
