// `allocate` as a library call: ties = "refuse" (docs/cli.md "Commission
// decisions") and run_allocate over a real store: the stage checks, the
// stored scores and hashes it decides from, --dry-run and --force.
#include <doctest/doctest.h>

#include <string>

#include "commands/allocate_round.hpp"
#include "commands/audit.hpp"
#include "commands/importer.hpp"
#include "commands/score_round.hpp"
#include "store/allocation_store.hpp"
#include "store/decision_log.hpp"
#include "store/rounds.hpp"
#include "temp_store.hpp"
#include "values/diagnostic.hpp"

using namespace competition;

namespace {

const char* rules_text = R"(
[competition]
id = "ties-1"
title = "t"
year = 2024
budget = 150

[[criteria]]
id = "a"
name = "A"
weight = 1
min = 0
max = 10

[allocation]
ties = "refuse"
)";

struct RoundStore : testing::TempStore {
  RoundStore() : TempStore(rules_text, "allocate-round") {}
  std::optional<ErrorKind> allocate_code(bool force, bool dry_run) {
    try {
      run_allocate(*store, std::nullopt, {.force = force, .dry_run = dry_run});
    } catch (const Error& e) {
      return e.kind();
    }
    return std::nullopt;
  }
};

// Budget 150.00: P-1 asks 100.00 and scores 9; P-2 and P-3 ask 40.00 each, P-2
// scores 8 and P-3 `p3_score`. After P-1, 50.00 is left: room for one of them.
void import_round(RoundStore& t, const char* p3_score) {
  t.import(ImportKind::applications,
           "id,organisation,title,requested\nP-1,ГО Один,t,100\nP-2,ГО Два,t,40\nP-3,ГО Три,t,40\n");
  t.import(ImportKind::reviewers, "id,name\nR1,One\n");
  t.import(ImportKind::reviews, std::string("application,reviewer,a\nP-1,R1,9\nP-2,R1,8\nP-3,R1,") + p3_score + "\n");
}

}  // namespace

TEST_CASE("allocate round: ties = refuse stops when a full tie straddles the money line") {
  RoundStore t;
  // P-1 100 funded, 50 left: P-2 (40) funded, P-3 (40) not; P-2 and P-3 tied on every key.
  import_round(t, "8");
  run_score(*t.store, std::nullopt);
  try {
    run_allocate(*t.store, std::nullopt, {.force = false, .dry_run = false});
    FAIL("expected a conflict");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::conflict);
    CHECK(std::string(e.what()).find("(P-2, P-3)") != std::string::npos);
  }
  CHECK(t.count("decision_log") == 0);
  CHECK(t.store->find_round("ties-1")->stage == Stage::scored);
}

TEST_CASE("allocate round: no refusal when the tie does not decide who gets money") {
  RoundStore t;
  import_round(t, "7");
  run_score(*t.store, std::nullopt);
  AllocateResult r = run_allocate(*t.store, std::nullopt, {.force = false, .dry_run = false});
  CHECK(r.stored);
  CHECK(r.decision.awarded == Money::from_hryvnias(140));
}

TEST_CASE("allocate round: stages, dry run and force") {
  RoundStore t;
  import_round(t, "7");
  CHECK(t.allocate_code(false, false) == ErrorKind::conflict);  // not scored
  run_score(*t.store, std::nullopt);
  AllocateResult dry = run_allocate(*t.store, std::nullopt, {.force = false, .dry_run = true});
  CHECK_FALSE(dry.stored);
  CHECK(t.count("allocations") == 0);
  CHECK(t.count("decision_log") == 0);
  AllocateResult real = run_allocate(*t.store, std::nullopt, {.force = false, .dry_run = false});
  CHECK(real.fingerprint == dry.fingerprint);
  CHECK(real.fingerprint.size() == 7 + 64);
  CHECK(real.log_seq == 1);
  CHECK(t.count("allocations") == 3);
  CHECK(load_allocation(*t.store, "ties-1").size() == 3);
  CHECK(t.allocate_code(false, false) == ErrorKind::conflict);  // already allocated
  CHECK(t.allocate_code(true, true) == std::nullopt);           // --force --dry-run
  CHECK(t.count("decision_log") == 1);
  AllocateResult again = run_allocate(*t.store, std::nullopt, {.force = true, .dry_run = false});
  CHECK(again.log_seq == 2);
  CHECK(again.fingerprint == real.fingerprint);
  CHECK(verify_chain(*t.store, "ties-1").empty());
  // The stored decision reads back as it was decided.
  auto lines = load_allocation(*t.store, "ties-1");
  REQUIRE(lines.size() == again.decision.applications.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    CHECK(lines[i].id == again.decision.applications[i].id);
    CHECK(lines[i].award == again.decision.applications[i].award);
    CHECK(lines[i].status == again.decision.applications[i].status);
    CHECK(lines[i].lot == again.decision.applications[i].lot);
    CHECK(lines[i].reasons == again.decision.applications[i].reasons);
    CHECK(lines[i].rank == again.decision.applications[i].rank);
  }
}

TEST_CASE("allocate round: a tie across lots is not refused when the order would not change the money") {
  Rules rules;
  rules.id = "t";
  rules.budget = Money::from_hryvnias(100);
  rules.leftover = Leftover::keep;
  Lot a;
  a.id = "a";
  a.categories = {"a"};
  a.budget = Money::from_hryvnias(50);
  Lot b;
  b.id = "b";
  b.categories = {"b"};
  b.budget = Money::from_hryvnias(0);
  rules.lots = {a, b};
  std::vector<Application> apps;
  ScoreResult scores;
  int rank = 0;
  for (auto [id, category] : {std::pair{"P-1", "a"}, std::pair{"P-2", "b"}, std::pair{"P-3", "a"}}) {
    Application x;
    x.id = id;
    x.organisation = id;
    x.category = category;
    x.requested = Money::from_hryvnias(40);
    apps.push_back(x);
    ScoredApplication s;
    s.id = id;
    s.status = ScoreStatus::ranked;
    s.rank = ++rank;
    s.total = Rational(7);  // all three tied on every key
    scores.applications.push_back(s);
  }
  // P-1 (a) funded from lot a; P-2 (b) gets nothing whatever the order (lot b is
  // empty); P-3 (a) gets nothing only because P-1's id comes first.
  Decision d = allocate(rules, apps, scores);
  auto ties = ties_at_money_line(rules, apps, scores, {}, d);
  REQUIRE(ties.size() == 1);
  CHECK(ties[0] == std::vector<std::string>{"P-1", "P-2", "P-3"});

  SUBCASE("without P-3 the order does not matter") {
    apps.pop_back();
    scores.applications.pop_back();
    Decision d2 = allocate(rules, apps, scores);
    CHECK(ties_at_money_line(rules, apps, scores, {}, d2).empty());
  }
  SUBCASE("a commission order covering the group settles it") {
    AppliedDecisions dec;
    dec.orders = {TieOrder{{"P-1", "P-2", "P-3"}}};
    CHECK(ties_at_money_line(rules, apps, scores, dec, d).empty());
  }
  SUBCASE("a withdrawn member takes no part") {
    AppliedDecisions dec;
    dec.withdrawn = {"P-3"};
    Decision d3 = allocate(rules, apps, scores, dec);
    CHECK(ties_at_money_line(rules, apps, scores, dec, d3).empty());
  }
}

namespace {

// The message of refusing to allocate after `sql` changed the store of the
// round imported with P-3 scoring 7 (ranks P-1, P-2, P-3) and scored; the
// remedy it names is `remedy`; "allocated" when it allocated.
std::string refused_after(const std::string& sql, Remedy remedy = Remedy::score_again) {
  RoundStore t;
  import_round(t, "7");
  run_score(*t.store, std::nullopt);
  t.store->db().exec(sql);
  try {
    run_allocate(*t.store, std::nullopt, {.force = false, .dry_run = false});
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::conflict);
    CHECK(e.remedy() == remedy);
    CHECK(t.count("allocations") == 0);
    CHECK(t.count("decision_log") == 0);
    return e.what();
  }
  return "allocated";
}

std::string uncovered(const std::string& id) {
  return "round ties-1: the stored scores do not match the round's applications (application " + id + ")";
}

// What stored_difference (audit's comparison) names after `sql` changed the
// stored scores, against the result `score` computed.
std::optional<std::string> difference_after(const std::string& sql) {
  RoundStore t;
  import_round(t, "7");
  const ScoreResult fresh = run_score(*t.store, std::nullopt);
  t.store->db().exec(sql);
  return stored_difference(*t.store, "ties-1", Store::rules_of(*t.store->find_round("ties-1")), fresh);
}

}  // namespace

TEST_CASE("allocate round: decides from the stored scores, which must name the applications `score` read") {
  // Untouched: allocated.
  CHECK(refused_after("SELECT 1") == "allocated");
  // A stored row gone missing, or one for an application not in the round, is named.
  CHECK(refused_after("DELETE FROM scores WHERE application = 'P-3'") == uncovered("P-3"));
  CHECK(refused_after("PRAGMA foreign_keys = OFF; INSERT INTO scores SELECT round_id, 'P-0', status, rank, total, "
                      "criteria, reviews, flags, reasons FROM scores WHERE application = 'P-1'") == uncovered("P-0"));
  // An application changed behind the program's back: its hash is not the one `score` read.
  CHECK(refused_after("UPDATE applications SET requested = requested + 100 WHERE id = 'P-2'") ==
        "round ties-1: the applications changed since `score` (their SHA-256 is not the one `score` read)");
  // Rows that cannot be read: the first in the stored order (by rank) is named.
  CHECK(refused_after("UPDATE scores SET total = 'x' WHERE application = 'P-3'; "
                      "UPDATE scores SET criteria = 'zz=1/1' WHERE application = 'P-2'",
                      Remedy::score_stored_again) ==
        "round ties-1: the stored score of P-2 does not match the criteria of the rules");
}

TEST_CASE("allocate round: the reviews are not read again; audit finds a review changed behind the program's back") {
  RoundStore t;
  import_round(t, "7");
  run_score(*t.store, std::nullopt);
  // P-3's review now gives 1, not 7: allocate decides from the stored scores
  // and records the reviews `score` read, which audit no longer finds.
  t.store->db().exec("UPDATE reviews SET scores = 'a=1' WHERE application = 'P-3'");
  AllocateResult r = run_allocate(*t.store, std::nullopt, {.force = false, .dry_run = false});
  CHECK(r.stored);
  RoundAudit a = audit_round(*t.store, *t.store->find_round("ties-1"));
  CHECK_FALSE(a.ok());
  bool reviews_hash = false, p3_total = false;
  for (const Difference& d : a.differences) {
    if (d.field == "inputs.reviews.csv") reviews_hash = true;
    if (d.application == "P-3" && d.field == "score.total") p3_total = true;
  }
  CHECK(reviews_hash);
  CHECK(p3_total);
}

TEST_CASE("allocate round: a round scored before migration 11 has its reviews hashed by allocate, to the same record") {
  RoundStore t, old;
  import_round(t, "7");
  import_round(old, "7");
  run_score(*t.store, std::nullopt);
  run_score(*old.store, std::nullopt);
  old.store->db().exec("DELETE FROM scored_inputs");
  AllocateResult r = run_allocate(*t.store, std::nullopt, {.force = false, .dry_run = false});
  AllocateResult o = run_allocate(*old.store, std::nullopt, {.force = false, .dry_run = false});
  CHECK(o.fingerprint == r.fingerprint);
}

TEST_CASE("stored_difference: the stored scores against a fresh result, as audit compares them") {
  CHECK(difference_after("SELECT 1") == std::nullopt);
  // A changed score is named; so is a stored row gone missing.
  CHECK(difference_after("UPDATE scores SET total = '17/2' WHERE application = 'P-2'") == "P-2");
  CHECK(difference_after("DELETE FROM scores WHERE application = 'P-3'") == "P-3");
  CHECK(difference_after("UPDATE scores SET flags = 'spread:a' WHERE application = 'P-1'") == "P-1");
  // Only the ranks swapped: the first moved one in the fresh ranking.
  CHECK(difference_after("UPDATE scores SET rank = 5 - rank WHERE application IN ('P-2', 'P-3')") == "P-2");
  // A stored row for an application that is not in the round comes before a
  // moved rank, after a changed score.
  const std::string extra =
      "PRAGMA foreign_keys = OFF; INSERT INTO scores SELECT round_id, 'P-0', status, rank, total, "
      "criteria, reviews, flags, "
      "reasons FROM scores WHERE application = 'P-1'; ";
  CHECK(difference_after(extra + "UPDATE scores SET rank = 5 - rank WHERE application IN ('P-2', 'P-3')") == "P-0");
  CHECK(difference_after(extra + "UPDATE scores SET reviews = 2 WHERE application = 'P-3'") == "P-3");
}
