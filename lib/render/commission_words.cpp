#include "render/commission_words.hpp"

#include <fmt/format.h>

#include "base/visible_text.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

struct CommissionWords {
  const char* withdraw;
  const char* declined;
  const char* award_fixed;
  const char* order;
  const char* undo;       // the decision undone
  const char* undone_by;  // the decision that undid it
  const char* standing;
  const char* date;  // year, month, day, the date as written
};

constexpr PerLang<CommissionWords> commission_words{
    .uk =
        {
            .withdraw = "відкликання заявки",
            .declined = "відмова у фінансуванні",
            .award_fixed = "встановлення суми",
            .order = "порядок рівних",
            .undo = "скасування рішення №{}",
            .undone_by = "скасовано рішенням №{}",
            .standing = "чинне",
            .date = "{2}.{1}.{0}",
        },
    .en =
        {
            .withdraw = "withdrawal",
            .declined = "declined",
            .award_fixed = "award fixed",
            .order = "order of a tie",
            .undo = "undo of decision {}",
            .undone_by = "undone by decision {}",
            .standing = "standing",
            .date = "{3}",
        },
};

}  // namespace

std::string decision_kind_in_words(const CommissionDecision& d, Lang lang) {
  const CommissionWords& w = commission_words[lang];
  switch (d.kind) {
    case DecisionKind::withdraw:
      return w.withdraw;
    case DecisionKind::override_award:
      if (d.declines()) return w.declined;
      return w.award_fixed;
    case DecisionKind::order:
      return w.order;
    case DecisionKind::undo:
      return fmt::format(fmt::runtime(w.undo), d.undoes.value_or(0));
  }
  return std::string(to_string(d.kind));
}

std::string decision_state_in_words(const CommissionDecision& d, Lang lang) {
  const CommissionWords& w = commission_words[lang];
  if (d.undone_by) return fmt::format(fmt::runtime(w.undone_by), *d.undone_by);
  return w.standing;
}

std::string recorded_at_in_words(std::string_view iso, Lang lang) {
  if (iso.size() < 16) return std::string(iso);
  std::string time(iso.substr(11, 5));
  return date_in_words(iso.substr(0, 10), lang) + " " + time;
}

std::string date_in_words(std::string_view d, Lang lang) {
  if (d.size() != 10) return std::string(d);
  return fmt::format(fmt::runtime(commission_words[lang].date), d.substr(0, 4), d.substr(5, 2), d.substr(8, 2), d);
}

std::string one_line(std::string_view text) {
  std::string out;
  append_visible_line(out, text);
  return out;
}

}  // namespace competition
