#include "render/sensitivity_words.hpp"

#include <fmt/format.h>

#include "render/words.hpp"

namespace competition {

namespace {

struct ScenarioWords {
  const char* without;  // reviewer id
  const char* mean;
  const char* median;
  const char* trimmed_mean;
  const char* ties_reversed;
  const char* margin_steps;
  const char* margin_votes;
};

constexpr PerLang<ScenarioWords> scenario_words{
    .uk = {.without = "без експерта {}",
           .mean = "середнє",
           .median = "медіана",
           .trimmed_mean = "усічене середнє",
           .ties_reversed = "зворотний порядок рівних",
           .margin_steps = "запас, кроків шкали",
           .margin_votes = "запас, голосів"},
    .en = {.without = "without reviewer {}",
           .mean = "mean",
           .median = "median",
           .trimmed_mean = "trimmed mean",
           .ties_reversed = "ties reversed",
           .margin_steps = "margin, steps",
           .margin_votes = "margin, votes"},
};

constexpr PerLang<const char*> label_words[] = {
    {"стійка", "robust"},
    {"вразлива", "fragile"},
    {"спірна", "contested"},
    {"поза фінансуванням", "out"},
};

}  // namespace

std::string label_in_words(SensitivityLabel l, Lang lang) { return label_words[static_cast<int>(l)][lang]; }

std::string scenario_in_words(const std::string& id, Lang lang) {
  const ScenarioWords& w = scenario_words[lang];
  constexpr std::string_view without = "without:";
  if (id.rfind(without, 0) == 0) return fmt::format(fmt::runtime(w.without), id.substr(without.size()));
  if (id == "aggregate:mean") return w.mean;
  if (id == "aggregate:median") return w.median;
  if (id == "aggregate:trimmed_mean") return w.trimmed_mean;
  if (id == "ties:reversed") return w.ties_reversed;
  return id;
}

std::string scenarios_in_words(const std::vector<std::string>& ids, Lang lang) {
  std::string out;
  for (const auto& id : ids) {
    if (!out.empty()) out += "; ";
    out += scenario_in_words(id, lang);
  }
  return out;
}

std::string margin_in_words(const std::optional<SensitivityMargin>& m, const Rules& rules) {
  if (!m) return "";
  std::string out = fmt::format("{} {}", m->down ? "↓" : "↑", m->steps);
  if (m->reviewer) out += " · " + *m->reviewer;
  if (m->criterion) {
    const Criterion* c = rules.find_criterion(*m->criterion);
    out += " · " + (c && !c->name.empty() ? c->name : *m->criterion);
  }
  return out;
}

std::string decision_numbers(const std::vector<int>& numbers) {
  std::string out;
  for (int n : numbers) out += (out.empty() ? "" : ", ") + std::to_string(n);
  return out;
}

std::string margin_heading(const Rules& rules, Lang lang) {
  const ScenarioWords& w = scenario_words[lang];
  return rules.source == ScoreSource::votes ? w.margin_votes : w.margin_steps;
}

}  // namespace competition
