#include "render/render_decisions.hpp"

#include <fmt/format.h>

#include "base/text.hpp"
#include "formats/decisions_csv.hpp"
#include "render/commission_words.hpp"
#include "render/text_table.hpp"

namespace competition {

namespace {

constexpr const char* dash = "—";

std::string amount(const CommissionDecision& d, bool en) {
  if (!d.award) return dash;
  return en ? d.award->to_string() : d.award->to_ukrainian();
}

}  // namespace

// cli.md `competition decisions`, text.
std::string render_decisions_text(const DecisionList& list, bool en) {
  std::string out = en ? fmt::format("Commission decisions, round {}\n", list.round.id)
                       : fmt::format("Рішення комісії, конкурс {}\n", list.round.id);
  if (list.decisions.empty()) return out + (en ? "No decisions recorded.\n" : "Рішень не записано.\n");
  TextTable t;
  t.header({en ? "no." : "№", en ? "recorded (UTC)" : "записано (UTC)", en ? "decision" : "рішення",
            en ? "applications" : "заявки", en ? "amount" : "сума", en ? "reason" : "підстава", en ? "state" : "стан"},
           "rllllll");
  for (const CommissionDecision& d : list.decisions)
    t.row({std::to_string(d.n), recorded_at_in_words(d.recorded_at, en), decision_kind_in_words(d, en),
           join(d.applications, ", "), amount(d, en), one_line(d.reason), decision_state_in_words(d, en)});
  out += "\n" + t.render();
  const int count = static_cast<int>(list.decisions.size());
  if (!list.allocated) {
    out += en ? "\nThe round is not allocated yet: the standing decisions apply at `competition allocate`.\n"
              : "\nКонкурс ще не розподілено: чинні рішення застосуються під час `competition allocate`.\n";
  } else if (list.before_latest_allocation < count) {
    int first = list.before_latest_allocation + 1;
    std::string which = first == count ? std::to_string(first) : fmt::format("{}–{}", first, count);
    out += en ? fmt::format(
                    "\nNot applied yet: decision{} {} (recorded after the latest allocation; applied by the "
                    "next `competition allocate --force`).\n",
                    first == count ? "" : "s", which)
              : fmt::format(
                    "\nЩе не застосовано: №{} (записано після останнього розподілу; застосуються під час "
                    "наступного `competition allocate --force`).\n",
                    which);
  }
  return out;
}

// cli.md `competition decisions` JSON.
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

std::string render_recorded_text(const RecordedDecision& r, bool en) {
  const CommissionDecision& d = r.decision;
  std::string what = decision_kind_in_words(d, en) + " — " + join(d.applications, ", ");
  if (d.award && !d.declines()) what += ", " + amount(d, en);
  return en ? fmt::format("Decision {} recorded: {}; reason: “{}”.\n", d.n, what, one_line(d.reason))
            : fmt::format("Рішення №{} записано: {}; підстава: «{}».\n", d.n, what, one_line(d.reason));
}

std::string render_recorded_json(const RecordedDecision& r) { return decision_entry_json(r.decision).dump() + "\n"; }

std::string recorded_hint(const RecordedDecision& r, bool en) {
  if (r.round.stage == "allocated")
    return en ? "It applies at the next `competition allocate --force` (the round is already allocated)."
              : "Рішення застосується під час наступного `competition allocate --force` (конкурс уже розподілено).";
  return en ? "It applies at `competition allocate`." : "Рішення застосується під час `competition allocate`.";
}

}  // namespace competition
