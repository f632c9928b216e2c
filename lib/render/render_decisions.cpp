#include "render/render_decisions.hpp"

#include <fmt/format.h>

#include "base/text.hpp"
#include "formats/decisions_csv.hpp"
#include "render/commission_words.hpp"
#include "render/number_style.hpp"
#include "render/text_table.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

constexpr const char* dash = "—";

struct DecisionsWords {
  const char* heading;  // the round
  const char* none;
  const char* number;  // the columns
  const char* recorded;
  const char* decision;
  const char* applications;
  const char* amount;
  const char* reason;
  const char* state;
  const char* not_allocated;
  const char* not_applied;    // {0}: the English plural `s`, {1}: the decisions
  const char* recorded_line;  // number, what, reason
  const char* applies_again;
  const char* applies;
};

constexpr PerLang<DecisionsWords> decisions_words{
    .uk =
        {
            .heading = "Рішення комісії, конкурс {}\n",
            .none = "Рішень не записано.\n",
            .number = "№",
            .recorded = "записано (UTC)",
            .decision = "рішення",
            .applications = "заявки",
            .amount = "сума",
            .reason = "підстава",
            .state = "стан",
            .not_allocated =
                "\nКонкурс ще не розподілено: чинні рішення застосуються під час `competition allocate`.\n",
            .not_applied = "\nЩе не застосовано: №{1} (записано після останнього розподілу; застосуються під час "
                           "наступного `competition allocate --force`).\n",
            .recorded_line = "Рішення №{} записано: {}; підстава: «{}».\n",
            .applies_again =
                "Рішення застосується під час наступного `competition allocate --force` (конкурс уже розподілено).",
            .applies = "Рішення застосується під час `competition allocate`.",
        },
    .en =
        {
            .heading = "Commission decisions, round {}\n",
            .none = "No decisions recorded.\n",
            .number = "no.",
            .recorded = "recorded (UTC)",
            .decision = "decision",
            .applications = "applications",
            .amount = "amount",
            .reason = "reason",
            .state = "state",
            .not_allocated =
                "\nThe round is not allocated yet: the standing decisions apply at `competition allocate`.\n",
            .not_applied = "\nNot applied yet: decision{0} {1} (recorded after the latest allocation; applied by the "
                           "next `competition allocate --force`).\n",
            .recorded_line = "Decision {} recorded: {}; reason: “{}”.\n",
            .applies_again = "It applies at the next `competition allocate --force` (the round is already allocated).",
            .applies = "It applies at `competition allocate`.",
        },
};

std::string amount(const CommissionDecision& d, Lang lang) {
  if (!d.award) return dash;
  return money_text(*d.award, lang);
}

}  // namespace

// docs/cli.md "Commission decisions" (`competition decisions`), text.
std::string render_decisions_text(const DecisionList& list, Lang lang) {
  const DecisionsWords& w = decisions_words[lang];
  std::string out = fmt::format(fmt::runtime(w.heading), list.round.id);
  if (list.decisions.empty()) return out + w.none;
  TextTable t;
  t.header({w.number, w.recorded, w.decision, w.applications, w.amount, w.reason, w.state}, "rllllll");
  for (const CommissionDecision& d : list.decisions)
    t.row({std::to_string(d.n), recorded_at_in_words(d.recorded_at, lang), decision_kind_in_words(d, lang),
           join(d.applications, ", "), amount(d, lang), one_line(d.reason), decision_state_in_words(d, lang)});
  out += "\n" + t.render();
  const int count = static_cast<int>(list.decisions.size());
  if (!list.allocated) {
    out += w.not_allocated;
  } else if (list.before_latest_allocation < count) {
    int first = list.before_latest_allocation + 1;
    std::string which = first == count ? std::to_string(first) : fmt::format("{}–{}", first, count);
    out += fmt::format(fmt::runtime(w.not_applied), first == count ? "" : "s", which);
  }
  return out;
}

// docs/cli.md "Commission decisions" (`competition decisions`) JSON.
std::string render_decisions_json(const DecisionList& list) {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const CommissionDecision& d : list.decisions) entries.push_back(decision_entry_json(d));
  nlohmann::ordered_json out;
  out["decisions"] = std::move(entries);
  return out.dump() + "\n";
}

// The columns of the bundle's decisions.csv, by its writer (decisions_csv.hpp), in people's CSV style.
std::string render_decisions_csv(const std::vector<CommissionDecision>& decisions, const CsvStyle& style) {
  return decisions_csv(decisions, style);
}

std::string render_recorded_text(const RecordedDecision& r, Lang lang) {
  const CommissionDecision& d = r.decision;
  std::string what = decision_kind_in_words(d, lang) + " — " + join(d.applications, ", ");
  if (d.award && !d.declines()) what += ", " + amount(d, lang);
  return fmt::format(fmt::runtime(decisions_words[lang].recorded_line), d.n, what, one_line(d.reason));
}

std::string render_recorded_json(const RecordedDecision& r) { return decision_entry_json(r.decision).dump() + "\n"; }

std::string recorded_hint(const RecordedDecision& r, Lang lang) {
  const DecisionsWords& w = decisions_words[lang];
  if (r.round.stage == Stage::allocated) return w.applies_again;
  return w.applies;
}

}  // namespace competition
