#include "render/render_decision_md.hpp"

#include <fmt/format.h>

#include <cstdint>

#include "base/string_index.hpp"
#include "engine/allocation.hpp"
#include "engine/commission.hpp"
#include "render/commission_words.hpp"
#include "render/decision_words.hpp"
#include "render/markdown_table.hpp"
#include "render/number_style.hpp"
#include "render/reason_words.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

using ojson = nlohmann::ordered_json;

struct DecisionMdWords {
  const char* title;  // round, rules title
  const char* year;
  const char* budget;
  const char* rules;
  const char* input;
  const char* lots;
  const char* decisions;
  const char* decision;
  const char* applications_column;
  const char* award;
  const char* reason;
  const char* recorded;
  const char* applications;
  const char* rank;
  const char* id;
  const char* organisation;
  const char* status;
  const char* reasons;
  const char* totals;
  const char* winners;  // winners, funded in full, partially
  const char* fingerprint;
  const char* fingerprint_note;
};

constexpr PerLang<DecisionMdWords> decision_md_words{
    .uk =
        {
            .title = "# Рішення конкурсу {}: «{}»\n\n",
            .year = "Рік",
            .budget = "Бюджет",
            .rules = "Правила (SHA-256 файлу rules.toml)",
            .input = "Вхідні дані",
            .lots = "\n## Лоти\n\n",
            .decisions = "\n## Застосовані рішення комісії\n\n",
            .decision = "рішення",
            .applications_column = "заявки",
            .award = "сума",
            .reason = "підстава",
            .recorded = "записано",
            .applications = "\n## Заявки\n\n",
            .rank = "місце",
            .id = "заявка",
            .organisation = "організація",
            .status = "статус",
            .reasons = "причини",
            .totals = "\n## Підсумки\n\n",
            .winners = "- Переможців: {} (повністю {}, частково {})\n",
            .fingerprint = "\n## Відбиток рішення\n\n",
            .fingerprint_note = "SHA-256 від decision.json без поля `fingerprint` у канонічному JSON (RFC 8785); "
                                "`competition audit bundle` обчислює його і все рішення заново з файлів цього "
                                "пакета.\n",
        },
    .en =
        {
            .title = "# Decision of round {}: “{}”\n\n",
            .year = "Year",
            .budget = "Budget",
            .rules = "Rules (SHA-256 of rules.toml)",
            .input = "Input",
            .lots = "\n## Lots\n\n",
            .decisions = "\n## Commission decisions applied\n\n",
            .decision = "decision",
            .applications_column = "applications",
            .award = "award",
            .reason = "reason",
            .recorded = "recorded",
            .applications = "\n## Applications\n\n",
            .rank = "rank",
            .id = "id",
            .organisation = "organisation",
            .status = "status",
            .reasons = "reasons",
            .totals = "\n## Totals\n\n",
            .winners = "- Winners: {} ({} funded in full, {} partially)\n",
            .fingerprint = "\n## Fingerprint\n\n",
            .fingerprint_note = "The SHA-256 of decision.json without its `fingerprint`, as RFC 8785 canonical JSON; "
                                "`competition audit bundle` recomputes it and the whole decision from the files of "
                                "this bundle.\n",
        },
};

// A string member, or empty (a record read from a bundle may be anything).
std::string str(const ojson& o, const char* key) {
  if (!o.is_object() || !o.contains(key)) return {};
  const ojson& v = o[key];
  if (v.is_string()) return v.get<std::string>();
  return v.is_null() ? std::string() : v.dump();
}

const ojson& list(const ojson& o, const char* key) {
  static const ojson empty = ojson::array();
  return o.is_object() && o.contains(key) && o[key].is_array() ? o[key] : empty;
}

std::string money_words(const std::string& text, Lang lang) {
  auto m = Money::parse(text);
  if (!m) return text;
  return money_text(*m, lang);
}

// An amount of the record with the round's currency (`1 000,00 грн`); text that is not money as it is.
std::string money_with_unit(const std::string& text, const std::string& currency, Lang lang) {
  auto m = Money::parse(text);
  if (!m) return text + " " + currency;
  return money_with_currency(*m, currency, lang);
}

std::string row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const auto& c : cells) out += " " + c + " |";
  return out + "\n";
}

// A table's header row and its alignment row ('r': right, else left).
std::string table_head(const std::vector<std::string>& header, const std::string& align) {
  std::string out = row(header) + "|";
  for (char a : align) out += a == 'r' ? " ---: |" : " --- |";
  return out + "\n";
}

std::string table(const std::vector<std::string>& header, const std::string& align,
                  const std::vector<std::vector<std::string>>& rows) {
  std::string out = table_head(header, align);
  for (const auto& r : rows) out += row(r);
  return out;
}

// Lots, and the pool (docs/rules.md §4.4: unassigned budget plus the lots' remainders).
std::string lots_md(const Rules& rules, const ojson& record, const RecordApplications& record_applications, Lang lang) {
  const DecisionMdWords& w = decision_md_words[lang];
  const DecisionWords& dw = decision_words[lang];
  std::vector<std::vector<std::string>> lot_rows;
  Money lots_awarded;
  for (const auto& l : list(record, "lots")) {
    std::string id = str(l, "id"), name;
    for (const auto& rl : rules.lots)
      if (rl.id == id) name = rl.name;
    if (rules.lots.empty()) name = dw.whole_budget;
    if (auto m = Money::parse(str(l, "awarded"))) lots_awarded += *m;
    lot_rows.push_back(
        {md_cell(id), md_cell(name), money_words(str(l, "budget"), lang), money_words(str(l, "awarded"), lang)});
  }
  if (!rules.lots.empty() && rules.leftover == Leftover::pool) {
    Money pool_awarded;
    record_applications([&](const ojson& a) {
      if (str(a, "lot") == "pool")
        if (auto m = Money::parse(str(a, "award"))) pool_awarded += *m;
    });
    auto budget = Money::parse(str(record, "budget"));
    lot_rows.push_back({"pool", dw.pool,
                        budget && *budget >= lots_awarded ? money_text(*budget - lots_awarded, lang) : "—",
                        money_text(pool_awarded, lang)});
  }
  return w.lots + table({dw.lot, dw.name, dw.amount, dw.awarded}, "llrr", lot_rows);
}

// The commission decisions the allocation applied (docs/cli.md "Commission decisions"); none: nothing.
std::string decisions_md(const ojson& record, Lang lang) {
  const DecisionMdWords& w = decision_md_words[lang];
  const ojson& decisions = list(record, "decisions");
  if (decisions.empty()) return "";
  std::vector<std::vector<std::string>> rows;
  for (const auto& d : decisions) {
    CommissionDecision c;
    c.kind = parse_decision_kind(str(d, "kind")).value_or(DecisionKind::withdraw);
    for (const auto& a : list(d, "applications"))
      if (a.is_string()) c.applications.push_back(a.get<std::string>());
    c.award = Money::parse(str(d, "award"));
    std::string apps_text;
    for (const auto& a : c.applications) apps_text += (apps_text.empty() ? "" : ", ") + a;
    rows.push_back({md_cell(str(d, "n")), md_cell(decision_kind_in_words(c, lang)), md_cell(apps_text),
                    c.award ? money_words(str(d, "award"), lang) : "—", md_cell(one_line(str(d, "reason"))),
                    md_cell(recorded_at_in_words(str(d, "recorded_at"), lang))});
  }
  return w.decisions + table({"№", w.decision, w.applications_column, w.award, w.reason, w.recorded}, "rlllll", rows);
}

// The round, its year and budget, and the hashes of the rules and the inputs.
std::string header_md(const Rules& rules, const ojson& record, Lang lang) {
  const DecisionMdWords& w = decision_md_words[lang];
  std::string out = fmt::format(fmt::runtime(w.title), md_cell(str(record, "round")), md_cell(rules.title));
  out += fmt::format("- {}: {}\n", w.year, rules.year);
  out += fmt::format("- {}: {}\n", w.budget, money_with_unit(str(record, "budget"), rules.currency, lang));
  out += fmt::format("- {}: `{}`\n", w.rules, str(record, "rules_sha256"));
  if (record.is_object() && record.contains("inputs") && record["inputs"].is_object())
    for (auto it = record["inputs"].begin(); it != record["inputs"].end(); ++it)
      out += fmt::format("- {} {}: `{}`\n", w.input, it.key(),
                         it.value().is_string() ? it.value().get<std::string>() : it.value().dump());
  return out;
}

struct Winners {
  int funded = 0, partial = 0;
};

// Every application, in the record's order (rank order, then the unranked by
// id), written to `out` row by row; the winners counted on the way.
Winners write_applications_md(const Rules& rules, const std::vector<Application>& applications,
                              const RecordApplications& record_applications, Lang lang, std::string& out,
                              const MdSink& sink) {
  const DecisionMdWords& w = decision_md_words[lang];
  const DecisionWords& dw = decision_words[lang];
  StringIndex<std::uint32_t> position;  // the first application of each id, as std::map::emplace kept it
  position.reserve(applications.size());
  for (std::size_t i = 0; i < applications.size(); ++i)
    position.emplace(applications[i].id, static_cast<std::uint32_t>(i));
  Winners winners;
  out += w.applications;
  out += table_head({w.rank, w.id, w.organisation, w.status, w.award, dw.lot, w.reasons}, "rlllrll");
  record_applications([&](const ojson& a) {
    std::string id = str(a, "id");
    auto status = parse_award_status(str(a, "status"));
    if (status == AwardStatus::funded) ++winners.funded;
    if (status == AwardStatus::partial) ++winners.partial;
    std::string reasons;
    for (const auto& r : list(a, "reasons"))
      if (r.is_string()) reasons += (reasons.empty() ? "" : "; ") + reason_in_words(rules, r.get<std::string>(), lang);
    std::string rank = str(a, "rank");
    const std::uint32_t* at = position.find(id);
    out += row({rank.empty() ? "—" : rank, md_cell(id), md_cell(at ? applications[*at].organisation : ""),
                status ? award_status_in_words(*status, lang) : md_cell(str(a, "status")),
                money_words(str(a, "award"), lang), md_cell(str(a, "lot").empty() ? "—" : str(a, "lot")),
                md_cell(reasons)});
    if (out.size() >= (1u << 16)) {
      sink(out);
      out.clear();
    }
  });
  return winners;
}

// The number of winners (funded in full and partially), the sum awarded and the leftover.
std::string totals_md(const Rules& rules, const ojson& record, Winners winners, Lang lang) {
  const DecisionMdWords& w = decision_md_words[lang];
  const DecisionWords& dw = decision_words[lang];
  std::string out = w.totals;
  out += fmt::format(fmt::runtime(w.winners), winners.funded + winners.partial, winners.funded, winners.partial);
  out += fmt::format("- {}: {}\n", dw.awarded_total, money_with_unit(str(record, "awarded"), rules.currency, lang));
  out += fmt::format("- {}: {}\n", dw.leftover, money_with_unit(str(record, "leftover"), rules.currency, lang));
  return out;
}

}  // namespace

// docs/bundle.md, decision.md.
void write_decision_md(const Rules& rules, const std::vector<Application>& applications, const ojson& record,
                       const RecordApplications& record_applications, Lang lang, const MdSink& sink) {
  const DecisionMdWords& w = decision_md_words[lang];
  std::string out = header_md(rules, record, lang);
  out += lots_md(rules, record, record_applications, lang);
  out += decisions_md(record, lang);
  const Winners winners = write_applications_md(rules, applications, record_applications, lang, out, sink);
  out += totals_md(rules, record, winners, lang);
  out += w.fingerprint;
  out += fmt::format("`{}`\n\n", str(record, "fingerprint"));
  out += w.fingerprint_note;
  sink(out);
}

std::string render_decision_md(const Rules& rules, const std::vector<Application>& applications, const ojson& record,
                               Lang lang) {
  std::string out;
  write_decision_md(
      rules, applications, record,
      [&](const ApplicationVisit& visit) {
        for (const auto& a : list(record, "applications")) visit(a);
      },
      lang, [&](std::string_view piece) { out += piece; });
  return out;
}

}  // namespace competition
