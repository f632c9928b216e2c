#include "formats/agreements_csv.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_agreement_of{.uk = "договір щодо {}", .en = "agreement of {}"};
constexpr PerLang<const char*> w_agreement_number{.uk = "номер договору \"{}\"", .en = "agreement number \"{}\""};
constexpr PerLang<const char*> w_payment_reference{.uk = "номер платежу \"{}\"", .en = "payment reference \"{}\""};
constexpr PerLang<const char*> w_not_payment{
    .uk = "{} — не платіж (очікується сума понад 0,00; повернення коштів має kind `refund`)",
    .en = "{} is not a payment (expected an amount above 0.00; a refund is kind `refund`)"};
constexpr PerLang<const char*> w_due_before_signed{
    .uk = "{} — раніше, ніж підписано договір ({}): звіт подають після підписання",
    .en = "{} is before the agreement was signed ({}): the report is due after signing"};
constexpr PerLang<const char*> w_not_kind{.uk = "\"{}\" — не вид платежу (очікується payment або refund)",
                                          .en = "\"{}\" is not a kind of payment (expected payment or refund)"};

const std::vector<ColumnSpec> agreement_columns = {
    {"application", true}, {"number", true}, {"signed_on", true}, {"amount", false}, {"report_due", true}};

const std::vector<ColumnSpec> payment_columns = {
    {"application", true}, {"reference", true}, {"paid_on", true}, {"amount", true}, {"kind", false}};

AgreementRow AgreementRowParser::parse(RowReader& r) {
  AgreementRow row;
  Agreement& a = row.agreement;
  a.application = r.id(0);
  check_unique(applications_, a.application, r, 0, [&] { return say(w_agreement_of, a.application); });
  a.number = r.id(1);
  check_unique(numbers_, a.number, r, 1, [&] { return say(w_agreement_number, a.number); });
  a.signed_on = r.date(2).value_or("");
  row.amount = r.money(3);
  a.report_due = r.date(4).value_or("");
  // Both dates canonical (YYYY-MM-DD): their text order is their order in time.
  if (!a.signed_on.empty() && !a.report_due.empty() && a.report_due < a.signed_on)
    r.error(4, say(w_due_before_signed, a.report_due, a.signed_on));
  return row;
}

Payment PaymentRowParser::parse(RowReader& r) {
  Payment p;
  p.application = r.id(0);
  p.reference = r.id(1);
  check_unique(references_, p.reference, r, 1, [&] { return say(w_payment_reference, p.reference); });
  p.paid_on = r.date(2).value_or("");
  if (auto amount = r.money(3)) {
    if (amount->kopiykas() <= 0) r.error(3, say(w_not_payment, amount->to_string()));
    p.amount = *amount;
  }
  const std::string_view kind = r.cell(4);
  if (kind == "refund")
    p.refund = true;
  else if (!kind.empty() && kind != "payment")
    r.error(4, say(w_not_kind, shown(kind)));
  return p;
}

}  // namespace competition
