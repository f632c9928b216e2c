// The money after the decision (docs/cli.md "ledger", docs/formats.md
// "payments.csv"): the running-sum rule of a winner's payments, and each
// winner's award, agreement, paid, still to pay and report as of a date.
// Pure functions over plain rows; dates are `YYYY-MM-DD` (they sort as text).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "values/agreement.hpp"
#include "values/money.hpp"

namespace competition {

// What a payment breaks: paid before its agreement was signed; the running
// paid above the agreement's amount; the running paid below zero (more refunded than paid).
enum class PaymentRule { before_agreement, above_agreement, below_zero };

struct PaymentViolation {
  std::string application;
  std::string reference;  // the payment at which the rule breaks
  std::string paid_on;    // its date
  PaymentRule rule = PaymentRule::above_agreement;
  Money running;  // the running paid after it
  Agreement agreement;
};

// docs/formats.md "payments.csv": per application with an agreement, its
// payments taken in (paid_on, reference) order; each payment dated before
// the agreement's signed_on, and the first payment at which the running paid
// (payments − refunds) exceeds the agreement or falls below zero. Payments of
// applications without an agreement are not looked at (the caller refuses
// them). By application, then in that order.
[[nodiscard]] std::vector<PaymentViolation> payment_violations(const std::vector<Agreement>& agreements,
                                                               const std::vector<Payment>& payments);

// Payments − refunds per application, counting those paid on or before `as_of` (all without it).
[[nodiscard]] std::map<std::string, Money> net_paid(const std::vector<Payment>& payments,
                                                    const std::optional<std::string>& as_of = std::nullopt);

// The refunds alone per application, on or before `as_of`.
[[nodiscard]] std::map<std::string, Money> refunded(const std::vector<Payment>& payments, const std::string& as_of);

// docs/cli.md "ledger": the first state that holds.
enum class LedgerState { overdue, reported, paid, paying, signed_agreement, no_agreement };
[[nodiscard]] std::string_view to_string(LedgerState s);  // overdue | reported | … | no_agreement

struct LedgerInput {
  std::string round;
  std::string as_of;                            // YYYY-MM-DD: the end of that day
  std::map<std::string, Money> awards;          // applications with an award above zero
  std::vector<Agreement> agreements;            // every stored one
  std::vector<Payment> payments;                // every stored one
  std::map<std::string, std::string> received;  // application -> outcomes' received_on
};

struct LedgerLine {
  std::string application;
  Money award;                          // zero when it has none now
  std::optional<Agreement> agreement;   // signed by as_of, else none
  Money paid;                           // net, by as_of
  Money refunded;                       // the refunds in `paid`, by as_of (docs/cli.md "ledger": shown apart)
  Money to_pay;                         // (agreed, else award) − paid
  std::optional<std::string> received;  // received_on, when on or before as_of
  LedgerState state = LedgerState::no_agreement;
  // `reported` after the agreement's report_due: the state stays `reported`, people read "late".
  bool late = false;
};

struct LedgerTotals {
  Money award, agreed, paid, refunded, to_pay;
};

struct Ledger {
  std::string round;
  std::string as_of;
  std::vector<LedgerLine> lines;  // by application
  LedgerTotals totals;
};

// docs/cli.md "ledger": the round as it stood at the end of `as_of` (agreements
// signed, payments made and reports received later are left out), one line
// per application with an award or a payment by then.
[[nodiscard]] Ledger build_ledger(const LedgerInput& in);

}  // namespace competition
