#include "render/reason_words.hpp"

#include <fmt/format.h>

namespace competition {

namespace {

struct Words {
  std::string_view token, uk, en;
};

// rules.md §2 (score) and §4.5 (allocation) reasons.
constexpr Words plain_reasons[] = {
    {"sector_not_allowed", "сектор не допускається", "sector not allowed"},
    {"request_above_max", "запит понад максимум", "request above the maximum"},
    {"cofinancing_below_min", "співфінансування нижче мінімуму", "co-financing below the minimum"},
    {"total_below_pass", "сума нижче прохідного балу", "total below the pass mark"},
    {"too_few_reviews", "замало оцінок", "too few reviews"},
    {"budget_exhausted", "бюджет вичерпано", "budget exhausted"},
    {"organisation_cap", "організація вже має найбільшу кількість нагород",
     "organisation already holds the most awards allowed"},
    {"no_lot", "категорія не входить до жодного лоту", "category in no lot"},
    // cli.md "Commission decisions"
    {"withdrawn", "заявку відкликано", "withdrawn"},
    {"declined", "рішення комісії: без фінансування", "declined by the commission"},
};

// The criterion's name in quotes (« » in Ukrainian, “ ” in English), or its id.
std::string quoted_criterion(const Rules& rules, std::string_view id, bool english) {
  const Criterion* c = rules.find_criterion(id);
  std::string name = c && !c->name.empty() ? c->name : std::string(id);
  return english ? "“" + name + "”" : "«" + name + "»";
}

}  // namespace

std::string reason_in_words(const Rules& rules, std::string_view token, bool english) {
  for (const auto& w : plain_reasons)
    if (w.token == token) return std::string(english ? w.en : w.uk);
  constexpr std::string_view threshold = "criterion_below_threshold:";
  if (token.starts_with(threshold)) {
    std::string name = quoted_criterion(rules, token.substr(threshold.size()), english);
    return english ? fmt::format("criterion {} below its threshold", name)
                   : fmt::format("критерій {} нижче порогу", name);
  }
  return std::string(token);
}

std::string award_status_in_words(AwardStatus s, bool en) {
  switch (s) {
    case AwardStatus::funded:
      return en ? "funded" : "профінансовано";
    case AwardStatus::partial:
      return en ? "partially funded" : "частково";
    case AwardStatus::reserve:
      return en ? "reserve" : "резерв";
    case AwardStatus::rejected:
      return en ? "rejected" : "відхилено";
    case AwardStatus::incomplete:
      return en ? "incomplete" : "не оцінено";
    case AwardStatus::withdrawn:
      return en ? "withdrawn" : "відкликано";
    case AwardStatus::declined:
      return en ? "declined by the commission" : "відхилено комісією";
  }
  return std::string(to_string(s));
}

std::string flag_in_words(const Rules& rules, std::string_view token, bool english) {
  constexpr std::string_view spread = "spread:";
  if (token.starts_with(spread)) {
    std::string name = quoted_criterion(rules, token.substr(spread.size()), english);
    return (english ? "score spread: " : "розкид оцінок: ") + name;
  }
  return std::string(token);
}

}  // namespace competition
