#include "render/remedy_words.hpp"

#include <fmt/format.h>

namespace competition {

namespace {

// The words of each remedy, in each language; `{}` is the decision number.
constexpr PerLang<const char*> remedy_table(Remedy remedy) {
  switch (remedy) {
    case Remedy::none:
      return {.uk = "", .en = ""};
    case Remedy::init_first:
      return {.uk = " (спершу виконайте `competition init RULES.toml`)",
              .en = " (run `competition init RULES.toml` first)"};
    case Remedy::init_or_choose_database:
      return {.uk = " (спершу виконайте `competition init RULES.toml` або вкажіть --db)",
              .en = " (run `competition init RULES.toml` first, or give --db)"};
    case Remedy::database_file_name:
      return {.uk = " (вкажіть у --db назву файлу)", .en = " (give --db a file name)"};
    case Remedy::score_first:
      return {.uk = ": спершу виконайте `competition score`", .en = ": run `competition score` first"};
    case Remedy::score_before_deciding:
      return {.uk = " (спершу виконайте `competition score`)", .en = " (run `competition score` first)"};
    case Remedy::score_again:
      return {.uk = "; виконайте `competition score` ще раз", .en = "; run `competition score` again"};
    case Remedy::score_stored_again:
      return {.uk = " (виконайте `competition score` ще раз)", .en = " (run `competition score` again)"};
    case Remedy::import_reviews_and_score:
      return {.uk = "; спершу імпортуйте оцінки й виконайте `competition score`",
              .en = "; import the reviews and run `competition score` first"};
    case Remedy::see_stored_decision:
      return {
          .uk = " (його рейтинг — у збереженому рішенні: див. `competition minutes` або `competition export bundle`)",
          .en = " (its ranking is in the stored decision: see `competition minutes` or `competition export bundle`)"};
    case Remedy::allocate_first:
      return {.uk = "; спершу виконайте `competition allocate`", .en = "; run `competition allocate` first"};
    case Remedy::allocate_before_minutes:
      return {.uk = " (спершу виконайте `competition allocate`)", .en = " (run `competition allocate` first)"};
    case Remedy::allocate_before_export:
      return {.uk = ": виконайте `competition allocate`, перш ніж його експортувати",
              .en = ": run `competition allocate` before exporting it"};
    case Remedy::allocate_again:
      return {.uk =
                  "; `competition allocate --force` записує нове рішення після старого (обидва лишаються в журналі "
                  "рішень)",
              .en =
                  "; `competition allocate --force` records a new decision after the old one (both stay in the "
                  "decision log)"};
    case Remedy::undo_decision:
      return {.uk = "; скасуйте його командою `competition decisions --undo {} --reason TEXT`",
              .en = "; undo it with `competition decisions --undo {} --reason TEXT`"};
    case Remedy::order_ties:
      return {.uk = ": спершу запишіть їхній порядок командою `competition order APP APP… --reason TEXT`",
              .en = ": record their order with `competition order APP APP… --reason TEXT` first"};
    case Remedy::audit:
      return {.uk = "; виконайте `competition audit`", .en = "; run `competition audit`"};
    case Remedy::audit_log:
      return {.uk = " (виконайте `competition audit`)", .en = " (run `competition audit`)"};
    case Remedy::audit_changes:
      return {.uk = "; виконайте `competition audit`, щоб побачити, що змінилося",
              .en = "; run `competition audit` to see what changed"};
    case Remedy::reimport_with_votes:
      return {.uk = " (імпортуйте заявки ще раз зі стовпцем votes і --replace)",
              .en = " (re-import the applications with a votes column and --replace)"};
    case Remedy::import_history:
      return {.uk = " (спершу виконайте `competition import history FILE`)",
              .en = " (run `competition import history FILE` first)"};
    case Remedy::import_history_or_allocate:
      return {.uk = " (виконайте `competition import history FILE` або розподіліть конкурс)",
              .en = " (run `competition import history FILE`, or allocate a round)"};
    case Remedy::assign_first:
      return {.uk = ": спершу виконайте `competition assign`", .en = ": run `competition assign` first"};
  }
  return {.uk = "", .en = ""};
}

}  // namespace

Message remedy_words(Remedy remedy, int decision) { return say(remedy_table(remedy), decision); }

std::string subject_words(const DecisionSubject& subject) {
  std::string out;
  switch (subject.kind) {
    case DecisionKind::withdraw:
      out = "withdraw";
      break;
    case DecisionKind::override_award:
      out = "override";
      break;
    case DecisionKind::order:
      out = "order";
      break;
    case DecisionKind::undo:
      out = "decisions --undo";
      break;
  }
  if (subject.number) out += fmt::format(" {}", *subject.number);
  out += ": ";
  switch (subject.input) {
    case DecisionInput::none:
      break;
    case DecisionInput::reason:
      out += "--reason: ";
      break;
    case DecisionInput::award:
      out += "--award: ";
      break;
  }
  return out;
}

Message error_message(const Error& error) {
  Message out = error.subject() ? subject_words(*error.subject()) : std::string();
  out += error.message();
  out += remedy_words(error.remedy(), error.decision());
  return out;
}

Message error_message(const std::exception& e) {
  if (const auto* error = dynamic_cast<const Error*>(&e)) return error_message(*error);
  return std::string(e.what());
}

}  // namespace competition
