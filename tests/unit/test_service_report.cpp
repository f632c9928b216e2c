// docs/report.md "By service": winning organisations per service and their share
// of all the year's winning organisations, exact, rounded half away from zero.
#include <doctest/doctest.h>

#include "engine/service_report.hpp"

using namespace competition;

namespace {

Application app(std::string id, std::string org, std::vector<std::string> services) {
  Application a;
  a.id = std::move(id);
  a.organisation_key = "org:" + org;
  a.services = std::move(services);
  return a;
}

}  // namespace

TEST_CASE("by service: organisations counted once, shares of all winning organisations, most common first") {
  RoundData r;
  r.id = "r";
  r.year = 2019;
  r.allocated = true;
  // Eight winning organisations (one, Org1, with two projects); a loser's services do not count.
  r.applications = {app("p1", "1", {"legal", "information"}),
                    app("p1b", "1", {"legal", "psychological"}),
                    app("p2", "2", {"legal"}),
                    app("p3", "3", {"legal"}),
                    app("p4", "4", {"zeta"}),
                    app("p5", "5", {"alpha"}),
                    app("p6", "6", {}),
                    app("p7", "7", {}),
                    app("p8", "8", {}),
                    app("lost", "9", {"household"})};
  for (const auto& a : r.applications)
    r.decision.push_back({a.id, a.id == "lost" ? "rejected" : (a.id == "p8" ? "partial" : "funded"), Money()});
  ReportInput in;
  in.rounds = {r};
  ServiceTable t = build_service_table(in);
  REQUIRE(t.years.size() == 1);
  const ServiceYear& y = t.years[0];
  CHECK(y.organisations == 8);
  REQUIRE(y.rows.size() == 5);
  CHECK(y.rows[0].service == "legal");
  CHECK(y.rows[0].organisations == 3);  // org 1 twice, 2, 3
  CHECK(y.rows[0].share == 38);         // 37.5 → 38, half away from zero
  // Ties by slug: alpha, information, psychological, zeta (1 of 8 = 12.5 → 13).
  CHECK(y.rows[1].service == "alpha");
  CHECK(y.rows[2].service == "information");
  CHECK(y.rows[3].service == "psychological");
  CHECK(y.rows[4].service == "zeta");
  CHECK(y.rows[4].organisations == 1);
  CHECK(y.rows[4].share == 13);
}

TEST_CASE("by service: a year without winners has no rows and no division") {
  RoundData r;
  r.id = "r";
  r.year = 2019;
  r.allocated = true;
  r.applications = {app("p1", "1", {"legal"})};
  r.decision = {{"p1", "reserve", Money()}};
  ReportInput in;
  in.rounds = {r};
  ServiceTable t = build_service_table(in);
  REQUIRE(t.years.size() == 1);
  CHECK(t.years[0].organisations == 0);
  CHECK(t.years[0].rows.empty());
}
