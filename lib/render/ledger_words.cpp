#include "render/ledger_words.hpp"

namespace competition {

constexpr PerLang<LedgerWords> ledger_words{
    .uk = {.heading = "Конкурс {}: договори, виплати і звіти станом на кінець {}",
           .empty = "Переможців і виплат немає.",
           .application = "Заявка",
           .award = "Грант",
           .agreement = "Договір",
           .agreed = "За договором",
           .paid = "Сплачено",
           .to_pay = "До сплати",
           .report_due = "Звіт до",
           .report_received = "Звіт отримано",
           .state = "Стан",
           .total = "Разом",
           .sheet = "Виплати"},
    .en = {.heading = "Round {}: agreements, payments and reports as of the end of {}",
           .empty = "No winners and no payments.",
           .application = "Application",
           .award = "Award",
           .agreement = "Agreement",
           .agreed = "Agreed",
           .paid = "Paid",
           .to_pay = "To pay",
           .report_due = "Report due",
           .report_received = "Report received",
           .state = "State",
           .total = "Total",
           .sheet = "Payments"},
};

namespace {

struct StateWords {
  LedgerState state;
  PerLang<const char*> words;
};

constexpr StateWords state_words[] = {
    {LedgerState::overdue, {"звіт прострочено", "report overdue"}},
    {LedgerState::reported, {"звіт отримано", "reported"}},
    {LedgerState::paid, {"сплачено", "paid"}},
    {LedgerState::paying, {"сплачується", "paying"}},
    {LedgerState::signed_agreement, {"договір підписано", "signed"}},
    {LedgerState::no_agreement, {"без договору", "no agreement"}},
};

}  // namespace

std::string ledger_state_words(LedgerState s, Lang lang) {
  for (const StateWords& w : state_words)
    if (w.state == s) return w.words[lang];
  return std::string(to_string(s));
}

}  // namespace competition
