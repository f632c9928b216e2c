// The minutes' section on sensitivity (`competition minutes --sensitivity`,
// docs/cli.md "sensitivity"): which applications' money hangs on one reviewer,
// the aggregate or the order of ties, and by how little.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "render/minutes_document.hpp"
#include "render/sensitivity_words.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

struct MinutesSensitivityWords {
  const char* title;
  const char* scenarios;     // number of scenarios, their names
  const char* no_scenarios;  // a round with none
  const char* skipped;       // scenario, decision numbers
  const char* labels;
  const char* margin_steps;  // a round scored by reviewers
  const char* margin_votes;  // a round ranked by votes
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
           .scenarios = "Розподіл перераховано в таких сценаріях ({}): {}. Рішення комісії застосовано в кожному, "
                        "де це можливо.",
           .no_scenarios = "Інших сценаріїв для цього конкурсу немає: немає експертів, без яких можна "
                           "перерахувати, і рівних за балом.",
           .skipped = "У сценарії «{}» не застосовано рішення комісії №{}.",
           .labels = "Вразлива заявка отримує кошти, але втрачає їх хоча б в одному сценарії; спірна — не "
                     "отримує, але отримала б хоча б в одному.",
           .margin_steps = "Запас — найменше число кроків шкали, на яке мала б змінитися одна оцінка одного "
                           "експерта за одним критерієм, щоб заявка отримала або втратила кошти.",
           .margin_votes = "Запас — найменше число голосів, на яке мала б змінитися кількість голосів за заявку, "
                           "щоб вона отримала або втратила кошти.",
           .none = "Вразливих і спірних заявок немає: у кожному сценарії кошти отримують ті самі заявки.",
           .id = "заявка",
           .organisation = "організація",
           .label = "висновок",
           .funded_in = "з коштами",
           .of = "{} з {}",
           .flips = "сценарії, що змінюють"},
    .en = {.title = "Sensitivity of the decision",
           .scenarios = "The allocation was recomputed in these scenarios ({}): {}. The commission's decisions "
                        "apply in each where they can.",
           .no_scenarios = "This round has no other scenario: no reviewer to leave out and no tie on the total.",
           .skipped = "Scenario “{}” cannot apply commission decision no. {}.",
           .labels = "A fragile application gets money but loses it in at least one scenario; a contested one "
                     "gets none but would in at least one.",
           .margin_steps = "The margin is the fewest steps of the scale by which one score of one reviewer on one "
                           "criterion would have to change for the application to gain or lose money.",
           .margin_votes = "The margin is the fewest votes by which the application's count would have to change "
                           "for it to gain or lose money.",
           .none = "No application is fragile or contested: every scenario gives money to the same applications.",
           .id = "ID",
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
  // Say which scenarios ran and which decisions one of them could not apply:
  // the minutes are signed, so they claim nothing the computation did not do.
  std::vector<std::string> ids;
  for (const auto& sc : s.scenarios) ids.push_back(sc.id);
  std::string intro = ids.empty() ? std::string(w.no_scenarios)
                                  : fmt::format(fmt::runtime(w.scenarios), ids.size(), scenarios_in_words(ids, lang));
  for (const auto& sc : s.scenarios)
    if (!sc.skipped.empty()) {
      intro += " " + fmt::format(fmt::runtime(w.skipped), scenario_in_words(sc.id, lang), decision_numbers(sc.skipped));
    }
  out.paragraphs.push_back(intro);
  out.paragraphs.push_back(std::string(w.labels) + " " +
                           (data.rules.source == ScoreSource::votes ? w.margin_votes : w.margin_steps));
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
