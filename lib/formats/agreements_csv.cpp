#include "formats/agreements_csv.hpp"

namespace competition {

const std::vector<ColumnSpec> agreement_columns = {
    {"application", true}, {"number", true}, {"signed_on", true}, {"amount", false}, {"report_due", true}};

const std::vector<ColumnSpec> payment_columns = {
    {"application", true}, {"reference", true}, {"paid_on", true}, {"amount", true}, {"kind", false}};

AgreementRow AgreementRowParser::parse(RowReader& r) {
  AgreementRow row;
  Agreement& a = row.agreement;
  a.application = r.id(0);
  check_unique(applications_, a.application, r, 0, [&] { return fmt::format("agreement of {}", a.application); });
  a.number = r.id(1);
  check_unique(numbers_, a.number, r, 1, [&] { return fmt::format("agreement number \"{}\"", a.number); });
  a.signed_on = r.date(2).value_or("");
  row.amount = r.money(3);
  a.report_due = r.date(4).value_or("");
  return row;
}

Payment PaymentRowParser::parse(RowReader& r) {
  Payment p;
  p.application = r.id(0);
  p.reference = r.id(1);
  check_unique(references_, p.reference, r, 1, [&] { return fmt::format("payment reference \"{}\"", p.reference); });
  p.paid_on = r.date(2).value_or("");
  if (auto amount = r.money(3)) {
    if (amount->kopiykas() <= 0)
      r.error(3, fmt::format("{} is not a payment (expected an amount above 0.00; a refund is kind `refund`)",
                             amount->to_string()));
    p.amount = *amount;
  }
  const std::string_view kind = r.cell(4);
  if (kind == "refund")
    p.refund = true;
  else if (!kind.empty() && kind != "payment")
    r.error(4, fmt::format("\"{}\" is not a kind of payment (expected payment or refund)", shown(kind)));
  return p;
}

}  // namespace competition
