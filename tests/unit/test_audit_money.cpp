// docs/audit.md "Agreements and payments": the money after the decision
// against the awards now, as audit's differences, and the overdue reports.
#include <doctest/doctest.h>

#include "engine/audit_money.hpp"

using namespace competition;

namespace {

Money uah(std::int64_t h) { return Money::from_hryvnias(h); }

}  // namespace

TEST_CASE("audit money: within the award and the agreement, nothing to report") {
  std::vector<Difference> d;
  compare_money({{"A-1", uah(1000)}}, {{"A-1", "1/2018", "2018-03-26", uah(1000), "2018-12-14"}},
                {{"A-1", "P-1", "2018-04-01", uah(1000), false}}, d);
  CHECK(d.empty());
}

TEST_CASE("audit money: an award taken away after payment; a payment above the agreement; one with no agreement") {
  std::vector<Difference> d;
  compare_money({{"A-2", uah(500)}},
                {{"A-1", "1/2018", "2018-03-26", uah(1000), "2018-12-14"},
                 {"A-2", "2/2018", "2018-03-26", uah(500), "2018-12-14"}},
                {{"A-1", "P-1", "2018-04-01", uah(1000), false},
                 {"A-2", "P-2", "2018-04-01", uah(600), false},
                 {"A-3", "P-3", "2018-04-01", uah(10), false}},
                d);
  REQUIRE(d.size() == 5);
  CHECK(d[0] == Difference{"A-1", "agreement.amount", "1000.00", "<= 0.00"});
  CHECK(d[1] == Difference{"A-3", "payments.P-3.agreement", std::nullopt, "an agreement"});
  CHECK(d[2] == Difference{"A-2", "paid", "600.00", "<= 500.00"});
  CHECK(d[3] == Difference{"A-1", "paid.award", "1000.00", "0.00"});
  CHECK(d[4] == Difference{"A-3", "paid.award", "10.00", "0.00"});
}

TEST_CASE("audit money: overdue reports, by the due date and what was received by today") {
  const std::vector<Agreement> a = {{"A-1", "1", "2018-03-26", uah(1), "2018-12-14"},
                                    {"A-2", "2", "2018-03-26", uah(1), "2018-12-14"},
                                    {"A-3", "3", "2018-03-26", uah(1), "2018-12-15"},
                                    {"A-4", "4", "2018-03-26", uah(1), "2018-12-01"}};
  const std::map<std::string, std::string> received = {{"A-1", "2018-12-14"}, {"A-4", "2018-12-16"}};
  CHECK(overdue_reports(a, received, "2018-12-15") == std::vector<std::string>{"A-2", "A-4"});
  CHECK(overdue_reports(a, received, "2018-12-14") == std::vector<std::string>{"A-4"});
  CHECK(overdue_reports(a, received, "2018-12-01").empty());
}
