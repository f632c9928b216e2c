#include "render/ledger_words.hpp"

#include <fmt/format.h>

#include "render/audit_field_words.hpp"

namespace competition {

constexpr PerLang<LedgerWords> ledger_words{
    .uk = {.heading = "Конкурс {}: договори, виплати і звіти станом на кінець {}",
           .empty = "Переможців і виплат немає.",
           .application = "Заявка",
           .award = "Грант",
           .agreement = "Договір",
           .agreed = "За договором",
           .paid = "Сплачено",
           .refunded = "Повернуто",
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
           .refunded = "Refunded",
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

constexpr PerLang<const char*> reported_late{.uk = "звіт отримано із запізненням", .en = "reported late"};

// How `ledger --help` names the states: Ukrainian readers get the words the table shows
// and the token of csv and json, one a line; English words are the tokens.
struct StateListed {
  const char* item;  // {words}, {token}
  const char* separator;
};
constexpr PerLang<StateListed> state_listed{.uk = {"  {words} ({token})", ",\n"}, .en = {"{token}", ", "}};

}  // namespace

std::string ledger_state_words(const LedgerLine& line, Lang lang) {
  if (line.late) return reported_late[lang];
  for (const StateWords& w : state_words)
    if (w.state == line.state) return w.words[lang];
  return std::string(to_string(line.state));
}

std::string ledger_states_listed(Lang lang) {
  std::string out;
  for (const StateWords& w : state_words)
    out += (out.empty() ? "" : state_listed[lang].separator) + fmt::format(fmt::runtime(state_listed[lang].item),
                                                                           fmt::arg("words", w.words[lang]),
                                                                           fmt::arg("token", to_string(w.state)));
  return out;
}

struct MoneyAfterWords {
  const char* heading;  // round
  const char* line;     // application, field, stored, computed
  const char* round_line;
};

constexpr PerLang<MoneyAfterWords> money_after_words{
    .uk = {.heading = "попередження: нове рішення конкурсу {} не узгоджується з уже укладеними договорами й "
                      "платежами (`competition audit` покаже це як розбіжності; поверніть кошти чи змініть договори):",
           .line = "  {}: {}: є {}, за новим рішенням має бути {}",
           .round_line = "  {1}: є {2}, за новим рішенням має бути {3}"},
    .en = {.heading = "warning: the new decision of round {} disagrees with the agreements and payments already made "
                      "(`competition audit` will show them as differences; refund or amend the agreements):",
           .line = "  {}: {}: is {}, the new decision needs {}",
           .round_line = "  {1}: is {2}, the new decision needs {3}"},
};

std::string money_after_warning(const std::string& round, const std::vector<Difference>& differences,
                                std::string_view currency, Lang lang) {
  if (differences.empty()) return {};
  const MoneyAfterWords& w = money_after_words[lang];
  std::string out = fmt::format(fmt::runtime(w.heading), round);
  auto value = [&](const Difference& d, const std::optional<std::string>& v) {
    return v ? value_in_words(d.field, *v, lang, currency) : std::string("—");
  };
  for (const Difference& d : differences)
    out += "\n" + fmt::format(fmt::runtime(d.application ? w.line : w.round_line), d.application.value_or(""),
                              field_in_words(d.field, lang), value(d, d.stored), value(d, d.computed));
  return out;
}

}  // namespace competition
