// engine/money_entry.hpp: the `money` entry of the decision log (docs/audit.md
// "Agreements and payments"): each table's SHA-256 and each row's digest, and
// audit's comparison naming the rows added, changed or removed since.
// The hashes were worked out with Python's hashlib over the lines written here.
#include <doctest/doctest.h>

#include "base/canonical_json.hpp"
#include "engine/money_entry.hpp"

using namespace competition;

namespace {

Money uah(std::int64_t h) { return Money::from_hryvnias(h); }

const Agreement agreement{"A-1", "1/2018", "2018-03-26", uah(1000), "2018-12-14"};
const Payment payment{"A-1", "P-1", "2018-04-01", uah(1000), false};
Outcome outcome() {
  Outcome o;
  o.application = "A-1";
  o.clients = 10;
  o.volunteers = 2;
  o.attracted = uah(500);
  o.received_on = "2018-11-26";
  return o;
}

}  // namespace

TEST_CASE("money entry: each table's SHA-256 of its canonical CSV and each row's digest") {
  const std::vector<MoneyTable> tables = money_tables({agreement}, {payment}, {outcome()});
  REQUIRE(tables.size() == 3);
  CHECK(tables[1].rows.at("A-1").line == "A-1,10,,2,500.00,2018-11-26");
  CHECK(tables[2].rows.at("P-1").application == "A-1");
  CHECK(canonical_json(money_payload(tables)) ==
        R"({"agreements":"b469a2f67a7400ee721d00aff172c50637469847f7d79efe8919e51a75bdc65a",)"
        R"("outcomes":"d6f2c1a6d3923851f79aec98706f17d9b191354594382cbd6a6ef04203a9fdcb",)"
        R"("payments":"846c102ec305459d88ba66732a702d30b0eea48c65f3b5385442c8d01da794b0",)"
        R"("rows":{"agreements":{"A-1":"469d707c76650a5c"},"outcomes":{"A-1":"fce3d11a0b30af8d"},)"
        R"("payments":{"P-1":"50e8c3f219c30bd8"}}})");
}

TEST_CASE("money entry: the tables as logged match; a row changed, added or removed since is named") {
  const nlohmann::ordered_json logged = money_payload(money_tables({agreement}, {payment}, {outcome()}));
  std::vector<Difference> d;
  for (const MoneyTable& t : money_tables({agreement}, {payment}, {outcome()})) compare_money_entry(t, &logged, 7, d);
  CHECK(d.empty());

  // P-1's amount edited, P-2 inserted, the outcome deleted.
  Payment edited = payment;
  edited.amount = uah(1500);
  const Payment inserted{"A-1", "P-2", "2018-04-02", uah(500), false};
  const std::vector<MoneyTable> now = money_tables({agreement}, {edited, inserted}, {});
  for (const MoneyTable& t : now) compare_money_entry(t, &logged, 7, d);
  REQUIRE(d.size() == 5);
  CHECK(d[0].field == "outcomes");
  CHECK(d[0].computed == "d6f2c1a6d3923851f79aec98706f17d9b191354594382cbd6a6ef04203a9fdcb");
  CHECK(d[1] == Difference{"A-1", "outcomes.A-1.row", std::nullopt, "fce3d11a0b30af8d"});
  CHECK(d[2].field == "payments");
  CHECK(d[2].computed == "846c102ec305459d88ba66732a702d30b0eea48c65f3b5385442c8d01da794b0");
  CHECK(d[3] == Difference{"A-1", "payments.P-1.row", "A-1,P-1,2018-04-01,1500.00,payment", "50e8c3f219c30bd8"});
  CHECK(d[4] == Difference{"A-1", "payments.P-2.row", "A-1,P-2,2018-04-02,500.00,payment", std::nullopt});
}

TEST_CASE("money entry: a table no entry logs, an entry of an earlier version, a logged hash that is not text") {
  std::vector<Difference> d;
  const MoneyTable outcomes = money_tables({}, {}, {outcome()})[1];
  compare_money_entry(outcomes, nullptr, 0, d);
  REQUIRE(d.size() == 1);
  CHECK(d[0] == Difference{std::nullopt, "outcomes", outcomes.sha256, std::nullopt});

  // An earlier version logged the two hashes without rows: the table is named, no row.
  d.clear();
  const nlohmann::ordered_json old = {{"agreements", "0"}, {"payments", "1"}};
  compare_money_entry(money_tables({agreement}, {}, {})[0], &old, 3, d);
  REQUIRE(d.size() == 1);
  CHECK(d[0].field == "agreements");
  CHECK(d[0].computed == "0");

  d.clear();
  const nlohmann::ordered_json bad = {{"agreements", 5}};
  compare_money_entry(money_tables({agreement}, {}, {})[0], &bad, 3, d);
  REQUIRE(d.size() == 1);
  CHECK(d[0].field == "log.3.agreements");
  CHECK(d[0].problem);
  CHECK(d[0].said.uk == "не SHA-256 таблиці");
}

TEST_CASE("money entry: the last money entry that logs a table") {
  std::vector<LogEntry> entries(3);
  entries[0] = {1, "r", LogKind::money, R"({"agreements":"a","payments":"p"})", "", "", ""};
  entries[1] = {2, "r", LogKind::allocate, R"({"outcomes":"x"})", "", "", ""};
  entries[2] = {3, "r", LogKind::money, R"({"agreements":"b","outcomes":"o","payments":"q"})", "", "", ""};
  CHECK(last_logged_money(entries, "outcomes")->seq == 3);
  entries.pop_back();
  CHECK(!last_logged_money(entries, "outcomes"));
  CHECK(last_logged_money(entries, "payments")->payload["payments"] == "p");
}
