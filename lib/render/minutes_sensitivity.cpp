// The minutes' section on sensitivity (`competition minutes --sensitivity`,
// docs/cli.md "sensitivity"): which applications' money hangs on one reviewer,
// the aggregate or the order of ties, and by how little.
#include <fmt/format.h>

#include "render/minutes_document.hpp"
#include "render/sensitivity_words.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

struct MinutesSensitivityWords {
  const char* title;
  const char* explanation;  // number of scenarios
  const char* none;
  const char* id;
  const char* organisation;
  const char* label;
  const char* funded_in;
  const char* of;  // funded_in, of
  const char* flips;
};

constexpr PerLang<MinutesSensitivityWords> words{
    .uk = {.title = "Чутливість рішення",
           .explanation =
               "Розподіл перераховано без кожного з експертів по черзі, за іншими способами зведення оцінок і зі "
               "зворотним порядком рівних за балом (сценаріїв: {}); рішення комісії застосовано в кожному. "
               "Вразлива заявка отримує кошти, але втрачає їх хоча б в одному сценарії; спірна — не отримує, але "
               "отримала б хоча б в одному. Запас — найменше число кроків шкали, на яке мала б змінитися одна "
               "оцінка одного експерта за одним критерієм, щоб заявка отримала або втратила кошти.",
           .none = "Вразливих і спірних заявок немає: у кожному сценарії кошти отримують ті самі заявки.",
           .id = "заявка",
           .organisation = "організація",
           .label = "висновок",
           .funded_in = "з коштами",
           .of = "{} з {}",
           .flips = "сценарії, що змінюють"},
    .en = {.title = "Sensitivity of the decision",
           .explanation =
               "The allocation was recomputed without each reviewer in turn, under the other ways of aggregating "
               "scores and with ties on the total the other way round ({} scenarios); the commission's decisions "
               "apply in each. A fragile application gets money but loses it in at least one scenario; a contested "
               "one gets none but would in at least one. The margin is the fewest steps of the scale by which one "
               "score of one reviewer on one criterion would have to change for the application to gain or lose "
               "money.",
           .none = "No application is fragile or contested: every scenario gives money to the same applications.",
           .id = "id",
           .organisation = "organisation",
           .label = "label",
           .funded_in = "with money",
           .of = "{} of {}",
           .flips = "changed by"},
};

}  // namespace

MinutesSection minutes_sensitivity_section(const MinutesData& data, const Sensitivity& s, Lang lang) {
  const MinutesSensitivityWords& w = words[lang];
  MinutesSection out;
  out.title = w.title;
  out.paragraphs.push_back(fmt::format(fmt::runtime(w.explanation), s.scenarios.size()));
  MinutesTable t;
  t.header = {w.id, w.organisation, w.label, w.funded_in, w.flips, margin_heading(data.rules, lang)};
  t.align = "nlnnll";  // label and count on one line each
  for (const SensitivityLine& l : s.applications) {
    if (l.label != SensitivityLabel::fragile && l.label != SensitivityLabel::contested) continue;
    std::string organisation;
    for (const auto& a : data.applications)
      if (a.id == l.id) organisation = a.organisation;
    t.rows.push_back({l.id, organisation, label_in_words(l.label, lang),
                      fmt::format(fmt::runtime(w.of), l.funded_in, l.of), scenarios_in_words(l.flips, lang),
                      margin_in_words(l.margin, data.rules)});
  }
  if (t.rows.empty())
    out.notes.push_back(w.none);
  else
    out.table = std::move(t);
  return out;
}

}  // namespace competition
