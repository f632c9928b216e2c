#include "render/commission_words.hpp"

#include <fmt/format.h>

namespace competition {

std::string decision_kind_in_words(const CommissionDecision& d, bool en) {
  switch (d.kind) {
    case DecisionKind::withdraw:
      return en ? "withdrawal" : "відкликання заявки";
    case DecisionKind::override_award:
      if (d.declines()) return en ? "declined" : "відмова у фінансуванні";
      return en ? "award fixed" : "встановлення суми";
    case DecisionKind::order:
      return en ? "order of a tie" : "порядок рівних";
    case DecisionKind::undo:
      return en ? fmt::format("undo of decision {}", d.undoes.value_or(0))
                : fmt::format("скасування рішення №{}", d.undoes.value_or(0));
  }
  return std::string(to_string(d.kind));
}

std::string decision_state_in_words(const CommissionDecision& d, bool en) {
  if (d.undone_by)
    return en ? fmt::format("undone by decision {}", *d.undone_by)
              : fmt::format("скасовано рішенням №{}", *d.undone_by);
  return en ? "standing" : "чинне";
}

std::string recorded_at_in_words(std::string_view iso, bool en) {
  if (iso.size() < 16) return std::string(iso);
  std::string time(iso.substr(11, 5));
  return date_in_words(iso.substr(0, 10), en) + " " + time;
}

std::string date_in_words(std::string_view d, bool en) {
  if (en || d.size() != 10) return std::string(d);
  return fmt::format("{}.{}.{}", d.substr(8, 2), d.substr(5, 2), d.substr(0, 4));
}

std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return out;
}

}  // namespace competition
