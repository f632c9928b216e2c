#include "render_allocation.hpp"

#include <fmt/format.h>

#include <map>
#include <string_view>
#include <unordered_map>
#include <nlohmann/json.hpp>

#include "commission_words.hpp"
#include "csv_writer.hpp"
#include "decision_record.hpp"
#include "reason_words.hpp"
#include "text_table.hpp"

namespace competition {

namespace {

constexpr const char* dash = "—";

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

std::string money(Money m, bool en) { return en ? m.to_string() : m.to_ukrainian(); }

// The standing decision on each application: its withdrawal or override, else
// the last order naming it (rules.md §4 step 2).
std::map<std::string, const CommissionDecision*> decision_of(const std::vector<CommissionDecision>& decisions) {
  std::map<std::string, const CommissionDecision*> out;
  for (const auto& d : decisions)
    if (d.kind == DecisionKind::order)
      for (const auto& id : d.applications) out[id] = &d;
  for (const auto& d : decisions)  // a withdrawal or override wins over an order
    if (d.kind != DecisionKind::order) out[d.applications.front()] = &d;
  return out;
}

// `№3: Заявник відмовився` (`no. 3: …`).
std::string decision_note(const CommissionDecision& d, bool en) {
  return fmt::format("{}{}: {}", en ? "no. " : "№", d.n, one_line(d.reason));
}

// The sections shared by the text and Markdown forms.
struct Section {
  std::string title;
  std::vector<std::string> header;
  std::string align;
  std::vector<std::vector<std::string>> rows;
  std::string none;  // shown instead of an empty table
};

struct People {
  std::string title;
  std::string budget_line;
  std::vector<Section> sections;
  std::vector<std::string> totals;
  std::string fingerprint_label;
};

People people(const AllocationView& v, bool en) {
  const Rules& rules = v.rules;
  const Decision& d = v.decision;
  // Hashed, one lookup per cell: a national decision lists 100 000s of applications.
  std::unordered_map<std::string_view, const Application*> apps;
  apps.reserve(v.applications.size());
  for (const auto& a : v.applications) apps.emplace(a.id, &a);
  auto find = [&](const std::string& id) -> const Application* {
    auto it = apps.find(id);
    return it == apps.end() ? nullptr : it->second;
  };
  auto org = [&](const std::string& id) {
    const Application* a = find(id);
    return a ? a->organisation : std::string();
  };
  auto requested = [&](const std::string& id) {
    const Application* a = find(id);
    return a ? money(a->requested, en) : std::string();
  };
  auto rank = [](const AllocationLine& l) { return l.rank ? std::to_string(*l.rank) : std::string(dash); };
  const std::string cur = rules.currency;

  People p;
  p.title = en ? fmt::format("Allocation of round {} “{}”", rules.id, rules.title)
               : fmt::format("Розподіл бюджету конкурсу {} «{}»", rules.id, rules.title);
  p.budget_line = fmt::format("{}: {} {}", en ? "Budget" : "Бюджет", money(d.budget, en), cur);

  Section lots{en ? "Lots" : "Лоти",
               {en ? "lot" : "лот", en ? "name" : "назва", en ? "amount" : "сума", en ? "awarded" : "розподілено"},
               "llrr",
               {},
               ""};
  for (const auto& l : d.lots) {
    std::string name;
    for (const auto& rl : rules.lots)
      if (rl.id == l.id) name = rl.name;
    if (rules.lots.empty()) name = en ? "whole budget" : "увесь бюджет";
    lots.rows.push_back({l.id, name, money(l.amount, en), money(l.awarded, en)});
  }
  if (d.pool_amount)
    lots.rows.push_back({"pool", en ? "lot remainders and unassigned budget" : "залишки лотів і нерозподілений бюджет",
                         money(*d.pool_amount, en), money(d.pool_awarded, en)});
  p.sections.push_back(std::move(lots));

  Section winners{en ? "Winners" : "Переможці",
                  {en ? "rank" : "№", en ? "id" : "заявка", en ? "organisation" : "організація", en ? "lot" : "лот",
                   en ? "requested" : "запит", en ? "award" : "сума", en ? "status" : "статус"},
                  "rlllrrl",
                  {},
                  en ? "No awards." : "Нагород немає."};
  Section reserve{en ? "Reserve list" : "Резервний список",
                  {en ? "rank" : "№", en ? "id" : "заявка", en ? "organisation" : "організація",
                   en ? "requested" : "запит", en ? "reason" : "причина"},
                  "rllrl",
                  {},
                  en ? "None." : "Немає."};
  Section commission{en ? "Commission decisions" : "Рішення комісії",
                     {en ? "rank" : "№", en ? "id" : "заявка", en ? "organisation" : "організація",
                      en ? "status" : "статус", en ? "award" : "сума", en ? "decision and reason" : "рішення і підстава"},
                     "rlllrl",
                     {},
                     ""};
  const auto decided = decision_of(v.decisions);
  auto status_decision = [&](const std::string& id) -> const CommissionDecision* {
    auto it = decided.find(id);
    return it != decided.end() && it->second->kind != DecisionKind::order ? it->second : nullptr;
  };
  Section unranked{en ? "Rejected and incomplete" : "Відхилені та не оцінені",
                   {en ? "id" : "заявка", en ? "organisation" : "організація", en ? "status" : "статус",
                    en ? "reasons" : "причини"},
                   "llll",
                   {},
                   en ? "None." : "Немає."};
  for (const auto& l : d.applications) {
    std::vector<std::string> reasons;
    for (const auto& r : l.reasons) reasons.push_back(reason_in_words(rules, r, en));
    switch (l.status) {
      case AwardStatus::funded:
      case AwardStatus::partial:
        if (const CommissionDecision* d = status_decision(l.id)) {
          winners.rows.push_back({rank(l), l.id, org(l.id), l.lot.value_or(""), requested(l.id), money(l.award, en),
                                  award_status_in_words(l.status, en) + (en ? " (commission)" : " (рішення комісії)")});
          commission.rows.push_back({rank(l), l.id, org(l.id), award_status_in_words(l.status, en), money(l.award, en),
                                     decision_note(*d, en)});
          break;
        }
        winners.rows.push_back({rank(l), l.id, org(l.id), l.lot.value_or(""), requested(l.id), money(l.award, en),
                                award_status_in_words(l.status, en)});
        break;
      case AwardStatus::reserve:
        reserve.rows.push_back({rank(l), l.id, org(l.id), requested(l.id), join(reasons, "; ")});
        break;
      case AwardStatus::withdrawn:
      case AwardStatus::declined: {
        const CommissionDecision* d = status_decision(l.id);
        commission.rows.push_back({rank(l), l.id, org(l.id), award_status_in_words(l.status, en), money(l.award, en),
                                   d ? decision_note(*d, en) : ""});
        break;
      }
      case AwardStatus::rejected:
      case AwardStatus::incomplete:
        unranked.rows.push_back({l.id, org(l.id), award_status_in_words(l.status, en), join(reasons, "; ")});
        break;
    }
  }
  // Orders after the applications they concern: ranks and ids in the decided order.
  std::map<std::string, const AllocationLine*> line_of;
  for (const auto& l : d.applications) line_of[l.id] = &l;
  for (const auto& dec : v.decisions) {
    if (dec.kind != DecisionKind::order) continue;
    std::vector<std::string> ranks, orgs;
    for (const auto& id : dec.applications) {
      ranks.push_back(line_of.count(id) ? rank(*line_of.at(id)) : std::string(dash));
      orgs.push_back(org(id));
    }
    commission.rows.push_back({join(ranks, ", "), join(dec.applications, ", "), join(orgs, "; "),
                               en ? "order of a tie" : "порядок рівних", "", decision_note(dec, en)});
  }
  p.sections.push_back(std::move(winners));
  p.sections.push_back(std::move(reserve));
  if (!commission.rows.empty()) p.sections.push_back(std::move(commission));
  p.sections.push_back(std::move(unranked));

  auto coefficient = d.coefficient();
  p.totals = {
      fmt::format("{}: {} {}", en ? "Awarded" : "Розподілено", money(d.awarded, en), cur),
      fmt::format("{}: {} {}", en ? "Leftover" : "Залишок", money(d.leftover, en), cur),
      fmt::format("{}: {} {}", en ? "Co-financing of the winners" : "Співфінансування переможців",
                  money(d.cofinancing, en), cur),
      fmt::format("{}: {}", en ? "Coefficient of attracted funds" : "Коефіцієнт залучених коштів",
                  coefficient ? (en ? coefficient->to_fixed(4) : coefficient->to_fixed_ukrainian(4)) : dash),
  };
  p.fingerprint_label = en ? "Fingerprint" : "Відбиток рішення";
  return p;
}

// Text tables only: long names are cut with `…` so that a row fits a terminal.
std::string clip(const std::string& s, std::size_t width) {
  if (display_width(s) <= width) return s;
  std::size_t chars = 0, i = 0;
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == width - 1) break;
  return s.substr(0, i) + "…";
}

constexpr std::size_t text_name_width = 40;

// A Markdown table cell: one line, with the characters that end a cell or
// start formatting escaped.
std::string md_cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (c == '\\' || c == '|' || c == '*' || c == '_' || c == '`' || c == '<' || c == '[' || c == ']') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

// cli.md "allocate", text.
std::string render_allocation_text(const AllocationView& v, bool english) {
  People p = people(v, english);
  std::string out = p.title + "\n" + p.budget_line + "\n";
  for (const auto& s : p.sections) {
    out += "\n" + s.title + ":\n";
    if (s.rows.empty()) {
      out += s.none + "\n";
      continue;
    }
    TextTable t;
    t.header(s.header, s.align);
    for (auto row : s.rows) {
      for (std::size_t i = 0; i < row.size() && i < s.header.size(); ++i)
        if (s.header[i] == (english ? "organisation" : "організація")) row[i] = clip(row[i], text_name_width);
      t.row(std::move(row));
    }
    out += t.render();
  }
  out += "\n";
  for (const auto& line : p.totals) out += line + "\n";
  out += p.fingerprint_label + ": " + v.fingerprint + "\n";
  return out;
}

// cli.md "allocate", md: the same content as a Markdown document.
std::string render_allocation_md(const AllocationView& v, bool english) {
  People p = people(v, english);
  std::string out = "# " + md_cell(p.title) + "\n\n" + md_cell(p.budget_line) + "\n";
  auto line = [](const std::vector<std::string>& cells) {
    std::string s = "|";
    for (const auto& c : cells) s += " " + md_cell(c) + " |";
    return s + "\n";
  };
  for (const auto& s : p.sections) {
    out += "\n## " + md_cell(s.title) + "\n\n";
    if (s.rows.empty()) {
      out += md_cell(s.none) + "\n";
      continue;
    }
    out += line(s.header);
    std::string rule = "|";
    for (char a : s.align) rule += a == 'r' ? " ---: |" : " --- |";
    out += rule + "\n";
    for (const auto& r : s.rows) out += line(r);
  }
  out += "\n";
  for (const auto& l : p.totals) out += "- " + md_cell(l) + "\n";
  out += "\n" + md_cell(p.fingerprint_label) + ": `" + v.fingerprint + "`\n";
  return out;
}

// cli.md "allocate", CSV: machine tokens, lists joined with `|`.
std::string render_allocation_csv(const AllocationView& v, bool excel) {
  std::map<std::string, std::string> names;
  for (const auto& a : v.applications) names.emplace(a.id, a.organisation);
  CsvWriter w(CsvStyle::people(excel));
  const bool decisions = !v.decisions.empty();
  const auto decided = decision_of(v.decisions);
  for (const char* h : {"rank", "id", "organisation", "status", "award", "lot", "reasons"}) w.text(h);
  if (decisions) w.text("decision").text("decision_reason");
  w.end_row();
  for (const auto& l : v.decision.applications) {
    if (l.rank)
      w.number(std::to_string(*l.rank));
    else
      w.empty();
    w.text(l.id);
    w.text(names.count(l.id) ? names.at(l.id) : "");
    w.text(to_string(l.status));
    w.number(l.award.to_string());
    if (l.lot)
      w.text(*l.lot);
    else
      w.empty();
    w.text(join(l.reasons, "|"));
    if (decisions) {
      auto it = decided.find(l.id);
      if (it == decided.end()) {
        w.empty().empty();
      } else {
        w.text(to_string(it->second->kind));
        w.text(it->second->reason);
      }
    }
    w.end_row();
  }
  return w.str();
}

// cli.md "allocate", JSON: one object, keys in the order cli.md shows.
std::string render_allocation_json(const AllocationView& v) {
  using json = nlohmann::ordered_json;
  const Decision& d = v.decision;
  auto coefficient = d.coefficient();
  json out;
  out["round"] = d.round;
  out["budget"] = d.budget.to_string();
  out["awarded"] = d.awarded.to_string();
  out["leftover"] = d.leftover.to_string();
  out["cofinancing"] = d.cofinancing.to_string();
  out["coefficient"] = coefficient ? json(coefficient->to_fixed(4)) : json(nullptr);
  out["fingerprint"] = v.fingerprint;
  if (!v.decisions.empty()) out["decisions"] = applied_decisions_json(v.decisions);
  out["lots"] = lots_json(d);
  out["applications"] = applications_json(d);
  return out.dump() + "\n";
}

}  // namespace competition
