#include "engine/audit_money.hpp"

#include <fmt/format.h>

#include <set>

#include "engine/ledger.hpp"
#include "values/report_received.hpp"

namespace competition {

void compare_money(const std::map<std::string, Money>& awards, const std::vector<Agreement>& agreements,
                   const std::vector<Payment>& payments, std::vector<Difference>& out) {
  auto award_of = [&](const std::string& application) {
    auto it = awards.find(application);
    return it == awards.end() ? Money() : it->second;
  };
  std::set<std::string> with_agreement;
  for (const Agreement& a : agreements) {
    with_agreement.insert(a.application);
    if (a.amount > award_of(a.application))
      note_difference(out, a.application, "agreement.amount", a.amount.to_string(),
                      "<= " + award_of(a.application).to_string());
  }
  for (const Payment& p : payments)
    if (!with_agreement.count(p.application))
      note_difference(out, p.application, fmt::format("payments.{}.agreement", p.reference), std::nullopt,
                      "an agreement");
  for (const PaymentViolation& v : payment_violations(agreements, payments)) {
    switch (v.rule) {
      case PaymentRule::before_agreement:
        note_difference(out, v.application, fmt::format("payments.{}.paid_on", v.reference), v.paid_on,
                        ">= " + v.agreement.signed_on);
        break;
      case PaymentRule::above_agreement:
        note_difference(out, v.application, "paid", v.running.to_string(), "<= " + v.agreement.amount.to_string());
        break;
      case PaymentRule::below_zero:
        note_difference(out, v.application, "paid", v.running.to_string(), ">= 0.00");
        break;
    }
  }
  for (const auto& [application, paid] : net_paid(payments))
    if (paid > Money() && !awards.count(application))
      note_difference(out, application, "paid.award", paid.to_string(), Money().to_string());
}

std::vector<std::string> overdue_reports(const std::vector<Agreement>& agreements,
                                         const std::map<std::string, std::string>& received, const std::string& today) {
  std::vector<std::string> out;
  for (const Agreement& a : agreements) {
    auto it = received.find(a.application);
    if (a.report_due < today && (it == received.end() || !received_by(it->second, today))) out.push_back(a.application);
  }
  return out;
}

}  // namespace competition
