// The money after the decision checked by `audit` and `audit bundle`
// (docs/audit.md "Agreements and payments"): payments within their agreement,
// agreements within the award, no money left on an application without an
// award, and the reports overdue. Pure: the callers read the rows.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "engine/audit_compare.hpp"
#include "values/agreement.hpp"
#include "values/money.hpp"

namespace competition {

// `awards`: the applications with an award above zero. Differences per
// application: `agreement.amount` (stored: the agreed amount; computed: `<=`
// the award), `paid` (the running paid where it broke; computed `<=` the
// agreed amount, or `>= 0.00`), `payments.<reference>.paid_on` (computed `>=`
// the agreement's signed_on), `paid.award` (money paid, net, to an
// application with no award: computed `0.00`) and `payments.<reference>.agreement`
// (a payment of an application without an agreement).
void compare_money(const std::map<std::string, Money>& awards, const std::vector<Agreement>& agreements,
                   const std::vector<Payment>& payments, std::vector<Difference>& out);

// The applications whose report was due before `today` (YYYY-MM-DD) under
// their agreement and has not been received by then (`received`: application
// -> received_on), by application.
[[nodiscard]] std::vector<std::string> overdue_reports(const std::vector<Agreement>& agreements,
                                                       const std::map<std::string, std::string>& received,
                                                       const std::string& today);

}  // namespace competition
