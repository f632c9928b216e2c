// The decision log's hash chain: appended entries link by hash, the round keeps
// the head; verify_chain finds a changed payload, a removed entry in the middle
// and a removed newest entry (once the append-only triggers are dropped, as
// anyone with the file can do).
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "base/canonical_json.hpp"
#include "base/sha256.hpp"
#include "store/decision_log.hpp"
#include "store/rounds.hpp"
#include "temp_store.hpp"

using namespace competition;

namespace {

const char* rules_text = R"(
[competition]
id = "log-1"
title = "t"
year = 2024
budget = 1000

[[criteria]]
id = "a"
name = "A"
weight = 1
min = 0
max = 10
)";

struct LogStore : testing::TempStore {
  LogStore() : TempStore(rules_text, "decision-log") {}
  void append(LogKind kind, nlohmann::ordered_json payload, const std::string& at) {
    Transaction tx(*store);
    append_log_entry(*store, "log-1", kind, payload, at);
    tx.commit();
  }
  void exec(const std::string& sql) { store->db().exec(sql); }
};

}  // namespace

TEST_CASE("decision log: entries chain by hash and the round keeps the head") {
  LogStore t;
  CHECK(verify_chain(*t.store, "log-1").empty());
  t.append(LogKind::allocate, {{"fingerprint", "sha256:00"}, {"b", 1}}, "2026-03-02T10:15:00Z");
  t.append(LogKind::withdraw, {{"application", "A-1"}, {"reason", "Відмовилися \"самі\""}}, "2026-03-03T09:00:00Z");
  auto entries = log_entries(*t.store, "log-1");
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].prev_hash == genesis_hash);
  CHECK(entries[1].prev_hash == entries[0].hash);
  CHECK(entries[0].payload == R"({"b":1,"fingerprint":"sha256:00"})");
  // The hash is over the canonical JSON of the entry, payload included as JSON.
  CHECK(entries[0].hash ==
        sha256_hex(R"({"kind":"allocate","payload":{"b":1,"fingerprint":"sha256:00"},"prev_hash":")" + genesis_hash +
                   R"(","recorded_at":"2026-03-02T10:15:00Z","round":"log-1","seq":1})"));
  LogHead head = log_head(*t.store, "log-1");
  CHECK(head.count == 2);
  CHECK(head.hash == entries[1].hash);
  CHECK(verify_chain(*t.store, "log-1").empty());
}

TEST_CASE("decision log: append-only triggers refuse changes") {
  LogStore t;
  t.append(LogKind::allocate, {{"x", 1}}, "2026-03-02T10:15:00Z");
  CHECK_THROWS(t.exec("UPDATE decision_log SET payload = '{}'"));
  CHECK_THROWS(t.exec("DELETE FROM decision_log"));
  CHECK(log_entries(*t.store, "log-1").size() == 1);
}

TEST_CASE("decision log: verify_chain finds tampering") {
  LogStore t;
  t.append(LogKind::allocate, {{"x", 1}}, "2026-03-02T10:15:00Z");
  t.append(LogKind::override_award, {{"x", 2}}, "2026-03-02T10:16:00Z");
  t.append(LogKind::allocate, {{"x", 3}}, "2026-03-02T10:17:00Z");
  t.exec("DROP TRIGGER decision_log_no_update");
  t.exec("DROP TRIGGER decision_log_no_delete");

  SUBCASE("a changed payload") {
    t.exec("UPDATE decision_log SET payload = '{\"x\":5}' WHERE seq = 2");
    auto problems = verify_chain(*t.store, "log-1");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].en.find("log entry 2 (override): its hash does not match") == 0);
  }
  SUBCASE("a payload that is not canonical") {
    t.exec("UPDATE decision_log SET payload = '{ \"x\": 2 }' WHERE seq = 2");
    auto problems = verify_chain(*t.store, "log-1");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].en == "log entry 2 (override): the payload is not canonical JSON");
  }
  SUBCASE("an entry removed from the middle") {
    t.exec("DELETE FROM decision_log WHERE seq = 2");
    auto problems = verify_chain(*t.store, "log-1");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].en.find("log entry 3 (allocate): its prev_hash") == 0);
    CHECK(problems[1].en == "the round records 3 log entries, the log holds 2");
  }
  SUBCASE("the newest entry removed") {
    t.exec("DELETE FROM decision_log WHERE seq = 3");
    auto problems = verify_chain(*t.store, "log-1");
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].en == "the round records 3 log entries, the log holds 2");
    CHECK(problems[1].en.find("the round's log head is not the hash of the last log entry") == 0);
  }
  SUBCASE("a rehashed chain still misses the head") {
    // Rewriting an entry and its hash breaks the link of the next one.
    auto e = log_entries(*t.store, "log-1")[2];
    e.payload = R"({"x":4})";
    std::string h = log_entry_hash(e);
    t.exec("UPDATE decision_log SET payload = '{\"x\":4}', hash = '" + h + "' WHERE seq = 3");
    auto problems = verify_chain(*t.store, "log-1");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].en.find("the round's log head") == 0);
  }
}
