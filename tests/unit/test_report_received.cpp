// values/report_received.hpp: the one rule of "received by the end of a day"
// that the ledger, the report and the audit's overdue notes share.
#include <doctest/doctest.h>

#include "values/report_received.hpp"

using namespace competition;

TEST_CASE("report received: on or before the day counts, the day after does not") {
  CHECK(received_by("2018-11-26", "2018-11-26"));
  CHECK(received_by("2018-11-25", "2018-11-26"));
  CHECK_FALSE(received_by("2018-11-27", "2018-11-26"));
  CHECK_FALSE(received_by("2019-01-01", "2018-12-31"));
}
