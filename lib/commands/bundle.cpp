#include "commands/bundle.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

#include "base/sha256.hpp"
#include "commands/read_snapshot.hpp"
#include "engine/commission.hpp"
#include "formats/canonical_csv.hpp"
#include "formats/decisions_csv.hpp"
#include "formats/history_json.hpp"
#include "render/render_decision_md.hpp"
#include "store/check_facts_store.hpp"
#include "store/decision_log.hpp"
#include "store/ledger_store.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_not_allocated{
    .uk = "конкурс {} не розподілено (етап: {}): пакет перевіряє розподіл",
    .en = "round {} is not allocated (stage: {}): a bundle re-checks an allocation"};
constexpr PerLang<const char*> w_no_allocation{
    .uk = "конкурс {} позначено розподіленим, але в його журналі рішень немає розподілу",
    .en = "round {} is marked allocated but its decision log holds no allocation"};
constexpr PerLang<const char*> w_not_json{.uk = "конкурс {}: запис журналу рішень {} не є JSON",
                                          .en = "round {}: decision log entry {} is not JSON"};
constexpr PerLang<const char*> w_no_fingerprint{.uk = "конкурс {}: запис журналу рішень {} не має відбитка",
                                                .en = "round {}: decision log entry {} has no fingerprint"};
constexpr PerLang<const char*> w_io{.uk = "{}: {}: {}; нічого не записано", .en = "{}: {}: {}; nothing was written"};
constexpr PerLang<const char*> w_open_sync{.uk = "не вдається відкрити для синхронізації", .en = "cannot open to sync"};
constexpr PerLang<const char*> w_sync{.uk = "не вдається синхронізувати", .en = "cannot sync"};
constexpr PerLang<const char*> w_create{.uk = "не вдається створити", .en = "cannot create"};
constexpr PerLang<const char*> w_write{.uk = "не вдається записати", .en = "cannot write"};
constexpr PerLang<const char*> w_occupied{
    .uk = "{}: уже існує й не є порожнім каталогом; нічого не записано (вкажіть новий шлях або спершу вилучіть його)",
    .en =
        "{}: already exists and is not an empty directory; nothing was written (give a new path, or remove it first)"};
constexpr PerLang<const char*> w_temporary{.uk = "не вдається створити тимчасовий каталог",
                                           .en = "cannot create a temporary directory"};
constexpr PerLang<const char*> w_permissions{.uk = "не вдається встановити права доступу до",
                                             .en = "cannot set the permissions of"};
constexpr PerLang<const char*> w_move{.uk = "не вдається перемістити пакет на місце",
                                      .en = "cannot move the bundle into place"};

std::string tool_version() { return COMPETITION_VERSION; }

// docs/bundle.md, manifest.json.
std::string bundle_manifest(const std::map<std::string, std::string>& files, const std::string& fingerprint,
                            const std::string& version) {
  nlohmann::ordered_json hashes = nlohmann::ordered_json::object();
  for (const auto& [name, bytes] : files)
    if (name != bundle_file::manifest) hashes[name] = sha256_hex(bytes);
  nlohmann::ordered_json m = {{"files", hashes}, {"fingerprint", fingerprint}, {"tool_version", version}};
  return m.dump(2) + "\n";
}

// docs/bundle.md.
Bundle build_bundle(Store& store, const std::optional<std::string>& round_id, Lang lang) {
  ReadSnapshot snapshot(store);
  RoundRecord round = store.resolve_round(round_id);
  if (round.stage != Stage::allocated)
    throw Error(ErrorKind::conflict, say(w_not_allocated, round.id, to_string(round.stage)), Remedy::allocate_first);
  std::vector<LogEntry> log = log_entries(store, round.id);
  const LogEntry* last = nullptr;
  for (const LogEntry& e : log)
    if (e.kind == LogKind::allocate) last = &e;
  if (!last) throw Error(ErrorKind::conflict, say(w_no_allocation, round.id), Remedy::audit_changes);
  nlohmann::ordered_json record;
  try {
    record = nlohmann::ordered_json::parse(last->payload);
  } catch (const std::exception&) {
    throw Error(ErrorKind::io, say(w_not_json, round.id, last->seq), Remedy::audit);
  }
  if (!record.is_object() || !record.contains("fingerprint") || !record["fingerprint"].is_string())
    throw Error(ErrorKind::io, say(w_no_fingerprint, round.id, last->seq), Remedy::audit);

  Rules rules = Store::rules_of(round);
  std::vector<Application> applications = store.applications(round.id);
  std::vector<Review> reviews =
      rules.source == ScoreSource::reviews ? store.reviews(round.id, rules) : std::vector<Review>{};
  std::vector<Outcome> outcomes = store.outcomes(round.id);

  Bundle b;
  b.round = round.id;
  b.fingerprint = record["fingerprint"].get<std::string>();
  b.files[bundle_file::rules] = round.rules_text;
  b.files[bundle_file::applications] = canonical_applications_csv(rules, applications);
  b.files[bundle_file::reviewers] = canonical_reviewers_csv(store.reviewers(round.id));
  b.files[bundle_file::reviews] = canonical_reviews_csv(rules, reviews);
  if (!outcomes.empty()) b.files[bundle_file::outcomes] = canonical_outcomes_csv(outcomes);
  // After the decision: guarded by the manifest, not part of the record's inputs.
  if (const auto agreements = stored_agreements(store, round.id); !agreements.empty())
    b.files[bundle_file::agreements] = canonical_agreements_csv(agreements);
  if (const auto payments = stored_payments(store, round.id); !payments.empty())
    b.files[bundle_file::payments] = canonical_payments_csv(payments);
  // year.md §5: the facts the checks used, one of the record's inputs.
  if (rules.checks_history())
    if (const auto facts = load_check_facts(store, round.id))
      b.files[bundle_file::history] = history_json(facts->facts);
  // The decisions the exported allocation could apply: those logged before it.
  std::vector<CommissionDecision> decisions = read_decisions(entries_before(log, last->seq));
  if (!decisions.empty()) b.files[bundle_file::decisions] = decisions_csv(decisions);
  b.files[bundle_file::record] = last->payload + "\n";
  b.files[bundle_file::minutes] = render_decision_md(rules, applications, record, lang);
  b.files[bundle_file::manifest] = bundle_manifest(b.files, b.fingerprint, tool_version());
  return b;
}

namespace {

[[noreturn]] void io_failure(const PerLang<const char*>& what, const std::string& path) {
  throw Error(ErrorKind::io, say(w_io, path, what, std::strerror(errno)));
}

void sync_path(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) io_failure(w_open_sync, path);
  if (::fsync(fd) != 0) {
    ::close(fd);
    io_failure(w_sync, path);
  }
  ::close(fd);
}

void write_file(const std::string& path, const std::string& bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) io_failure(w_create, path);
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      io_failure(w_write, path);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    io_failure(w_sync, path);
  }
  if (::close(fd) != 0) io_failure(w_write, path);
}

bool is_empty_directory(const std::string& path) {
  DIR* d = ::opendir(path.c_str());
  if (!d) return false;
  bool empty = true;
  while (dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name != "." && name != "..") {
      empty = false;
      break;
    }
  }
  ::closedir(d);
  return empty;
}

// A directory this program's export of PATH left when it was killed: named
// `.NAME.tmp-XXXXXX` (mkdtemp), holding bundle files only, and locked by no
// export still running (each holds a lock on its own while it writes).
bool stale_temporary(const std::filesystem::path& dir, const std::string& prefix) {
  const std::string name = dir.filename().string();
  if (name.size() != prefix.size() + 6 || name.compare(0, prefix.size(), prefix) != 0) return false;
  struct stat st {};
  if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::geteuid()) return false;
  static const std::set<std::string> ours{bundle_file::rules,      bundle_file::applications, bundle_file::reviewers,
                                          bundle_file::reviews,    bundle_file::outcomes,     bundle_file::decisions,
                                          bundle_file::agreements, bundle_file::payments,     bundle_file::record,
                                          bundle_file::minutes,    bundle_file::manifest,     bundle_file::history};
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (!ours.count(entry.path().filename().string()) || !entry.is_regular_file(ec)) return false;
  if (ec) return false;
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool unused = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  ::close(fd);
  return unused;
}

// docs/bundle.md: the next export to the same PATH removes what a killed one left.
void remove_stale_temporaries(const std::filesystem::path& parent, const std::string& prefix) {
  std::error_code ec;
  std::vector<std::filesystem::path> stale;
  for (const auto& entry : std::filesystem::directory_iterator(parent, ec))
    if (stale_temporary(entry.path(), prefix)) stale.push_back(entry.path());
  for (const auto& dir : stale) std::filesystem::remove_all(dir, ec);
}

// Holds the lock that tells a later export this temporary directory is in use.
class DirectoryLock {
 public:
  explicit DirectoryLock(const std::string& dir) : fd_(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
    if (fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~DirectoryLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  DirectoryLock(const DirectoryLock&) = delete;
  DirectoryLock& operator=(const DirectoryLock&) = delete;

 private:
  int fd_;
};

[[noreturn]] void occupied(const std::string& path) { throw Error(ErrorKind::conflict, say(w_occupied, path)); }

}  // namespace

// docs/bundle.md: atomically, all files directly in PATH.
void write_bundle(const Bundle& bundle, const std::string& path) {
  namespace fs = std::filesystem;
  std::string target = path;
  while (target.size() > 1 && target.back() == '/') target.pop_back();
  struct stat st {};
  if (::lstat(target.c_str(), &st) == 0 && !(S_ISDIR(st.st_mode) && is_empty_directory(target))) occupied(path);
  fs::path parent = fs::path(target).parent_path();
  if (parent.empty()) parent = ".";
  // Built with append(): GCC 12 flags `"." + std::string&&` here as an overflow (a false positive).
  std::string hidden_name(".");
  hidden_name.append(fs::path(target).filename().string()).append(".tmp-XXXXXX");
  remove_stale_temporaries(parent, hidden_name.substr(0, hidden_name.size() - 6));
  std::string templ = (parent / hidden_name).string();
  if (!::mkdtemp(templ.data())) io_failure(w_temporary, parent.string());
  const std::string tmp = templ;
  DirectoryLock in_use(tmp);
  try {
    // mkdtemp makes the directory private; a bundle is for others to read.
    mode_t mask = ::umask(0);
    ::umask(mask);
    if (::chmod(tmp.c_str(), 0777 & ~mask) != 0) io_failure(w_permissions, tmp);
    for (const auto& [name, bytes] : bundle.files) write_file(tmp + "/" + name, bytes);
    sync_path(tmp, O_RDONLY | O_DIRECTORY);
    if (::rename(tmp.c_str(), target.c_str()) != 0) {
      if (errno == ENOTEMPTY || errno == EEXIST || errno == ENOTDIR || errno == EISDIR) occupied(path);
      io_failure(w_move, path);
    }
  } catch (...) {
    std::error_code ec;
    fs::remove_all(tmp, ec);
    throw;
  }
  // The rename is durable once the parent directory is synced; the bundle is
  // complete either way, so a failure here is not worth failing the export.
  int fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace competition
