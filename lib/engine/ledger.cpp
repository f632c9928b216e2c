#include "engine/ledger.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "values/report_received.hpp"

namespace competition {

namespace {

std::map<std::string, const Agreement*> by_application(const std::vector<Agreement>& agreements) {
  std::map<std::string, const Agreement*> out;
  for (const Agreement& a : agreements) out.emplace(a.application, &a);
  return out;
}

Money signed_amount(const Payment& p) { return p.refund ? Money() - p.amount : p.amount; }

}  // namespace

std::vector<PaymentViolation> payment_violations(const std::vector<Agreement>& agreements,
                                                 const std::vector<Payment>& payments) {
  const auto agreement_of = by_application(agreements);
  std::vector<const Payment*> ordered;
  for (const Payment& p : payments)
    if (agreement_of.count(p.application)) ordered.push_back(&p);
  std::sort(ordered.begin(), ordered.end(), [](const Payment* x, const Payment* y) {
    return std::tie(x->application, x->paid_on, x->reference) < std::tie(y->application, y->paid_on, y->reference);
  });
  std::vector<PaymentViolation> out;
  std::string application;
  Money running;
  bool broken = false;  // the application's running sum broke already: its first break is reported
  for (const Payment* p : ordered) {
    if (p->application != application) {
      application = p->application;
      running = Money();
      broken = false;
    }
    const Agreement* a = agreement_of.at(p->application);
    running += signed_amount(*p);
    if (p->paid_on < a->signed_on)
      out.push_back({p->application, p->reference, p->paid_on, PaymentRule::before_agreement, running, *a});
    if (broken) continue;
    if (running > a->amount) {
      out.push_back({p->application, p->reference, p->paid_on, PaymentRule::above_agreement, running, *a});
      broken = true;
    } else if (running < Money()) {
      out.push_back({p->application, p->reference, p->paid_on, PaymentRule::below_zero, running, *a});
      broken = true;
    }
  }
  return out;
}

std::map<std::string, Money> net_paid(const std::vector<Payment>& payments, const std::optional<std::string>& as_of) {
  std::map<std::string, Money> out;
  for (const Payment& p : payments)
    if (!as_of || p.paid_on <= *as_of) out[p.application] += signed_amount(p);
  return out;
}

std::map<std::string, Money> refunded(const std::vector<Payment>& payments, const std::string& as_of) {
  std::map<std::string, Money> out;
  for (const Payment& p : payments)
    if (p.refund && p.paid_on <= as_of) out[p.application] += p.amount;
  return out;
}

std::string_view to_string(LedgerState s) {
  switch (s) {
    case LedgerState::overdue:
      return "overdue";
    case LedgerState::reported:
      return "reported";
    case LedgerState::paid:
      return "paid";
    case LedgerState::paying:
      return "paying";
    case LedgerState::signed_agreement:
      return "signed";
    case LedgerState::no_agreement:
      return "no_agreement";
  }
  return "no_agreement";
}

namespace {

// docs/cli.md "ledger": overdue, reported, paid, paying, signed, no_agreement: the first that holds.
LedgerState state_of(const LedgerLine& l, const std::string& as_of) {
  if (l.agreement && l.agreement->report_due < as_of && !l.received) return LedgerState::overdue;
  if (l.received) return LedgerState::reported;
  if (l.agreement && l.paid == l.agreement->amount) return LedgerState::paid;
  if (l.paid > Money()) return LedgerState::paying;
  if (l.agreement) return LedgerState::signed_agreement;
  return LedgerState::no_agreement;
}

}  // namespace

Ledger build_ledger(const LedgerInput& in) {
  Ledger out;
  out.round = in.round;
  out.as_of = in.as_of;
  const auto paid = net_paid(in.payments, in.as_of);
  const auto returned = refunded(in.payments, in.as_of);
  std::set<std::string> applications;
  for (const auto& [application, award] : in.awards) applications.insert(application);
  for (const Payment& p : in.payments)
    if (p.paid_on <= in.as_of) applications.insert(p.application);
  const auto agreement_of = by_application(in.agreements);
  for (const std::string& application : applications) {
    LedgerLine l;
    l.application = application;
    if (auto it = in.awards.find(application); it != in.awards.end()) l.award = it->second;
    if (auto it = agreement_of.find(application); it != agreement_of.end() && it->second->signed_on <= in.as_of)
      l.agreement = *it->second;
    if (auto it = paid.find(application); it != paid.end()) l.paid = it->second;
    if (auto it = returned.find(application); it != returned.end()) l.refunded = it->second;
    l.to_pay = (l.agreement ? l.agreement->amount : l.award) - l.paid;
    if (auto it = in.received.find(application); it != in.received.end() && received_by(it->second, in.as_of))
      l.received = it->second;
    l.state = state_of(l, in.as_of);
    l.late = l.state == LedgerState::reported && l.agreement && *l.received > l.agreement->report_due;
    out.totals.award += l.award;
    if (l.agreement) out.totals.agreed += l.agreement->amount;
    out.totals.paid += l.paid;
    out.totals.refunded += l.refunded;
    out.totals.to_pay += l.to_pay;
    out.lines.push_back(std::move(l));
  }
  return out;
}

}  // namespace competition
