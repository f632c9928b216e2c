// docs/formats.md "agreements.csv" and "payments.csv": what a winner signed and
// what it was paid after the decision (docs/cli.md "ledger").
#pragma once
#include <string>

#include "values/money.hpp"

namespace competition {

// A grant agreement: one per application, its number unique in the round;
// dates are YYYY-MM-DD. `amount` is as stored (an empty cell resolved to the award).
struct Agreement {
  std::string application;
  std::string number;
  std::string signed_on;
  Money amount;
  std::string report_due;
  bool operator==(const Agreement&) const = default;
};

// One payment order: money paid under an agreement (a tranche), or money
// returned (`refund`), always a positive amount; its reference is unique in the round.
struct Payment {
  std::string application;
  std::string reference;
  std::string paid_on;
  Money amount;
  bool refund = false;
  bool operator==(const Payment&) const = default;
};

}  // namespace competition
