// The commission's decisions (docs/cli.md "Commission decisions", docs/rules.md §3 and §4
// step 2): reading them back from the log (numbers, undo, undo of an undo), the
// reduction to what an allocation applies (latest standing per application,
// orders), the checks of `order`, and recording over a real store with every
// refusal of docs/cli.md (exit 2 or 3, nothing written) and the next `allocate`
// applying what was recorded.
#include <doctest/doctest.h>

#include <string>

#include "base/canonical_json.hpp"
#include "commands/allocate_round.hpp"
#include "commands/commission_decisions.hpp"
#include "commands/importer.hpp"
#include "commands/score_round.hpp"
#include "engine/commission.hpp"
#include "render/remedy_words.hpp"
#include "store/decision_log.hpp"
#include "store/rounds.hpp"
#include "temp_store.hpp"
#include "values/diagnostic.hpp"

using namespace competition;

namespace {

// A log as the store would hold it: entries numbered by seq, payloads canonical.
struct Log {
  std::vector<LogEntry> entries;
  LogEntry& add(LogKind kind, const nlohmann::ordered_json& payload) {
    LogEntry e;
    e.seq = static_cast<std::int64_t>(entries.size()) + 1;
    e.round = "r";
    e.kind = kind;
    e.payload = canonical_json(payload);
    e.recorded_at = "2026-03-02T10:0" + std::to_string(entries.size() % 10) + ":00Z";
    entries.push_back(e);
    return entries.back();
  }
  void withdraw(const std::string& id) {
    add(LogKind::withdraw, decision_payload(DecisionKind::withdraw, {id}, {}, "w " + id));
  }
  void override_award(const std::string& id, std::int64_t uah) {
    add(LogKind::override_award,
        decision_payload(DecisionKind::override_award, {id}, Money::from_hryvnias(uah), "o " + id));
  }
  void order(std::vector<std::string> ids) {
    add(LogKind::order, decision_payload(DecisionKind::order, ids, {}, "draw"));
  }
  // Undo of decision number n: the payload names the entry's seq.
  void undo(int n) {
    auto decisions = read_decisions(entries);
    add(LogKind::undo, undo_payload(decisions.at(static_cast<std::size_t>(n - 1)).seq, "undo"));
  }
  void allocate() { add(LogKind::allocate, nlohmann::ordered_json{{"fingerprint", "sha256:x"}}); }
};

}  // namespace

TEST_CASE("commission: decisions are numbered in log order, allocate entries skipped") {
  Log log;
  log.allocate();
  log.withdraw("A");
  log.allocate();
  log.override_award("B", 50);
  auto d = read_decisions(log.entries);
  REQUIRE(d.size() == 2);
  CHECK(d[0].n == 1);
  CHECK(d[0].seq == 2);
  CHECK(d[0].kind == DecisionKind::withdraw);
  CHECK(d[0].applications == std::vector<std::string>{"A"});
  CHECK_FALSE(d[0].award);
  CHECK(d[0].reason == "w A");
  CHECK(d[1].n == 2);
  CHECK(d[1].seq == 4);
  CHECK(d[1].award == Money::from_hryvnias(50));
}

TEST_CASE("commission: the latest withdrawal or override of an application stands") {
  Log log;
  log.withdraw("A");
  log.override_award("A", 30);  // replaces the withdrawal
  log.override_award("B", 0);
  log.withdraw("B");  // replaces the decline
  StandingDecisions s = reduce_decisions(read_decisions(log.entries));
  CHECK(s.applied.withdrawn == std::set<std::string>{"B"});
  REQUIRE(s.applied.overrides.size() == 1);
  CHECK(s.applied.overrides.at("A") == Money::from_hryvnias(30));
  REQUIRE(s.standing.size() == 2);
  CHECK(s.standing[0].n == 2);  // log order
  CHECK(s.standing[1].n == 4);
}

TEST_CASE("commission: an undo leaves its entry out; undoing the undo reinstates it") {
  Log log;
  log.withdraw("A");            // 1
  log.override_award("B", 10);  // 2
  log.undo(1);                  // 3
  auto d = read_decisions(log.entries);
  CHECK(d[0].undone_by == 3);
  CHECK_FALSE(d[2].undone_by);
  CHECK(d[2].undoes == 1);
  CHECK(d[2].applications == std::vector<std::string>{"A"});  // those of the entry it reverses
  StandingDecisions s = reduce_decisions(d);
  CHECK(s.applied.withdrawn.empty());
  CHECK(s.applied.overrides.size() == 1);
  REQUIRE(s.standing.size() == 1);
  CHECK(s.standing[0].n == 2);

  log.undo(3);  // 4: undo of the undo
  d = read_decisions(log.entries);
  CHECK_FALSE(d[0].undone_by);
  CHECK(d[2].undone_by == 4);
  s = reduce_decisions(d);
  CHECK(s.applied.withdrawn == std::set<std::string>{"A"});
  REQUIRE(s.standing.size() == 2);
  CHECK(s.standing[0].n == 1);

  log.undo(1);  // 5: entry 1 stands again, so it can be undone again
  d = read_decisions(log.entries);
  CHECK(d[0].undone_by == 5);
  CHECK(reduce_decisions(d).applied.withdrawn.empty());
}

TEST_CASE("commission: undoing the latest decision on an application brings back the one before") {
  Log log;
  log.override_award("A", 40);  // 1
  log.withdraw("A");            // 2
  log.undo(2);                  // 3
  StandingDecisions s = reduce_decisions(read_decisions(log.entries));
  CHECK(s.applied.withdrawn.empty());
  REQUIRE(s.applied.overrides.count("A"));
  CHECK(s.applied.overrides.at("A") == Money::from_hryvnias(40));
}

TEST_CASE("commission: every order that is not undone stands, in log order") {
  Log log;
  log.order({"B", "A"});  // 1
  log.order({"C", "D"});  // 2
  log.order({"A", "B"});  // 3: re-arranges A and B again
  log.undo(2);            // 4
  StandingDecisions s = reduce_decisions(read_decisions(log.entries));
  REQUIRE(s.applied.orders.size() == 2);
  CHECK(s.applied.orders[0].applications == std::vector<std::string>{"B", "A"});
  CHECK(s.applied.orders[1].applications == std::vector<std::string>{"A", "B"});
  CHECK(s.applied.withdrawn.empty());
  CHECK(s.applied.overrides.empty());
}

TEST_CASE("commission: an allocation applies only the decisions logged before it") {
  Log log;
  log.withdraw("A");  // seq 1
  log.allocate();     // seq 2
  log.undo(1);        // seq 3: after the allocation
  StandingDecisions at_allocation = reduce_decisions(read_decisions(entries_before(log.entries, 2)));
  CHECK(at_allocation.applied.withdrawn == std::set<std::string>{"A"});
  CHECK(reduce_decisions(read_decisions(log.entries)).applied.withdrawn.empty());
}

TEST_CASE("commission: the record's decisions and the list entries have the documented shape") {
  Log log;
  log.override_award("A", 0);
  log.withdraw("B");
  log.undo(2);
  auto d = read_decisions(log.entries);
  StandingDecisions s = reduce_decisions(d);
  CHECK(
      canonical_json(applied_decisions_json(s.standing)) ==
      R"([{"applications":["A"],"award":"0.00","kind":"override","n":1,"reason":"o A","recorded_at":"2026-03-02T10:00:00Z"}])");
  CHECK(
      decision_entry_json(d[1]).dump() ==
      R"({"n":2,"kind":"withdraw","applications":["B"],"award":null,"reason":"w B","recorded_at":"2026-03-02T10:01:00Z","undone_by":3})");
  CHECK(
      decision_entry_json(d[2]).dump() ==
      R"({"n":3,"kind":"undo","applications":["B"],"award":null,"reason":"undo","recorded_at":"2026-03-02T10:02:00Z","undone_by":null})");
  CHECK(d[0].declines());
}

TEST_CASE("commission: a payload without the shape of its kind is an I/O error naming the entry") {
  Log log;
  log.add(LogKind::withdraw, nlohmann::ordered_json{{"reason", "x"}});
  CHECK_THROWS_AS(read_decisions(log.entries), Error);
  Log undo;
  undo.add(LogKind::undo, undo_payload(7, "no such entry"));
  try {
    static_cast<void>(read_decisions(undo.entries));
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::io);
    CHECK(std::string(e.what()).find("decision log entry 1 (undo)") != std::string::npos);
  }
}

TEST_CASE("commission: order_problem names what keeps applications from being ordered") {
  Rules rules;
  rules.id = "r";
  rules.tie_break = {TieBreakKey{TieBreakKey::Kind::requested, {}}};
  std::vector<Application> apps(4);
  ScoreResult scores;
  const char* ids[] = {"A", "B", "C", "D"};
  std::int64_t requested[] = {10, 10, 20, 10};
  std::int64_t total[] = {5, 5, 5, 4};
  for (int i = 0; i < 4; ++i) {
    apps[static_cast<std::size_t>(i)].id = ids[i];
    apps[static_cast<std::size_t>(i)].requested = Money::from_hryvnias(requested[i]);
    ScoredApplication s;
    s.id = ids[i];
    s.status = ScoreStatus::ranked;
    s.rank = i + 1;
    s.total = Rational(total[i]);
    scores.applications.push_back(s);
  }
  ScoredApplication rejected;
  rejected.id = "E";
  rejected.status = ScoreStatus::rejected;
  rejected.total = Rational(1);
  scores.applications.push_back(rejected);
  apps.push_back(Application{});
  apps.back().id = "E";

  CHECK_FALSE(order_problem(rules, apps, scores, {"B", "A"}));
  auto totals = order_problem(rules, apps, scores, {"A", "D"});
  REQUIRE(totals);
  CHECK(totals->en.find("totals differ (5.00 and 4.00)") != std::string::npos);
  auto key = order_problem(rules, apps, scores, {"A", "C"});
  REQUIRE(key);
  CHECK(key->en.find("tie-break key requested") != std::string::npos);
  auto unranked = order_problem(rules, apps, scores, {"A", "E"});
  REQUIRE(unranked);
  CHECK(unranked->en.find("E is rejected") != std::string::npos);
}

namespace {

// Budget 600.00; lot x (category x) 300.00, so 300.00 is unassigned (the pool).
// P-1 (x, 200, score 9), P-2 (x, 200, 8), P-3 (y, 300, 7), P-4 (y, 100, 7: tied
// with P-3 on every key), P-5 (y, 100, 3: rejected), P-6 (y, 100, no review: incomplete).
std::string rules_text(const std::string& extra_allocation = "") {
  return R"(
[competition]
id = "com-1"
title = "t"
year = 2026
budget = 600

[scoring]
min_reviews = 1
pass_total = 5

[[criteria]]
id = "a"
name = "A"
weight = 1
min = 0
max = 10

[allocation]
)" + extra_allocation +
         R"(

[[lots]]
id = "x"
name = "X"
categories = ["x"]
budget = 300
)";
}

struct CommissionStore : testing::TempStore {
  explicit CommissionStore(const std::string& rules = rules_text(), const std::string& requests = "200,200,300,100")
      : TempStore(rules, "commission") {
    // `requests`: what P-1 to P-4 ask.
    std::vector<std::string> r;
    for (std::size_t start = 0;;) {
      std::size_t comma = requests.find(',', start);
      r.push_back(requests.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    import(ImportKind::applications,
           "id,organisation,title,category,requested\n"
           "P-1,ГО 1,t,x," +
               r[0] + "\nP-2,ГО 2,t,x," + r[1] + "\nP-3,ГО 3,t,y," + r[2] + "\nP-4,ГО 4,t,y," + r[3] +
               "\nP-5,ГО 5,t,y,100\nP-6,ГО 6,t,y,100\n");
    import(ImportKind::reviewers, "id,name\nR1,One\n");
    import(ImportKind::reviews, "application,reviewer,a\nP-1,R1,9\nP-2,R1,8\nP-3,R1,7\nP-4,R1,7\nP-5,R1,3\n");
  }
  std::int64_t log_count() { return count("decision_log"); }
  // The decision record the last `allocate` stored, as the log keeps it.
  nlohmann::json last_record() {
    auto entries = log_entries(*store, "com-1");
    REQUIRE(!entries.empty());
    CHECK(entries.back().kind == LogKind::allocate);
    return nlohmann::json::parse(entries.back().payload);
  }
  RecordedDecision record(DecisionKind kind, std::vector<std::string> apps, std::optional<Money> award = {},
                          int undo = 0, std::string reason = "because") {
    DecisionRequest r;
    r.kind = kind;
    r.applications = std::move(apps);
    r.award = award;
    r.undo = undo;
    r.reason = std::move(reason);
    return record_decision(*store, std::nullopt, r);
  }
  // The kind of failure of recording (none when it is recorded); nothing may be written when it fails.
  std::optional<ErrorKind> code(DecisionKind kind, std::vector<std::string> apps, std::optional<Money> award = {},
                                int undo = 0, std::string reason = "because") {
    std::int64_t before = log_count();
    try {
      record(kind, std::move(apps), award, undo, std::move(reason));
    } catch (const Error& e) {
      CHECK(log_count() == before);
      return e.kind();
    }
    return std::nullopt;
  }
};

Money uah(std::int64_t h) { return Money::from_hryvnias(h); }

const AllocationLine& line(const AllocateResult& r, const std::string& id) {
  for (const auto& l : r.decision.applications)
    if (l.id == id) return l;
  FAIL("no line " << id);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("commission store: decisions need a scored round") {
  CommissionStore t;
  CHECK(t.code(DecisionKind::withdraw, {"P-1"}) == ErrorKind::conflict);
  CHECK(t.log_count() == 0);
}

TEST_CASE("commission store: a refusal names its request, the input and the remedy as data, not in words") {
  CommissionStore t;
  auto refusal = [&](DecisionKind kind, std::vector<std::string> apps, std::optional<Money> award, int undo,
                     std::string reason) -> Error {
    try {
      t.record(kind, std::move(apps), award, undo, std::move(reason));
    } catch (const Error& e) {
      return e;
    }
    FAIL("recorded");
    throw std::logic_error("unreachable");
  };
  Error unscored = refusal(DecisionKind::withdraw, {"P-1"}, {}, 0, "because");
  CHECK(std::string(unscored.what()) == "round com-1 is not scored yet; commission decisions apply to the ranking");
  CHECK(unscored.remedy() == Remedy::score_before_deciding);
  REQUIRE(unscored.subject());
  CHECK(unscored.subject()->kind == DecisionKind::withdraw);
  CHECK_FALSE(unscored.subject()->number.has_value());
  CHECK(unscored.subject()->input == DecisionInput::none);
  // In Ukrainian (the default): the request's command line and the command to run stay as typed.
  CHECK(error_message(unscored).uk ==
        "withdraw: конкурс com-1 ще не оцінено; рішення комісії стосуються рейтингу (спершу виконайте `competition "
        "score`)");

  Error blank = refusal(DecisionKind::undo, {}, {}, 1, " ");
  CHECK(std::string(blank.what()) == "a decision needs its reason (the text is empty)");
  REQUIRE(blank.subject());
  CHECK(blank.subject()->kind == DecisionKind::undo);
  CHECK(blank.subject()->input == DecisionInput::reason);

  run_score(*t.store, std::nullopt);
  Error nothing = refusal(DecisionKind::undo, {}, {}, 3, "because");
  CHECK(std::string(nothing.what()) == "round com-1 has no decisions to undo");
  CHECK(nothing.remedy() == Remedy::none);
  REQUIRE(nothing.subject());
  CHECK(nothing.subject()->number == 3);
}

TEST_CASE("commission store: every refusal of docs/cli.md records nothing") {
  CommissionStore t;
  run_score(*t.store, std::nullopt);
  using K = DecisionKind;
  CHECK(t.code(K::withdraw, {"P-9"}) == ErrorKind::invalid);                                     // unknown
  CHECK(t.code(K::withdraw, {"P-5"}) == ErrorKind::conflict);                                    // rejected
  CHECK(t.code(K::override_award, {"P-6"}, uah(50)) == ErrorKind::conflict);                     // incomplete
  CHECK(t.code(K::override_award, {"P-9"}, uah(50)) == ErrorKind::invalid);                      // unknown
  CHECK(t.code(K::override_award, {"P-1"}, Money::from_kopiykas(20001)) == ErrorKind::invalid);  // above the request
  CHECK(t.code(K::withdraw, {"P-1"}, {}, 0, "   \n") == ErrorKind::invalid);                     // blank reason
  CHECK(t.code(K::withdraw, {"P-1"}, {}, 0, "\xff") == ErrorKind::invalid);                      // not UTF-8
  CHECK(t.code(K::order, {"P-1", "P-2"}) == ErrorKind::conflict);                                // not tied
  CHECK(t.code(K::order, {"P-3"}) == ErrorKind::conflict);                                       // one alone
  CHECK(t.code(K::order, {"P-3", "P-3"}) == ErrorKind::invalid);                                 // named twice
  CHECK(t.code(K::order, {"P-3", "P-5"}) == ErrorKind::conflict);                                // not ranked
  CHECK(t.code(K::undo, {}, {}, 1) == ErrorKind::invalid);                                       // no decision 1 yet

  // Lot x holds 300.00: 200.00 + 200.00 of overrides exceed it.
  CHECK(t.code(K::override_award, {"P-1"}, uah(200)) == std::nullopt);
  CHECK(t.code(K::override_award, {"P-2"}, uah(200)) == ErrorKind::conflict);
  CHECK(t.code(K::override_award, {"P-2"}, uah(100)) == std::nullopt);
  // Category y is in no lot: charged to the pool, which starts with the 300.00 no lot holds.
  CHECK(t.code(K::override_award, {"P-3"}, uah(300)) == std::nullopt);
  CHECK(t.code(K::override_award, {"P-4"}, uah(1)) == ErrorKind::conflict);
  // The same decision again changes nothing.
  CHECK(t.code(K::override_award, {"P-3"}, uah(300)) == ErrorKind::conflict);
  CHECK(t.log_count() == 3);

  // Undo: out of range, then twice.
  CHECK(t.code(K::undo, {}, {}, 4) == ErrorKind::invalid);
  CHECK(t.code(K::undo, {}, {}, 3) == std::nullopt);
  CHECK(t.code(K::undo, {}, {}, 3) == ErrorKind::conflict);
  // Undoing the undo would reinstate P-3's 300.00 beside a new override of P-4: refused.
  CHECK(t.code(K::override_award, {"P-4"}, uah(100)) == std::nullopt);
  CHECK(t.code(K::undo, {}, {}, 4) == ErrorKind::conflict);
}

TEST_CASE("commission store: with leftover = keep an override in no lot has no pool to charge") {
  CommissionStore t(rules_text("leftover = \"keep\""));
  run_score(*t.store, std::nullopt);
  CHECK(t.code(DecisionKind::override_award, {"P-3"}, uah(100)) == ErrorKind::conflict);
  CHECK(t.code(DecisionKind::override_award, {"P-1"}, uah(100)) == std::nullopt);  // in lot x
}

TEST_CASE("commission store: the next allocate applies the decisions and the record lists them") {
  CommissionStore t;
  run_score(*t.store, std::nullopt);
  AllocateResult plain = run_allocate(*t.store, std::nullopt, {.force = false, .dry_run = true});
  // Lot x 300: P-1 200, P-2 does not fit (100 left). Pool 300 + 100: P-2 200, P-3 does not fit (200 left),
  // P-4 100.
  CHECK(line(plain, "P-1").award == uah(200));
  CHECK(line(plain, "P-2").lot == "pool");
  CHECK(line(plain, "P-3").status == AwardStatus::reserve);
  CHECK(plain.decisions.empty());
  run_allocate(*t.store, std::nullopt, {.force = false, .dry_run = false});

  RecordedDecision w = t.record(DecisionKind::withdraw, {"P-1"}, {}, 0, "відмовився");
  CHECK(w.decision.n == 1);
  CHECK(w.round.stage == Stage::allocated);
  // A decision changes nothing until the next allocate, which needs --force now.
  CHECK(line(run_allocate(*t.store, std::nullopt, {.force = true, .dry_run = true}), "P-1").status ==
        AwardStatus::withdrawn);
  AllocateResult after = run_allocate(*t.store, std::nullopt, {.force = true, .dry_run = false});
  CHECK(line(after, "P-1").status == AwardStatus::withdrawn);
  CHECK(line(after, "P-1").reasons == std::vector<std::string>{"withdrawn"});
  CHECK(line(after, "P-1").rank == 1);   // keeps its rank
  CHECK(line(after, "P-2").lot == "x");  // the next in rank order gets the lot's money
  nlohmann::json record = t.last_record();
  REQUIRE(record["decisions"].size() == 1);
  CHECK(record["decisions"][0]["reason"] == "відмовився");
  CHECK(record["fingerprint"] == after.fingerprint);
  CHECK(after.fingerprint != plain.fingerprint);

  // Undo: the allocation and the record are those without the decision again.
  t.record(DecisionKind::undo, {}, {}, 1, "лист відкликано");
  AllocateResult undone = run_allocate(*t.store, std::nullopt, {.force = true, .dry_run = false});
  CHECK(undone.fingerprint == plain.fingerprint);
  CHECK(t.last_record()["decisions"].empty());
  CHECK(t.log_count() == 5);  // allocate, withdraw, allocate, undo, allocate
  CHECK(verify_chain(*t.store, "com-1").empty());

  DecisionList list = list_decisions(*t.store, std::nullopt);
  REQUIRE(list.decisions.size() == 2);
  CHECK(list.decisions[0].undone_by == 2);
  CHECK(list.before_latest_allocation == 2);
  t.record(DecisionKind::override_award, {"P-2"}, uah(0), 0, "declined");
  list = list_decisions(*t.store, std::nullopt);
  CHECK(list.before_latest_allocation == 2);  // decision 3 is not applied yet
  CHECK(list.decisions.size() == 3);
}

TEST_CASE("commission store: ties = refuse is settled by a recorded order") {
  // Lot x 300: P-1 200, P-2 (200) does not fit. Pool 300 + 100: P-2 200, then
  // 200 is left for P-3 and P-4 (150 each, both scored 7: tied on every key):
  // only the `id` key gives it to P-3. Refused until the commission orders them.
  CommissionStore t(rules_text("ties = \"refuse\""), "200,200,150,150");
  run_score(*t.store, std::nullopt);
  std::optional<ErrorKind> code;
  try {
    run_allocate(*t.store, std::nullopt, {.force = false, .dry_run = false});
  } catch (const Error& e) {
    code = e.kind();
    CHECK(std::string(e.what()).find("(P-3, P-4) with 150.00 UAH at stake") != std::string::npos);
  }
  CHECK(code == ErrorKind::conflict);
  CHECK(t.log_count() == 0);

  t.record(DecisionKind::order, {"P-4", "P-3"}, {}, 0, "жеребкування");
  AllocateResult r = run_allocate(*t.store, std::nullopt, {.force = false, .dry_run = false});
  CHECK(line(r, "P-4").rank == 3);
  CHECK(line(r, "P-4").status == AwardStatus::funded);
  CHECK(line(r, "P-3").rank == 4);
  CHECK(line(r, "P-3").status == AwardStatus::reserve);
  nlohmann::json record = t.last_record();
  REQUIRE(record["decisions"].size() == 1);
  CHECK(record["decisions"][0]["kind"] == "order");
  CHECK(record["decisions"][0]["applications"] == nlohmann::json::array({"P-4", "P-3"}));
}
