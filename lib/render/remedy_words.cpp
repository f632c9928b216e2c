#include "render/remedy_words.hpp"

#include <fmt/format.h>

namespace competition {

std::string remedy_words(Remedy remedy, int decision) {
  switch (remedy) {
    case Remedy::none:
      return "";
    case Remedy::init_first:
      return " (run `competition init RULES.toml` first)";
    case Remedy::init_or_choose_database:
      return " (run `competition init RULES.toml` first, or give --db)";
    case Remedy::database_file_name:
      return " (give --db a file name)";
    case Remedy::score_first:
      return ": run `competition score` first";
    case Remedy::score_before_deciding:
      return " (run `competition score` first)";
    case Remedy::score_again:
      return "; run `competition score` again";
    case Remedy::score_stored_again:
      return " (run `competition score` again)";
    case Remedy::rescore:
      return "; run score again";
    case Remedy::import_reviews_and_score:
      return "; import the reviews and run `competition score` first";
    case Remedy::see_stored_decision:
      return " (its ranking is in the stored decision: see `competition minutes` or `competition export bundle`)";
    case Remedy::allocate_first:
      return "; run `competition allocate` first";
    case Remedy::allocate_before_minutes:
      return " (run `competition allocate` first)";
    case Remedy::allocate_before_export:
      return ": run `competition allocate` before exporting it";
    case Remedy::allocate_again:
      return "; `competition allocate --force` records a new decision after the old one (both stay in the decision "
             "log)";
    case Remedy::undo_decision:
      return fmt::format("; undo it with `competition decisions --undo {} --reason TEXT`", decision);
    case Remedy::order_ties:
      return ": record their order with `competition order APP APP… --reason TEXT` first";
    case Remedy::audit:
      return "; run `competition audit`";
    case Remedy::audit_log:
      return " (run `competition audit`)";
    case Remedy::audit_changes:
      return "; run `competition audit` to see what changed";
    case Remedy::reimport_with_votes:
      return " (re-import the applications with a votes column and --replace)";
    case Remedy::import_history:
      return " (run `competition import history FILE` first)";
    case Remedy::import_history_or_allocate:
      return " (run `competition import history FILE`, or allocate a round)";
    case Remedy::assign_first:
      return ": run `competition assign` first";
  }
  return "";
}

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
