#include "render/render_history_audit.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "render/number_style.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

struct HistoryWords {
  const char* heading;  // span, years, the English plural `s`
  const char* no_findings;
  const char* findings;     // count
  const char* coefficient;  // the indicators
  const char* cost_per_client;
  const char* winners;
  const char* winners_above;       // year, indicator, winners, participants
  const char* undefined;           // year, indicator, published, why
  const char* no_budget;           // why the coefficient is undefined
  const char* no_clients;          // why the cost per client is
  const char* not_a_number;        // year, indicator, published, computed
  const char* published_computed;  // year, indicator, published, computed
  const char* notes;
  const char* unfunded_winners;  // year, winners, remark
  const char* remark;            // the row's note
};

constexpr PerLang<HistoryWords> history_words{
    .uk =
        {
            .heading = "Історична таблиця {} (років: {}): ",
            .no_findings = "знахідок немає: кожен опублікований показник випливає з цифр самої таблиці.\n",
            .findings = "знахідок: {} (опубліковані цифри, що не випливають з таблиці).\n",
            .coefficient = "коефіцієнт залучених коштів",
            .cost_per_client = "затрати на 1 клієнта (грн)",
            .winners = "кількість переможців",
            .winners_above = "{}: {}: {} — більше, ніж учасників ({})",
            .undefined = "{}: {}: опубліковано {}, але показник не визначений ({})",
            .no_budget = "бюджет 0",
            .no_clients = "клієнтів 0",
            .not_a_number = "{}: {}: опубліковане «{}» не є числом, обчислено {}",
            .published_computed = "{}: {}: опубліковано {}, обчислено {}",
            .notes = "Примітки (не помилки):\n",
            .unfunded_winners = "{}: переможців без фінансування з бюджету: {}{}",
            .remark = " (примітка: «{}»)",
        },
    .en =
        {
            .heading = "History table {} ({} year{}): ",
            .no_findings = "no findings: every published ratio follows from the table's own figures.\n",
            .findings = "{} finding(s): published figures that do not follow from the table.\n",
            .coefficient = "coefficient of attracted funds",
            .cost_per_client = "cost per client (UAH)",
            .winners = "winners",
            .winners_above = "{}: {}: {} winners, more than the {} participants",
            .undefined = "{}: {}: published {}, but it is undefined ({})",
            .no_budget = "the budget is 0",
            .no_clients = "there are no clients",
            .not_a_number = "{}: {}: published \"{}\" is not a number, computed {}",
            .published_computed = "{}: {}: published {}, computed {}",
            .notes = "Notes (not errors):\n",
            .unfunded_winners = "{}: {} winners without budget money{}",
            .remark = " (note: “{}”)",
        },
};

std::string indicator_words(const std::string& indicator, const HistoryWords& w) {
  if (indicator == "coefficient") return w.coefficient;
  if (indicator == "cost_per_client") return w.cost_per_client;
  if (indicator == "winners") return w.winners;
  return indicator;
}

std::string finding_words(const HistoryFinding& f, Lang lang) {
  const HistoryWords& w = history_words[lang];
  std::string what = indicator_words(f.indicator, w);
  if (f.indicator == "winners")
    return fmt::format(fmt::runtime(w.winners_above), f.year, what, f.published, f.participants);
  // A published decimal in the language's style (`20.2` / `20,2`), as written otherwise.
  std::string published = with_decimal_separator(f.published, lang);
  if (!f.computed)
    return fmt::format(fmt::runtime(w.undefined), f.year, what, published,
                       f.indicator == "coefficient" ? w.no_budget : w.no_clients);
  std::string computed = fixed_text(*f.computed, 2, lang);
  if (!Rational::parse_decimal(f.published, 6))
    return fmt::format(fmt::runtime(w.not_a_number), f.year, what, f.published, computed);
  return fmt::format(fmt::runtime(w.published_computed), f.year, what, published, computed);
}

std::string note_words(const HistoryNote& n, const HistoryWords& w) {
  std::string remark = n.published_note.empty() ? std::string() : fmt::format(fmt::runtime(w.remark), n.published_note);
  return fmt::format(fmt::runtime(w.unfunded_winners), n.year, n.winners, remark);
}

}  // namespace

// docs/cli.md "audit history", JSON.
std::string render_history_audit_json(const HistoryAudit& audit) {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const HistoryFinding& f : audit.findings)
    findings.push_back({{"year", f.year},
                        {"indicator", f.indicator},
                        {"published", f.published},
                        {"computed", f.computed ? nlohmann::ordered_json(f.computed->to_fixed(2)) : nullptr}});
  nlohmann::ordered_json notes = nlohmann::ordered_json::array();
  for (const HistoryNote& n : audit.notes) notes.push_back({{"year", n.year}, {"note", n.note}});
  nlohmann::ordered_json out = {{"ok", audit.ok()}, {"findings", findings}, {"notes", notes}};
  return out.dump() + "\n";
}

// docs/cli.md "audit history", for people.
std::string render_history_audit_text(const HistoryAudit& audit, Lang lang) {
  const HistoryWords& w = history_words[lang];
  std::string span = audit.from == audit.to ? std::to_string(audit.from) : fmt::format("{}–{}", audit.from, audit.to);
  std::string out = fmt::format(fmt::runtime(w.heading), span, audit.years, audit.years == 1 ? "" : "s");
  if (audit.findings.empty()) {
    out += w.no_findings;
  } else {
    out += fmt::format(fmt::runtime(w.findings), audit.findings.size());
    for (const HistoryFinding& f : audit.findings) out += "  " + finding_words(f, lang) + "\n";
  }
  if (!audit.notes.empty()) {
    out += w.notes;
    for (const HistoryNote& n : audit.notes) out += "  " + note_words(n, w) + "\n";
  }
  return out;
}

}  // namespace competition
