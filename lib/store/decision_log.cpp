#include "store/decision_log.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <sqlite3.h>

#include <algorithm>
#include <stdexcept>

#include "base/canonical_json.hpp"
#include "base/sha256.hpp"
#include "values/clock.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_no_round{.uk = "немає конкурсу \"{}\"", .en = "no round \"{}\""};
constexpr PerLang<const char*> w_bad_kind{.uk = "запис журналу рішень {}: збережений вид \"{}\" не є видом",
                                          .en = "decision log entry {}: stored kind \"{}\" is not a kind"};
constexpr PerLang<const char*> w_at{.uk = "запис журналу {} ({})", .en = "log entry {} ({})"};
constexpr PerLang<const char*> w_round{.uk = "{}: належить конкурсу {}, а не {}",
                                       .en = "{}: belongs to round {}, not {}"};
constexpr PerLang<const char*> w_order{.uk = "{}: не за порядком після запису {}",
                                       .en = "{}: out of order after entry {}"};
constexpr PerLang<const char*> w_not_canonical{.uk = "{}: вміст не є канонічним JSON",
                                               .en = "{}: the payload is not canonical JSON"};
constexpr PerLang<const char*> w_hash{.uk = "{}: його хеш не відповідає вмісту (запис змінено)",
                                      .en = "{}: its hash does not match its content (the entry was changed)"};
constexpr PerLang<const char*> w_not_json{.uk = "{}: вміст не є коректним JSON",
                                          .en = "{}: the payload is not valid JSON"};
constexpr PerLang<const char*> w_prev_hash{
    .uk = "{}: його prev_hash не є хешем попереднього запису (запис вилучено, вставлено або змінено)",
    .en = "{}: its prev_hash is not the hash of the entry before it (an entry was removed, inserted or changed)"};
constexpr PerLang<const char*> w_count{.uk = "конкурс записує {} записів журналу, а журнал містить {}",
                                       .en = "the round records {} log entries, the log holds {}"};
constexpr PerLang<const char*> w_head{
    .uk = "голова журналу конкурсу не є хешем останнього запису (найновіший запис вилучено або змінено)",
    .en = "the round's log head is not the hash of the last log entry (the newest entry was removed or changed)"};

// The chain link: what each entry's hash covers (schemas/002_decisions.sql).
std::string log_entry_hash(const LogEntry& e) {
  nlohmann::json payload;
  try {
    payload = nlohmann::json::parse(e.payload);
  } catch (const nlohmann::json::parse_error&) {
    throw std::invalid_argument("log entry " + std::to_string(e.seq) + ": the payload is not JSON");
  }
  nlohmann::json link = {{"kind", std::string(to_string(e.kind))}, {"payload", payload}, {"prev_hash", e.prev_hash},
                         {"recorded_at", e.recorded_at},           {"round", e.round},   {"seq", e.seq}};
  return sha256_hex(canonical_json(link));
}

namespace {

// log_entry_hash for an entry whose payload's canonical JSON is
// `canonical_payload` (its own text, when we are appending it): the canonical
// link object is spliced together around that text instead of parsing it back (a national decision record is
// megabytes of JSON). Members in RFC 8785 order: kind, payload, prev_hash,
// recorded_at, round, seq.
std::string canonical_entry_hash(const LogEntry& e, std::string_view canonical_payload) {
  Sha256 sha;  // fed piece by piece: no second copy of the payload
  sha.update("{\"kind\":" + canonical_json(nlohmann::json(std::string(to_string(e.kind)))) + ",\"payload\":");
  sha.update(canonical_payload);
  sha.update(",\"prev_hash\":" + canonical_json(nlohmann::json(e.prev_hash)) + ",\"recorded_at\":" +
             canonical_json(nlohmann::json(e.recorded_at)) + ",\"round\":" + canonical_json(nlohmann::json(e.round)) +
             ",\"seq\":" + canonical_json(nlohmann::json(e.seq)) + "}");
  return sha.hex();
}

}  // namespace

// The clock honours $COMPETITION_NOW (clock.hpp), so that logs written by tests
// and demonstrations are reproducible.
std::string utc_now() { return now_utc(); }

LogHead log_head(Store& store, const std::string& round) {
  SQLite::Statement q(store.db(), "SELECT log_head, log_count FROM rounds WHERE id = ?");
  q.bind(1, round);
  LogHead h;
  if (!q.executeStep()) throw Error(ErrorKind::invalid, say(w_no_round, round));
  if (!q.getColumn(0).isNull()) h.hash = q.getColumn(0).getString();
  h.count = q.getColumn(1).getInt64();
  return h;
}

LogEntry append_log_entry(Store& store, const std::string& round, LogKind kind, const nlohmann::ordered_json& payload,
                          std::string recorded_at) {
  return append_canonical_log_entry(store, round, kind, canonical_json(payload), std::move(recorded_at));
}

LogEntry append_canonical_log_entry(Store& store, const std::string& round, LogKind kind, std::string canonical_payload,
                                    std::string recorded_at) {
  auto& db = store.db();
  LogEntry e;
  e.round = round;
  e.kind = kind;
  e.payload = std::move(canonical_payload);
  e.recorded_at = recorded_at.empty() ? utc_now() : std::move(recorded_at);
  // The chain continues from the round's last stored entry; the head in
  // `rounds` is what `verify_chain` compares against, not what we link to.
  SQLite::Statement last(db, "SELECT hash FROM decision_log WHERE round_id = ? ORDER BY seq DESC LIMIT 1");
  last.bind(1, round);
  e.prev_hash = last.executeStep() ? last.getColumn(0).getString() : genesis_hash;
  e.seq = db.execAndGet("SELECT COALESCE(MAX(seq), 0) + 1 FROM decision_log").getInt64();
  e.hash = canonical_entry_hash(e, e.payload);  // = log_entry_hash(e): the payload is canonical
  SQLite::Statement ins(db,
                        "INSERT INTO decision_log (seq, round_id, kind, payload, recorded_at, prev_hash, hash) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)");
  ins.bind(1, e.seq);
  ins.bind(2, e.round);
  ins.bind(3, std::string(to_string(e.kind)));
  ins.bindNoCopy(4, e.payload);  // `e` outlives the statement's execution
  ins.bind(5, e.recorded_at);
  ins.bind(6, e.prev_hash);
  ins.bind(7, e.hash);
  ins.exec();
  SQLite::Statement head(db, "UPDATE rounds SET log_head = ?, log_count = log_count + 1 WHERE id = ?");
  head.bind(1, e.hash);
  head.bind(2, round);
  if (head.exec() != 1) throw Error(ErrorKind::invalid, say(w_no_round, round));
  return e;
}

namespace {

// The round's entries (with `only`, its entries of that kind); with `records`
// false, `allocate` payloads are left empty.
std::vector<LogEntry> read_log(Store& store, const std::string& round, bool records, std::optional<LogKind> only) {
  SQLite::Statement q(store.db(), std::string("SELECT seq, round_id, kind, ") +
                                      (records ? "payload" : "CASE WHEN kind = 'allocate' THEN '' ELSE payload END") +
                                      ", recorded_at, prev_hash, hash FROM decision_log WHERE round_id = ?" +
                                      (only ? " AND kind = ?" : "") + " ORDER BY seq");
  q.bind(1, round);
  if (only) q.bind(2, std::string(to_string(*only)));
  std::vector<LogEntry> out;
  while (q.executeStep()) {
    LogEntry e;
    e.seq = q.getColumn(0).getInt64();
    e.round = q.getColumn(1).getString();
    // The schema's CHECK admits the five names only; anything else is a damaged file.
    std::string kind = q.getColumn(2).getString();
    std::optional<LogKind> known = parse_log_kind(kind);
    if (!known) throw Error(ErrorKind::io, say(w_bad_kind, e.seq, kind));
    e.kind = *known;
    e.payload = q.getColumn(3).getString();
    e.recorded_at = q.getColumn(4).getString();
    e.prev_hash = q.getColumn(5).getString();
    e.hash = q.getColumn(6).getString();
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

std::vector<LogEntry> log_entries(Store& store, const std::string& round, std::optional<LogKind> only) {
  return read_log(store, round, true, only);
}

std::vector<LogEntry> log_entries_without_records(Store& store, const std::string& round) {
  return read_log(store, round, false, std::nullopt);
}

std::string log_payload(Store& store, std::int64_t seq) {
  SQLite::Statement q(store.db(), "SELECT payload FROM decision_log WHERE seq = ?");
  q.bind(1, seq);
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

PayloadCheck check_payload(const LogEntry& e) {
  PayloadCheck c;
  try {
    std::string canonical = canonical_json(nlohmann::json::parse(e.payload));
    c.canonical = canonical == e.payload;
    if (!c.canonical) {
      c.payload_sha256 = sha256_hex(e.payload);
      c.canonical_sha256 = sha256_hex(canonical);
    }
    c.hash = canonical_entry_hash(e, canonical);  // = log_entry_hash(e)
    c.json = true;
  } catch (const std::exception&) {
    return PayloadCheck{};
  }
  return c;
}

bool log_payload_equals(Store& store, std::int64_t seq, std::string_view text) {
  sqlite3_blob* blob = nullptr;  // `seq` is the rowid (INTEGER PRIMARY KEY)
  if (sqlite3_blob_open(store.db().getHandle(), "main", "decision_log", "payload", seq, 0, &blob) != SQLITE_OK) {
    sqlite3_blob_close(blob);
    return log_payload(store, seq) == text;
  }
  bool same = static_cast<std::size_t>(sqlite3_blob_bytes(blob)) == text.size();
  std::string piece(std::size_t{1} << 20, '\0');
  for (std::size_t at = 0; same && at < text.size(); at += piece.size()) {
    const std::size_t n = std::min(piece.size(), text.size() - at);
    same = sqlite3_blob_read(blob, piece.data(), static_cast<int>(n), static_cast<int>(at)) == SQLITE_OK &&
           text.compare(at, n, piece.data(), n) == 0;
  }
  sqlite3_blob_close(blob);
  return same;
}

PayloadCheck canonical_payload_check(const LogEntry& e, std::string_view payload) {
  PayloadCheck c;
  c.json = c.canonical = true;
  c.hash = canonical_entry_hash(e, payload);
  return c;
}

// docs/cli.md "audit": "verifies the decision log's hash chain (and its head ...)".
std::vector<Message> verify_chain(const std::string& round, const std::vector<LogEntry>& entries, const LogHead& head,
                                  const std::vector<PayloadCheck>& checks) {
  std::vector<Message> problems;
  std::string prev = genesis_hash;
  std::int64_t prev_seq = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const LogEntry& e = entries[i];
    const PayloadCheck& c = checks[i];
    Message at = say(w_at, e.seq, to_string(e.kind));
    if (e.round != round) problems.push_back(say(w_round, at, e.round, round));
    if (e.seq <= prev_seq) problems.push_back(say(w_order, at, prev_seq));
    if (!c.json) {
      problems.push_back(say(w_not_json, at));
    } else {
      if (!c.canonical) problems.push_back(say(w_not_canonical, at));
      if (c.hash != e.hash) problems.push_back(say(w_hash, at));
    }
    if (e.prev_hash != prev) problems.push_back(say(w_prev_hash, at));
    prev = e.hash;
    prev_seq = e.seq;
  }
  auto count = static_cast<std::int64_t>(entries.size());
  if (head.count != count) problems.push_back(say(w_count, head.count, count));
  if (entries.empty() ? head.hash.has_value() : (!head.hash || *head.hash != entries.back().hash))
    problems.push_back(say(w_head));
  return problems;
}

std::vector<Message> verify_chain(const std::string& round, const std::vector<LogEntry>& entries, const LogHead& head) {
  std::vector<PayloadCheck> checks;
  checks.reserve(entries.size());
  for (const LogEntry& e : entries) checks.push_back(check_payload(e));
  return verify_chain(round, entries, head, checks);
}

std::vector<Message> verify_chain(Store& store, const std::string& round) {
  return verify_chain(round, log_entries(store, round), log_head(store, round));
}

}  // namespace competition
