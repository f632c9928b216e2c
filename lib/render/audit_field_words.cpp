#include "render/audit_field_words.hpp"

#include <fmt/args.h>
#include <fmt/format.h>

#include "base/text.hpp"
#include "render/number_style.hpp"
#include "render/reason_words.hpp"
#include "render/words.hpp"
#include "values/rules.hpp"

namespace competition {

namespace {

// A field pattern and its words; `{}` in the words: what the pattern's wildcards stand for.
struct FieldWords {
  const char* pattern;
  PerLang<const char*> words;
};

// docs/audit.md: every field token, read top to bottom, the first match wins.
constexpr FieldWords field_words[] = {
    // Per application, in the three stored forms.
    {"present", {.uk = "рядок у таблиці розподілу", .en = "listed in the allocations table"}},
    {"status", {.uk = "статус", .en = "status"}},
    {"rank", {.uk = "місце", .en = "rank"}},
    {"award", {.uk = "сума", .en = "award"}},
    {"lot", {.uk = "лот", .en = "lot"}},
    {"reasons", {.uk = "причини", .en = "reasons"}},
    {"record.present", {.uk = "рядок у записі рішення", .en = "listed in the decision record"}},
    {"record.status", {.uk = "статус (запис рішення)", .en = "status (decision record)"}},
    {"record.rank", {.uk = "місце (запис рішення)", .en = "rank (decision record)"}},
    {"record.award", {.uk = "сума (запис рішення)", .en = "award (decision record)"}},
    {"record.lot", {.uk = "лот (запис рішення)", .en = "lot (decision record)"}},
    {"record.reasons", {.uk = "причини (запис рішення)", .en = "reasons (decision record)"}},
    {"score.present", {.uk = "рядок у таблиці оцінок", .en = "listed in the scores table"}},
    {"score.status", {.uk = "статус оцінювання", .en = "score status"}},
    {"score.rank", {.uk = "місце в рейтингу", .en = "score rank"}},
    {"score.total", {.uk = "загальний бал", .en = "total score"}},
    {"score.total_text",
     {.uk = "загальний бал: текст у таблиці оцінок (як збережено, канонічний)",
      .en = "total score: text in the scores table (as stored, canonical)"}},
    {"score.criteria_text",
     {.uk = "бали за критеріями: текст у таблиці оцінок (як збережено, канонічний)",
      .en = "criterion scores: text in the scores table (as stored, canonical)"}},
    {"score.criteria.**", {.uk = "бал за критерієм {}", .en = "score for criterion {}"}},
    {"score.reviews", {.uk = "дійсних оцінок", .en = "valid reviews"}},
    {"score.flags", {.uk = "позначки", .en = "flags"}},
    {"score.reasons", {.uk = "причини (оцінювання)", .en = "reasons of the score"}},
    // Derived columns of the inputs.
    {"submitted_key",
     {.uk = "ключ сортування часу подання (submitted_key; з submitted_at)",
      .en = "sort key of the submission time (submitted_key; from submitted_at)"}},
    {"organisation.name_key",
     {.uk = "ключ організації (organisations.name_key)", .en = "organisation key (organisations.name_key)"}},
    // The rules and the inputs.
    {"rules_sha256",
     {.uk = "хеш правил (SHA-256 збереженого тексту правил)", .en = "rules hash (SHA-256 of the stored rules text)"}},
    {"record.rules_sha256", {.uk = "хеш правил у записі рішення", .en = "rules hash in the decision record"}},
    {"inputs.**", {.uk = "хеш {} у записі рішення", .en = "hash of {} in the decision record"}},
    // The decision record.
    {"record.round", {.uk = "конкурс у записі рішення", .en = "round in the decision record"}},
    {"record.decisions",
     {.uk = "рішення комісії у записі рішення", .en = "commission decisions in the decision record"}},
    {"record.budget", {.uk = "бюджет (запис рішення)", .en = "budget (decision record)"}},
    {"record.awarded", {.uk = "розподілено (запис рішення)", .en = "awarded (decision record)"}},
    {"record.leftover", {.uk = "залишок (запис рішення)", .en = "leftover (decision record)"}},
    {"record.lots.order", {.uk = "порядок лотів (запис рішення)", .en = "order of the lots (decision record)"}},
    {"record.order", {.uk = "порядок заявок (запис рішення)", .en = "order of the applications (decision record)"}},
    {"record.lots.**.budget", {.uk = "лот {}: сума (запис рішення)", .en = "lot {}: amount (decision record)"}},
    {"record.lots.**.awarded",
     {.uk = "лот {}: розподілено (запис рішення)", .en = "lot {}: awarded (decision record)"}},
    {"record.lots.**", {.uk = "лот {} (запис рішення)", .en = "lot {} (decision record)"}},
    {"record.fingerprint",
     {.uk = "відбиток збереженого запису (перераховано з його вмісту)",
      .en = "fingerprint of the stored record (recomputed from its own content)"}},
    {"fingerprint", {.uk = "відбиток рішення", .en = "decision fingerprint"}},
    {"record",
     {.uk = "запис рішення (останній запис allocate у журналі)",
      .en = "decision record (the last allocate entry of the log)"}},
    {"record.**", {.uk = "поле {} запису рішення", .en = "member {} of the decision record"}},
    // The round and what is stored of it.
    {"round.budget", {.uk = "бюджет у таблиці конкурсів", .en = "budget in the rounds table"}},
    {"round.year", {.uk = "рік у таблиці конкурсів", .en = "year in the rounds table"}},
    {"round.title", {.uk = "назва в таблиці конкурсів", .en = "title in the rounds table"}},
    {"round.currency", {.uk = "валюта в таблиці конкурсів", .en = "currency in the rounds table"}},
    {"stage", {.uk = "етап конкурсу", .en = "stage of the round"}},
    {"scores", {.uk = "збережені оцінки", .en = "stored scores"}},
    {"rules", {.uk = "збережені правила", .en = "stored rules"}},
    {"reviews", {.uk = "збережені оцінки експертів", .en = "stored reviews"}},
    {"scoring", {.uk = "оцінювання", .en = "scoring"}},
    {"allocation", {.uk = "розподіл", .en = "allocation"}},
    {"decisions", {.uk = "рішення комісії в журналі", .en = "commission decisions in the log"}},
    // Agreements, payments and outcomes (docs/audit.md "Agreements and payments").
    {"agreements", {.uk = "договори (SHA-256)", .en = "agreements (SHA-256)"}},
    {"payments", {.uk = "виплати (SHA-256)", .en = "payments (SHA-256)"}},
    {"outcomes", {.uk = "результати й звіти (SHA-256)", .en = "outcomes and reports (SHA-256)"}},
    {"agreements.**.row", {.uk = "договір", .en = "agreement"}},
    {"payments.**.row", {.uk = "виплата {}", .en = "payment {}"}},
    {"outcomes.**.row", {.uk = "результати й звіт", .en = "outcomes and report"}},
    {"agreement.amount",
     {.uk = "сума договору (договір, межа гранту)", .en = "agreed amount (agreement, the award's limit)"}},
    {"paid", {.uk = "сплачено наростаючим підсумком (виплати, межа)", .en = "running paid (payments, the limit)"}},
    {"paid.award",
     {.uk = "сплачено заявці без гранту (виплати, має бути)",
      .en = "paid to an application without an award (payments, expected)"}},
    {"payments.*.paid_on",
     {.uk = "виплата {}: дата (виплата, не раніше договору)",
      .en = "payment {}: date (payment, not before the agreement)"}},
    {"payments.*.agreement", {.uk = "виплата {}: договір", .en = "payment {}: agreement"}},
    // The decision log.
    {"log_head", {.uk = "голова журналу (хеш останнього запису)", .en = "log head (hash of the newest log entry)"}},
    {"log_count", {.uk = "кількість записів журналу", .en = "number of log entries"}},
    {"log", {.uk = "журнал рішень", .en = "decision log"}},
    {"log.*.hash", {.uk = "запис журналу {}: хеш", .en = "log entry {}: hash"}},
    {"log.*.prev_hash",
     {.uk = "запис журналу {}: хеш попереднього запису", .en = "log entry {}: hash of the entry before it"}},
    {"log.*.payload", {.uk = "запис журналу {}: вміст (SHA-256)", .en = "log entry {}: payload (SHA-256)"}},
    {"log.*.round", {.uk = "запис журналу {}: конкурс", .en = "log entry {}: round"}},
    {"log.*.seq", {.uk = "запис журналу {}: номер", .en = "log entry {}: number"}},
    {"log.*.decisions",
     {.uk = "запис журналу {}: рішення комісії в записі цього розподілу",
      .en = "log entry {}: commission decisions in this allocation's record"}},
    {"log.*.fingerprint",
     {.uk = "запис журналу {}: відбиток цього розподілу", .en = "log entry {}: fingerprint of this allocation"}},
    {"log.*.allocation", {.uk = "запис журналу {}: цей розподіл", .en = "log entry {}: this allocation"}},
    {"log.*.**", {.uk = "запис журналу {}: {}", .en = "log entry {}: {}"}},
    {"log.*", {.uk = "запис журналу {}: ", .en = "log entry {}: "}},
    // A bundle's files.
    {"files.**", {.uk = "файл {}", .en = "file {}"}},
    {"canonical.**",
     {.uk = "{} у канонічній формі (SHA-256: як є, канонічний)",
      .en = "{} in canonical form (SHA-256: as it is, canonical)"}},
    {"manifest.fingerprint",
     {.uk = "відбиток у manifest.json (маніфест, decision.json)",
      .en = "fingerprint in manifest.json (manifest, decision.json)"}},
    {"manifest.tool_version",
     {.uk = "версія програми в manifest.json (пакет, ця програма)",
      .en = "tool version in manifest.json (bundle, this program)"}},
};

// Tries every length of the text a wildcard of `width` (1: `*`, 2: `**`) stands
// for, the longest first, against the rest of the pattern.
bool wildcard_matches(std::string_view pattern, std::size_t width, std::string_view text,
                      std::vector<std::string_view>& captures) {
  std::size_t most = width == 2 ? text.size() : std::min(text.find('.'), text.size());
  for (std::size_t n = most + 1; n-- > 0;) {
    captures.push_back(text.substr(0, n));
    if (field_matches(pattern.substr(width), text.substr(n), captures)) return true;
    captures.pop_back();
  }
  return false;
}

}  // namespace

bool field_matches(std::string_view pattern, std::string_view text, std::vector<std::string_view>& captures) {
  if (pattern.empty()) return text.empty();
  if (pattern.starts_with("**")) return wildcard_matches(pattern, 2, text, captures);
  if (pattern.front() == '*') return wildcard_matches(pattern, 1, text, captures);
  return !text.empty() && text.front() == pattern.front() && field_matches(pattern.substr(1), text.substr(1), captures);
}

std::string field_in_words(const std::string& field, Lang lang) {
  std::vector<std::string_view> captures;
  for (const FieldWords& f : field_words) {
    captures.clear();
    if (!field_matches(f.pattern, field, captures)) continue;
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    for (std::string_view c : captures) args.push_back(c);
    return fmt::vformat(f.words[lang], args);
  }
  return field;
}

namespace {

// The form of a field's values (docs/audit.md lists each field's).
enum class ValueForm { text, money, date, flags };

struct FieldForm {
  const char* pattern;
  ValueForm form;
};

constexpr FieldForm field_forms[] = {
    {"award", ValueForm::money},
    {"record.award", ValueForm::money},
    {"record.budget", ValueForm::money},
    {"record.awarded", ValueForm::money},
    {"record.leftover", ValueForm::money},
    {"record.lots.**.budget", ValueForm::money},
    {"record.lots.**.awarded", ValueForm::money},
    {"round.budget", ValueForm::money},
    {"agreement.amount", ValueForm::money},
    {"paid", ValueForm::money},
    {"paid.award", ValueForm::money},
    {"payments.*.paid_on", ValueForm::date},
    {"score.flags", ValueForm::flags},
    {"payments.*.agreement", ValueForm::text},
};

// A bound the audit computes (`<= 100.00`, `>= 2018-03-26`) in words, by the form of the value.
struct BoundWords {
  PerLang<const char*> at_most;
  PerLang<const char*> at_least;
};
constexpr BoundWords money_bounds{{.uk = "не більше ніж {}", .en = "at most {}"},
                                  {.uk = "не менше ніж {}", .en = "at least {}"}};
constexpr BoundWords date_bounds{{.uk = "не пізніше ніж {}", .en = "not after {}"},
                                 {.uk = "не раніше ніж {}", .en = "not before {}"}};
// `payments.*.agreement`: what a payment needs and has not.
constexpr PerLang<const char*> an_agreement{.uk = "договір", .en = "an agreement"};

ValueForm form_of(const std::string& field) {
  std::vector<std::string_view> captures;
  for (const FieldForm& f : field_forms) {
    captures.clear();
    if (field_matches(f.pattern, field, captures)) return f.form;
  }
  return ValueForm::text;
}

std::string plain_value(ValueForm form, std::string_view value, Lang lang, std::string_view currency) {
  if (form == ValueForm::money) {
    // A running paid below zero is the one negative value (`-100.00`).
    const bool negative = value.starts_with('-');
    if (std::optional<Money> m = Money::parse(negative ? value.substr(1) : value))
      return money_with_currency(negative ? Money() - *m : *m, currency, lang);
  }
  if (form == ValueForm::flags) {
    static const Rules no_rules{};  // the criteria's names are not at hand: a spread flag names its criterion's id
    std::string out;
    each_piped_entry(
        value, [&](std::string_view flag) { out += (out.empty() ? "" : "; ") + flag_in_words(no_rules, flag, lang); });
    return out;
  }
  return std::string(value);
}

}  // namespace

std::string value_in_words(const std::string& field, const std::string& value, Lang lang, std::string_view currency) {
  const ValueForm form = form_of(field);
  if (field.ends_with(".agreement") && value == an_agreement.en) return an_agreement[lang];
  const BoundWords& bounds = form == ValueForm::date ? date_bounds : money_bounds;
  if (form == ValueForm::money || form == ValueForm::date)
    for (auto [prefix, words] : {std::pair{std::string_view("<= "), &bounds.at_most}, {">= ", &bounds.at_least}})
      if (std::string_view(value).starts_with(prefix))
        return fmt::format(fmt::runtime((*words)[lang]),
                           plain_value(form, std::string_view(value).substr(prefix.size()), lang, currency));
  return plain_value(form, value, lang, currency);
}

}  // namespace competition
