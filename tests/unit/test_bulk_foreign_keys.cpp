// store/bulk_foreign_keys: the writes made without SQLite's foreign-key checks
// (the bulk imports, `score`, `allocate`) leave a database that passes them,
// and the checks are on again after each command, also after a failed one.
#include "store/bulk_foreign_keys.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "commands/allocate_round.hpp"
#include "commands/score_round.hpp"
#include "temp_store.hpp"
#include "values/diagnostic.hpp"

using namespace competition;

namespace {

bool checks_on(Store& store) { return store.db().execAndGet("PRAGMA foreign_keys").getInt() == 1; }

// Each row `PRAGMA foreign_key_check` reports: table, rowid, parent.
std::vector<std::string> violations(Store& store) {
  SQLite::Statement q(store.db(), "PRAGMA foreign_key_check");
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString() + "->" + q.getColumn(2).getString());
  return out;
}

}  // namespace

TEST_CASE("bulk foreign keys: imports, score and allocate store only rows whose parents exist, checks on after") {
  testing::TempStore t(testing::one_criterion_rules("fk-1", "150"), "bulk-foreign-keys");
  REQUIRE(checks_on(*t.store));
  t.import(ImportKind::applications,
           "id,organisation,edrpou,title,requested\nP-1,ГО Один,12345678,t,100\nP-2,ГО Два,,t,40\nP-3,ГО Один,,t,40\n");
  t.import(ImportKind::reviewers, "id,name\nR1,One\nR2,Two\n");
  t.import(ImportKind::reviews, "application,reviewer,a\nP-1,R1,9\nP-2,R1,8\nP-3,R1,7\nP-1,R2,8\n");
  CHECK(checks_on(*t.store));
  run_score(*t.store, std::nullopt);
  CHECK(checks_on(*t.store));
  // P-1 (100) and P-2 (40) are funded from 150; P-3 (40) does not fit in the 10 left.
  AllocateResult r = run_allocate(*t.store, std::nullopt, {.force = false, .dry_run = false});
  CHECK(r.stored);
  CHECK(checks_on(*t.store));
  CHECK(t.count("organisations") == 2);
  CHECK(t.count("scores") == 3);
  CHECK(t.count("allocations") == 3);
  CHECK(violations(*t.store).empty());
  // A refused command turns them back on too: allocating an allocated round.
  CHECK_THROWS_AS(run_allocate(*t.store, std::nullopt, {.force = false, .dry_run = false}), Error);
  CHECK(checks_on(*t.store));
}

TEST_CASE("bulk foreign keys: off only while one lives, and only when asked") {
  testing::TempStore t(testing::one_criterion_rules("fk-1", "150"), "bulk-foreign-keys");
  {
    BulkForeignKeys off(*t.store, true);
    CHECK_FALSE(checks_on(*t.store));
  }
  CHECK(checks_on(*t.store));
  {
    BulkForeignKeys kept(*t.store, false);
    CHECK(checks_on(*t.store));
  }
  CHECK(checks_on(*t.store));
}
