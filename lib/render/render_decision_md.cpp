#include "render/render_decision_md.hpp"

#include <fmt/format.h>

#include <map>

#include "engine/allocation.hpp"
#include "engine/commission.hpp"
#include "render/commission_words.hpp"
#include "render/markdown_table.hpp"
#include "render/reason_words.hpp"

namespace competition {

namespace {

using ojson = nlohmann::ordered_json;

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

std::string money_words(const std::string& text, bool en) {
  auto m = Money::parse(text);
  if (!m) return text;
  return en ? m->to_string() : m->to_ukrainian();
}

std::string row(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const auto& c : cells) out += " " + c + " |";
  return out + "\n";
}

std::string table(const std::vector<std::string>& header, const std::string& align,
                  const std::vector<std::vector<std::string>>& rows) {
  std::string out = row(header) + "|";
  for (char a : align) out += a == 'r' ? " ---: |" : " --- |";
  out += "\n";
  for (const auto& r : rows) out += row(r);
  return out;
}

}  // namespace

// cli.md "export bundle", decision.md.
std::string render_decision_md(const Rules& rules, const std::vector<Application>& applications, const ojson& record,
                               bool en) {
  std::map<std::string, const Application*> apps;
  for (const auto& a : applications) apps.emplace(a.id, &a);
  const std::string cur = rules.currency;
  std::string out;
  out += en ? fmt::format("# Decision of round {}: “{}”\n\n", md_cell(str(record, "round")), md_cell(rules.title))
            : fmt::format("# Рішення конкурсу {}: «{}»\n\n", md_cell(str(record, "round")), md_cell(rules.title));
  out += fmt::format("- {}: {}\n", en ? "Year" : "Рік", rules.year);
  out += fmt::format("- {}: {} {}\n", en ? "Budget" : "Бюджет", money_words(str(record, "budget"), en), cur);
  out += fmt::format("- {}: `{}`\n", en ? "Rules (SHA-256 of rules.toml)" : "Правила (SHA-256 файлу rules.toml)",
                     str(record, "rules_sha256"));
  if (record.is_object() && record.contains("inputs") && record["inputs"].is_object())
    for (auto it = record["inputs"].begin(); it != record["inputs"].end(); ++it)
      out += fmt::format("- {} {}: `{}`\n", en ? "Input" : "Вхідні дані", it.key(),
                         it.value().is_string() ? it.value().get<std::string>() : it.value().dump());

  // Lots, and the pool (rules.md §4.3: unassigned budget plus the lots' remainders).
  out += en ? "\n## Lots\n\n" : "\n## Лоти\n\n";
  std::vector<std::vector<std::string>> lot_rows;
  Money lots_awarded;
  for (const auto& l : list(record, "lots")) {
    std::string id = str(l, "id"), name;
    for (const auto& rl : rules.lots)
      if (rl.id == id) name = rl.name;
    if (rules.lots.empty()) name = en ? "whole budget" : "увесь бюджет";
    if (auto m = Money::parse(str(l, "awarded"))) lots_awarded += *m;
    lot_rows.push_back(
        {md_cell(id), md_cell(name), money_words(str(l, "budget"), en), money_words(str(l, "awarded"), en)});
  }
  if (!rules.lots.empty() && rules.leftover == Leftover::pool) {
    Money pool_awarded;
    for (const auto& a : list(record, "applications"))
      if (str(a, "lot") == "pool")
        if (auto m = Money::parse(str(a, "award"))) pool_awarded += *m;
    auto budget = Money::parse(str(record, "budget"));
    lot_rows.push_back({"pool", en ? "lot remainders and unassigned budget" : "залишки лотів і нерозподілений бюджет",
                        budget && *budget >= lots_awarded
                            ? (en ? (*budget - lots_awarded).to_string() : (*budget - lots_awarded).to_ukrainian())
                            : "—",
                        en ? pool_awarded.to_string() : pool_awarded.to_ukrainian()});
  }
  out += table({en ? "lot" : "лот", en ? "name" : "назва", en ? "amount" : "сума", en ? "awarded" : "розподілено"},
               "llrr", lot_rows);

  // The commission decisions the allocation applied (cli.md "Commission decisions").
  const ojson& decisions = list(record, "decisions");
  if (!decisions.empty()) {
    out += en ? "\n## Commission decisions applied\n\n" : "\n## Застосовані рішення комісії\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& d : decisions) {
      CommissionDecision c;
      c.kind = parse_decision_kind(str(d, "kind")).value_or(DecisionKind::withdraw);
      for (const auto& a : list(d, "applications"))
        if (a.is_string()) c.applications.push_back(a.get<std::string>());
      c.award = Money::parse(str(d, "award"));
      std::string apps_text;
      for (const auto& a : c.applications) apps_text += (apps_text.empty() ? "" : ", ") + a;
      rows.push_back({md_cell(str(d, "n")), md_cell(decision_kind_in_words(c, en)), md_cell(apps_text),
                      c.award ? money_words(str(d, "award"), en) : "—", md_cell(one_line(str(d, "reason"))),
                      md_cell(recorded_at_in_words(str(d, "recorded_at"), en))});
    }
    out += table({"№", en ? "decision" : "рішення", en ? "applications" : "заявки", en ? "award" : "сума",
                  en ? "reason" : "підстава", en ? "recorded" : "записано"},
                 "rlllll", rows);
  }

  // Every application, in the record's order (rank order, then the unranked by id).
  out += en ? "\n## Applications\n\n" : "\n## Заявки\n\n";
  std::vector<std::vector<std::string>> rows;
  int funded = 0, partial = 0;
  for (const auto& a : list(record, "applications")) {
    std::string id = str(a, "id");
    auto status = parse_award_status(str(a, "status"));
    if (status == AwardStatus::funded) ++funded;
    if (status == AwardStatus::partial) ++partial;
    std::string reasons;
    for (const auto& r : list(a, "reasons"))
      if (r.is_string()) reasons += (reasons.empty() ? "" : "; ") + reason_in_words(rules, r.get<std::string>(), en);
    std::string rank = str(a, "rank");
    rows.push_back({rank.empty() ? "—" : rank, md_cell(id), md_cell(apps.count(id) ? apps.at(id)->organisation : ""),
                    status ? award_status_in_words(*status, en) : md_cell(str(a, "status")),
                    money_words(str(a, "award"), en), md_cell(str(a, "lot").empty() ? "—" : str(a, "lot")),
                    md_cell(reasons)});
  }
  out += table({en ? "rank" : "місце", en ? "id" : "заявка", en ? "organisation" : "організація",
                en ? "status" : "статус", en ? "award" : "сума", en ? "lot" : "лот", en ? "reasons" : "причини"},
               "rlllrll", rows);

  out += en ? "\n## Totals\n\n" : "\n## Підсумки\n\n";
  out += en ? fmt::format("- Winners: {} ({} funded in full, {} partially)\n", funded + partial, funded, partial)
            : fmt::format("- Переможців: {} (повністю {}, частково {})\n", funded + partial, funded, partial);
  out += fmt::format("- {}: {} {}\n", en ? "Awarded" : "Розподілено", money_words(str(record, "awarded"), en), cur);
  out += fmt::format("- {}: {} {}\n", en ? "Leftover" : "Залишок", money_words(str(record, "leftover"), en), cur);

  out += en ? "\n## Fingerprint\n\n" : "\n## Відбиток рішення\n\n";
  out += fmt::format("`{}`\n\n", str(record, "fingerprint"));
  out += en ? "The SHA-256 of decision.json without its `fingerprint`, as RFC 8785 canonical JSON; "
              "`competition audit bundle` recomputes it and the whole decision from the files of this bundle.\n"
            : "SHA-256 від decision.json без поля `fingerprint` у канонічному JSON (RFC 8785); "
              "`competition audit bundle` обчислює його і все рішення заново з файлів цього пакета.\n";
  return out;
}

}  // namespace competition
