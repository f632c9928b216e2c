// The money after the decision (docs/cli.md "ledger", docs/formats.md
// "payments.csv"): the running-sum rule and each winner's state, on small
// hand-made rounds.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/ledger.hpp"

using namespace competition;

namespace {

Money uah(std::int64_t h) { return Money::from_hryvnias(h); }

Agreement agreement(std::string application, std::int64_t amount, std::string signed_on = "2018-03-26",
                    std::string due = "2018-12-14") {
  return {std::move(application), "N/" + std::to_string(amount), std::move(signed_on), uah(amount), std::move(due)};
}

Payment paid(std::string application, std::string reference, std::string on, std::int64_t amount, bool refund = false) {
  return {std::move(application), std::move(reference), std::move(on), uah(amount), refund};
}

}  // namespace

TEST_CASE("payments: exactly the agreement is fine; one kopiyka above breaks at the payment that crosses it") {
  const std::vector<Agreement> a = {agreement("A-1", 1000)};
  CHECK(payment_violations(a, {paid("A-1", "P-1", "2018-04-01", 600), paid("A-1", "P-2", "2018-10-01", 400)}).empty());
  std::vector<Payment> p = {paid("A-1", "P-2", "2018-10-01", 400), paid("A-1", "P-1", "2018-04-01", 600)};
  p[0].amount = Money::from_kopiykas(40001);
  const auto v = payment_violations(a, p);
  REQUIRE(v.size() == 1);
  CHECK(v[0].reference == "P-2");  // taken by date: P-1 first, P-2 crosses
  CHECK(v[0].rule == PaymentRule::above_agreement);
  CHECK(v[0].running == Money::from_kopiykas(100001));
}

TEST_CASE("payments: same day, by reference; a refund first falls below zero; only the first break is reported") {
  const std::vector<Agreement> a = {agreement("A-1", 1000)};
  const auto v =
      payment_violations(a, {paid("A-1", "P-2", "2018-04-01", 100), paid("A-1", "P-1", "2018-04-01", 50, true),
                             paid("A-1", "P-3", "2018-04-02", 5000)});
  REQUIRE(v.size() == 1);
  CHECK(v[0].reference == "P-1");
  CHECK(v[0].rule == PaymentRule::below_zero);
  CHECK(v[0].running == uah(-50));
}

TEST_CASE("payments: one dated before the agreement; payments without an agreement are not looked at") {
  const auto v = payment_violations({agreement("A-1", 1000, "2018-03-26")},
                                    {paid("A-1", "P-1", "2018-03-25", 10), paid("A-2", "P-2", "2018-01-01", 99999)});
  REQUIRE(v.size() == 1);
  CHECK(v[0].rule == PaymentRule::before_agreement);
  CHECK(v[0].paid_on == "2018-03-25");
  CHECK(v[0].agreement.signed_on == "2018-03-26");
}

TEST_CASE("net paid: payments minus refunds, up to a date") {
  const std::vector<Payment> p = {paid("A-1", "P-1", "2018-04-01", 600), paid("A-1", "P-2", "2018-10-01", 400),
                                  paid("A-1", "P-3", "2018-12-20", 50, true)};
  CHECK(net_paid(p).at("A-1") == uah(950));
  CHECK(net_paid(p, std::string("2018-10-01")).at("A-1") == uah(1000));
  CHECK(net_paid(p, std::string("2018-03-31")).empty());
}

TEST_CASE("ledger: each state, the first that holds, at the end of the date") {
  LedgerInput in;
  in.round = "r";
  in.awards = {{"A-1", uah(1000)}, {"A-2", uah(1000)}, {"A-3", uah(1000)},
               {"A-4", uah(1000)}, {"A-5", uah(1000)}, {"A-6", uah(500)}};
  in.agreements = {agreement("A-1", 900), agreement("A-2", 1000), agreement("A-3", 1000), agreement("A-4", 1000),
                   agreement("A-5", 1000, "2019-01-02")};
  in.payments = {paid("A-1", "P-1", "2018-04-01", 900), paid("A-2", "P-2", "2018-04-01", 1000),
                 paid("A-3", "P-3", "2018-04-01", 400),
                 // money left on an application that has no award any more
                 paid("A-7", "P-7", "2018-04-01", 300)};
  in.received = {{"A-1", "2018-12-14"}, {"A-4", "2019-01-05"}};
  in.as_of = "2018-12-14";
  Ledger l = build_ledger(in);
  REQUIRE(l.lines.size() == 7);
  CHECK(l.lines[0].state == LedgerState::reported);  // received on the due date
  CHECK(l.lines[1].state == LedgerState::paid);
  CHECK(l.lines[2].state == LedgerState::paying);
  CHECK(l.lines[3].state == LedgerState::signed_agreement);
  CHECK(l.lines[4].state == LedgerState::no_agreement);  // signed after the date: left out
  CHECK(l.lines[5].state == LedgerState::no_agreement);
  CHECK(l.lines[6].application == "A-7");
  CHECK(l.lines[6].award == Money());
  CHECK(l.lines[6].to_pay == uah(-300));
  CHECK(l.lines[0].to_pay == Money());   // the agreement (900), not the award (1000)
  CHECK(l.lines[5].to_pay == uah(500));  // no agreement: the award
  CHECK(l.totals.award == uah(5500));
  CHECK(l.totals.agreed == uah(3900));
  CHECK(l.totals.paid == uah(2600));
  CHECK(l.totals.to_pay == uah(2800));  // 0 + 0 + 600 + 1000 + 1000 (A-5: the award) + 500 − 300

  in.as_of = "2018-12-15";  // the day after the due date
  l = build_ledger(in);
  CHECK(l.lines[0].state == LedgerState::reported);
  CHECK(l.lines[1].state == LedgerState::overdue);
  CHECK(l.lines[2].state == LedgerState::overdue);
  CHECK(l.lines[3].state == LedgerState::overdue);  // received later, on 2019-01-05
  CHECK(to_string(l.lines[3].state) == "overdue");
  CHECK(to_string(LedgerState::signed_agreement) == "signed");
  CHECK(to_string(LedgerState::no_agreement) == "no_agreement");
}

TEST_CASE("ledger: refunds by the date apart from paid; a report after its due date is late, still `reported`") {
  LedgerInput in;
  in.round = "r";
  in.awards = {{"A-1", uah(1000)}, {"A-2", uah(1000)}, {"A-3", uah(1000)}};
  in.agreements = {agreement("A-1", 1000), agreement("A-2", 1000), agreement("A-3", 1000)};
  in.payments = {paid("A-1", "P-1", "2018-04-01", 1000), paid("A-1", "P-2", "2018-12-20", 250, true),
                 paid("A-1", "P-3", "2019-02-01", 50, true), paid("A-2", "P-4", "2018-04-01", 1000)};
  in.received = {{"A-1", "2018-12-14"}, {"A-2", "2018-12-15"}};
  in.as_of = "2019-01-31";
  Ledger l = build_ledger(in);
  REQUIRE(l.lines.size() == 3);
  CHECK(l.lines[0].paid == uah(750));
  CHECK(l.lines[0].refunded == uah(250));  // P-3 comes after the date
  CHECK(l.lines[0].to_pay == uah(250));    // (agreed − paid): the refunded money is what the agreement still allows
  CHECK(l.lines[0].state == LedgerState::reported);
  CHECK_FALSE(l.lines[0].late);  // received on the due date
  CHECK(l.lines[1].refunded == Money());
  CHECK(l.lines[1].state == LedgerState::reported);
  CHECK(l.lines[1].late);  // a day after 2018-12-14
  CHECK(l.lines[2].state == LedgerState::overdue);
  CHECK_FALSE(l.lines[2].late);  // late is said of a report that came
  CHECK(l.totals.refunded == uah(250));
  CHECK(l.totals.paid == uah(1750));

  in.as_of = "2018-12-14";  // A-2's report not yet in, not yet due
  l = build_ledger(in);
  CHECK(l.lines[0].refunded == Money());
  CHECK(l.lines[1].state == LedgerState::paid);
  CHECK_FALSE(l.lines[1].late);
}
