#include "render/assignment_change_words.hpp"

#include <fmt/format.h>

#include "render/warning_cap.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

struct ChangeWords {
  const char* heading;
  const char* uncovered;  // application, count, limit
  const char* withdrawn;  // application, count
  const char* application_gone;
  const char* reviewer_gone;  // reviewer, count
  const char* conflict;       // reviewer, application
  const char* over_capacity;  // reviewer, count, limit
};

constexpr PerLang<ChangeWords> change_words{
    .uk =
        {
            .heading = "попередження: призначення експертів конкурсу {} більше не покриває конкурс (після "
                       "`competition assign` змінилися заявки, експерти або конфлікти інтересів); "
                       "`competition assign --force` виправить його, зберігши чинні пари:\n",
            .uncovered = "  заявка {} має експертів: {} з {}\n",
            .withdrawn = "  заявку {} відкликано, а її призначено експертам: {}\n",
            .application_gone = "  заявки {} більше немає в конкурсі, а її призначено експертам: {}\n",
            .reviewer_gone = "  експерта {} більше немає в конкурсі, а йому призначено заявок: {}\n",
            .conflict = "  експерт {} тепер має конфлікт інтересів із заявкою {}, яку йому призначено\n",
            .over_capacity = "  експертові {} призначено заявок: {}, більше за його ліміт {}\n",
        },
    .en =
        {
            .heading = "warning: the reviewer assignment of round {} no longer covers the round (applications, "
                       "reviewers or conflicts of interest changed after `competition assign`); "
                       "`competition assign --force` repairs it, keeping the pairs that still hold:\n",
            .uncovered = "  application {} has {} of {} reviewers\n",
            .withdrawn = "  application {} is withdrawn but assigned to {} reviewer(s)\n",
            .application_gone = "  application {} is no longer in the round but assigned to {} reviewer(s)\n",
            .reviewer_gone = "  reviewer {} is no longer in the round but assigned {} application(s)\n",
            .conflict = "  reviewer {} is now in conflict of interest with application {}, assigned to them\n",
            .over_capacity = "  reviewer {} is assigned {} applications, above their capacity {}\n",
        },
};

std::string change_line(const AssignmentChange& c, const ChangeWords& w) {
  using Kind = AssignmentChange::Kind;
  switch (c.kind) {
    case Kind::uncovered:
      return fmt::format(fmt::runtime(w.uncovered), c.application, c.count, c.limit);
    case Kind::withdrawn:
      return fmt::format(fmt::runtime(w.withdrawn), c.application, c.count);
    case Kind::application_gone:
      return fmt::format(fmt::runtime(w.application_gone), c.application, c.count);
    case Kind::reviewer_gone:
      return fmt::format(fmt::runtime(w.reviewer_gone), c.reviewer, c.count);
    case Kind::conflict:
      return fmt::format(fmt::runtime(w.conflict), c.reviewer, c.application);
    case Kind::over_capacity:
      return fmt::format(fmt::runtime(w.over_capacity), c.reviewer, c.count, c.limit);
  }
  return {};
}

}  // namespace

std::string assignment_change_warning(const std::string& round, const std::vector<AssignmentChange>& changes,
                                      Lang lang) {
  if (changes.empty()) return {};
  const ChangeWords& w = change_words[lang];
  std::string out = fmt::format(fmt::runtime(w.heading), round) +
                    capped_warnings(
                        changes.size(), [&](std::size_t i) { return change_line(changes[i], w); }, lang);
  out.pop_back();  // the caller ends the line
  return out;
}

}  // namespace competition
