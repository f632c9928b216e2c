#include "render/render_allocation.hpp"

#include <fmt/format.h>

#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>

#include "base/text.hpp"
#include "engine/decision_record.hpp"
#include "formats/csv_writer.hpp"
#include "render/commission_words.hpp"
#include "render/markdown_table.hpp"
#include "render/reason_words.hpp"
#include "render/text_table.hpp"
#include "render/token_words.hpp"
#include "values/application_index.hpp"

namespace competition {

namespace {

constexpr const char* dash = "—";

std::string money(Money m, bool en) { return en ? m.to_string() : m.to_ukrainian(); }
// The same as a table cell, appended to the row.
void money_cell(TextRow& row, Money m, bool en) {
  if (en)
    m.append_to(row.text());
  else
    m.append_ukrainian(row.text());
  row.end_cell();
}

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

// Text tables only: long names are cut to this many characters with `…` so
// that a row fits a terminal.
constexpr std::size_t text_name_width = 40;

// Row `i` of a section; `name_width` cuts the organisation cell (text), 0 keeps
// it whole (Markdown).
using SectionRows = std::function<void(std::size_t i, TextRow& row, std::size_t name_width)>;

// The sections shared by the text and Markdown forms; rows are made on demand.
struct Section {
  std::string title;
  std::vector<std::string> header;
  std::string align;
  std::string none;  // shown instead of an empty table
  std::size_t count = 0;
  SectionRows rows;
};

// What the text and Markdown forms show. The rows of a section are made from
// the decision when written, one at a time, by the section's `rows`, which
// point into this object: it stays where it was made.
class People {
 public:
  People(const AllocationView& v, bool en);
  People(const People&) = delete;
  People& operator=(const People&) = delete;

  std::string title;
  std::string budget_line;
  std::vector<Section> sections;
  std::vector<std::string> totals;
  std::string fingerprint_label;

 private:
  // The constructor's parts, in the order of the document.
  void add_lots(const AllocationView& v);
  void group_lines(const AllocationView& v);
  void add_ranked_sections();
  void add_commission_section();
  void add_unranked_section();
  void add_totals(const AllocationView& v);

  const Application* find(std::string_view id) const { return find_application(apps_, id); }
  void org(TextRow& row, std::string_view id, std::size_t name_width) const {
    const Application* a = find(id);
    std::string_view name = a ? std::string_view(a->organisation) : std::string_view();
    if (name_width)
      row.clipped(name, name_width);
    else
      row.cell(name);
  }
  void requested(TextRow& row, std::string_view id) const {
    const Application* a = find(id);
    if (a)
      money_cell(row, a->requested, en_);
    else
      row.end_cell();
  }
  static void rank(TextRow& row, const AllocationLine& l) {
    if (l.rank)
      fmt::format_to(std::back_inserter(row.text()), "{}", *l.rank);
    else
      row.text() += dash;
    row.end_cell();
  }
  // The first cells of a ranked section: rank, id, organisation.
  void leading(TextRow& row, const AllocationLine& l, std::size_t name_width) const {
    rank(row, l);
    row.cell(l.id);
    org(row, l.id, name_width);
  }
  // The rows of a section of `lines`: the leading cells, then `rest`'s.
  SectionRows ranked_rows(const std::vector<const AllocationLine*>& lines,
                          std::function<void(const AllocationLine&, TextRow&)> rest) const {
    return [this, &lines, rest = std::move(rest)](std::size_t i, TextRow& row, std::size_t name_width) {
      leading(row, *lines[i], name_width);
      rest(*lines[i], row);
    };
  }
  std::string_view status(AwardStatus s) {
    auto it = statuses_.find(s);
    if (it == statuses_.end()) it = statuses_.emplace(s, award_status_in_words(s, en_)).first;
    return it->second;
  }
  void reasons(TextRow& row, const AllocationLine& l) {
    for (const auto& r : l.reasons) {
      if (!row.cell_empty()) row.text() += "; ";  // as a join: no separator after empty words
      row.text() += words_.reason(r);
    }
    row.end_cell();
  }
  // The withdrawal or override standing on an application (not an order).
  const CommissionDecision* status_decision(const std::string& id) const {
    auto it = decided_.find(id);
    return it != decided_.end() && it->second->kind != DecisionKind::order ? it->second : nullptr;
  }

  bool en_;
  // One lookup per row: a national decision lists 100 000s of applications.
  StringIndex<const Application*> apps_;
  std::map<std::string, const CommissionDecision*> decided_;
  TokenWords words_;
  std::map<AwardStatus, std::string> statuses_;
  std::vector<const AllocationLine*> winners_, reserve_, commission_, unranked_;
  std::vector<const CommissionDecision*> orders_;
  std::vector<std::string> order_ranks_;  // of each order: the ranks of its applications
};

People::People(const AllocationView& v, bool en) : en_(en), decided_(decision_of(v.decisions)), words_(v.rules, en) {
  const Rules& rules = v.rules;
  const Decision& d = v.decision;
  apps_ = applications_by_id(v.applications);
  const std::string cur = rules.currency;

  title = en ? fmt::format("Allocation of round {} “{}”", rules.id, rules.title)
             : fmt::format("Розподіл бюджету конкурсу {} «{}»", rules.id, rules.title);
  budget_line = fmt::format("{}: {} {}", en ? "Budget" : "Бюджет", money(d.budget, en), cur);
  add_lots(v);
  group_lines(v);
  add_ranked_sections();
  add_commission_section();
  add_unranked_section();
  add_totals(v);
}

// Lots: a handful of rows, kept as text.
void People::add_lots(const AllocationView& v) {
  const bool en = en_;
  const Rules& rules = v.rules;
  const Decision& d = v.decision;
  auto lot_rows = std::make_shared<std::vector<std::vector<std::string>>>();
  for (const auto& l : d.lots) {
    std::string name;
    for (const auto& rl : rules.lots)
      if (rl.id == l.id) name = rl.name;
    if (rules.lots.empty()) name = en ? "whole budget" : "увесь бюджет";
    lot_rows->push_back({l.id, name, money(l.amount, en), money(l.awarded, en)});
  }
  if (d.pool_amount)
    lot_rows->push_back({"pool", en ? "lot remainders and unassigned budget" : "залишки лотів і нерозподілений бюджет",
                         money(*d.pool_amount, en), money(d.pool_awarded, en)});
  sections.push_back(
      {en ? "Lots" : "Лоти",
       {en ? "lot" : "лот", en ? "name" : "назва", en ? "amount" : "сума", en ? "awarded" : "розподілено"},
       "llrr",
       "",
       lot_rows->size(),
       [lot_rows](std::size_t i, TextRow& row, std::size_t) {
         for (const auto& c : (*lot_rows)[i]) row.cell(c);
       }});
}

// Each application line in its section; each order with the ranks it settled.
void People::group_lines(const AllocationView& v) {
  const Decision& d = v.decision;
  for (const auto& l : d.applications) {
    switch (l.status) {
      case AwardStatus::funded:
      case AwardStatus::partial:
        winners_.push_back(&l);
        if (status_decision(l.id)) commission_.push_back(&l);
        break;
      case AwardStatus::reserve:
        reserve_.push_back(&l);
        break;
      case AwardStatus::withdrawn:
      case AwardStatus::declined:
        commission_.push_back(&l);
        break;
      case AwardStatus::rejected:
      case AwardStatus::incomplete:
        unranked_.push_back(&l);
        break;
    }
  }
  // Orders after the applications they concern: ranks and ids in the decided order.
  for (const auto& dec : v.decisions)
    if (dec.kind == DecisionKind::order) orders_.push_back(&dec);
  if (!orders_.empty()) {
    std::unordered_map<std::string_view, const AllocationLine*> line_of;
    for (const auto& l : d.applications) line_of.insert_or_assign(l.id, &l);
    for (const CommissionDecision* dec : orders_) {
      std::string ranks;
      for (const auto& id : dec->applications) {
        if (!ranks.empty()) ranks += ", ";
        auto it = line_of.find(id);
        ranks += it != line_of.end() && it->second->rank ? std::to_string(*it->second->rank) : std::string(dash);
      }
      order_ranks_.push_back(std::move(ranks));
    }
  }
}

void People::add_ranked_sections() {
  const bool en = en_;
  sections.push_back({en ? "Winners" : "Переможці",
                      {en ? "rank" : "№", en ? "id" : "заявка", en ? "organisation" : "організація", en ? "lot" : "лот",
                       en ? "requested" : "запит", en ? "award" : "сума", en ? "status" : "статус"},
                      "rlllrrl",
                      en ? "No awards." : "Нагород немає.",
                      winners_.size(),
                      ranked_rows(winners_, [this](const AllocationLine& l, TextRow& row) {
                        row.cell(l.lot ? std::string_view(*l.lot) : std::string_view());
                        requested(row, l.id);
                        money_cell(row, l.award, en_);
                        row.text() += status(l.status);
                        if (status_decision(l.id)) row.text() += en_ ? " (commission)" : " (рішення комісії)";
                        row.end_cell();
                      })});
  sections.push_back({en ? "Reserve list" : "Резервний список",
                      {en ? "rank" : "№", en ? "id" : "заявка", en ? "organisation" : "організація",
                       en ? "requested" : "запит", en ? "reason" : "причина"},
                      "rllrl",
                      en ? "None." : "Немає.",
                      reserve_.size(),
                      ranked_rows(reserve_, [this](const AllocationLine& l, TextRow& row) {
                        requested(row, l.id);
                        reasons(row, l);
                      })});
}

void People::add_commission_section() {
  const bool en = en_;
  if (!commission_.empty() || !orders_.empty())
    sections.push_back(
        {en ? "Commission decisions" : "Рішення комісії",
         {en ? "rank" : "№", en ? "id" : "заявка", en ? "organisation" : "організація", en ? "status" : "статус",
          en ? "award" : "сума", en ? "decision and reason" : "рішення і підстава"},
         "rlllrl",
         "",
         commission_.size() + orders_.size(),
         [this](std::size_t i, TextRow& row, std::size_t name_width) {
           if (i < commission_.size()) {
             const AllocationLine& l = *commission_[i];
             leading(row, l, name_width);
             row.cell(status(l.status));
             money_cell(row, l.award, en_);
             const CommissionDecision* d = status_decision(l.id);
             row.cell(d ? decision_note(*d, en_) : "");
             return;
           }
           const CommissionDecision& dec = *orders_[i - commission_.size()];
           row.cell(order_ranks_[i - commission_.size()]);
           row.cell(join(dec.applications, ", "));
           std::string orgs;
           for (const auto& id : dec.applications) {
             if (!orgs.empty()) orgs += "; ";  // as join(): no separator after empty names
             const Application* a = find(id);
             if (a) orgs += a->organisation;
           }
           if (name_width)
             row.clipped(orgs, name_width);
           else
             row.cell(orgs);
           row.cell(en_ ? "order of a tie" : "порядок рівних").cell("").cell(decision_note(dec, en_));
         }});
}

void People::add_unranked_section() {
  const bool en = en_;
  sections.push_back({en ? "Rejected and incomplete" : "Відхилені та не оцінені",
                      {en ? "id" : "заявка", en ? "organisation" : "організація", en ? "status" : "статус",
                       en ? "reasons" : "причини"},
                      "llll",
                      en ? "None." : "Немає.",
                      unranked_.size(),
                      [this](std::size_t i, TextRow& row, std::size_t name_width) {
                        const AllocationLine& l = *unranked_[i];
                        row.cell(l.id);
                        org(row, l.id, name_width);
                        row.cell(status(l.status));
                        reasons(row, l);
                      }});
}

void People::add_totals(const AllocationView& v) {
  const bool en = en_;
  const Decision& d = v.decision;
  const std::string& cur = v.rules.currency;
  auto coefficient = d.coefficient();
  totals = {
      fmt::format("{}: {} {}", en ? "Awarded" : "Розподілено", money(d.awarded, en), cur),
      fmt::format("{}: {} {}", en ? "Leftover" : "Залишок", money(d.leftover, en), cur),
      fmt::format("{}: {} {}", en ? "Co-financing of the winners" : "Співфінансування переможців",
                  money(d.cofinancing, en), cur),
      fmt::format("{}: {}", en ? "Coefficient of attracted funds" : "Коефіцієнт залучених коштів",
                  coefficient ? (en ? coefficient->to_fixed(4) : coefficient->to_fixed_ukrainian(4)) : dash),
  };
  fingerprint_label = en ? "Fingerprint" : "Відбиток рішення";
}

}  // namespace

// cli.md "allocate", text.
void render_allocation_text(OutputSink& out, const AllocationView& v, bool english) {
  People p(v, english);
  out += p.title + "\n" + p.budget_line + "\n";
  for (const auto& s : p.sections) {
    out += "\n" + s.title + ":\n";
    if (s.count == 0) {
      out += s.none + "\n";
      continue;
    }
    TextTable t;
    t.header(s.header, s.align);
    t.render(out, s.count, [&s](std::size_t i, TextRow& row) { s.rows(i, row, text_name_width); });
  }
  out += "\n";
  for (const auto& line : p.totals) out += line + "\n";
  out += p.fingerprint_label + ": " + v.fingerprint + "\n";
}

// cli.md "allocate", md: the same content as a Markdown document.
void render_allocation_md(OutputSink& out, const AllocationView& v, bool english) {
  People p(v, english);
  out += "# " + md_cell(p.title) + "\n\n" + md_cell(p.budget_line) + "\n";
  for (const auto& s : p.sections) {
    out += "\n## " + md_cell(s.title) + "\n\n";
    if (s.count == 0) {
      out += md_cell(s.none) + "\n";
      continue;
    }
    render_md_table(out, s.header, s.align, s.count, [&s](std::size_t i, TextRow& row) { s.rows(i, row, 0); });
  }
  out += "\n";
  for (const auto& l : p.totals) out += "- " + md_cell(l) + "\n";
  out += "\n" + md_cell(p.fingerprint_label) + ": `" + v.fingerprint + "`\n";
}

// cli.md "allocate", CSV: machine tokens, lists joined with `|`.
void render_allocation_csv(OutputSink& out, const AllocationView& v, bool excel) {
  const auto names = applications_by_id(v.applications);
  CsvWriter w(CsvStyle::people(excel), out);
  const bool decisions = !v.decisions.empty();
  const auto decided = decision_of(v.decisions);
  for (const char* h : {"rank", "id", "organisation", "status", "award", "lot", "reasons"}) w.text(h);
  if (decisions) w.text("decision").text("decision_reason");
  w.end_row();
  for (const auto& l : v.decision.applications) {
    if (l.rank)
      w.integer(*l.rank);
    else
      w.empty();
    w.text(l.id);
    w.text(organisation_name(names, l.id));
    w.text(to_string(l.status));
    w.number(l.award.to_string());
    if (l.lot)
      w.text(*l.lot);
    else
      w.empty();
    w.list(l.reasons);
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
}

// cli.md "allocate", JSON: one object, keys in the order cli.md shows.
void render_allocation_json(OutputSink& out, const AllocationView& v) {
  using json = nlohmann::ordered_json;
  const Decision& d = v.decision;
  auto coefficient = d.coefficient();
  json doc;
  doc["round"] = d.round;
  doc["budget"] = d.budget.to_string();
  doc["awarded"] = d.awarded.to_string();
  doc["leftover"] = d.leftover.to_string();
  doc["cofinancing"] = d.cofinancing.to_string();
  doc["coefficient"] = coefficient ? json(coefficient->to_fixed(4)) : json(nullptr);
  doc["fingerprint"] = v.fingerprint;
  if (!v.decisions.empty()) doc["decisions"] = applied_decisions_json(v.decisions);
  doc["lots"] = lots_json(d);
  doc["applications"] = applications_json(d);
  out += doc.dump();
  out += "\n";
}

}  // namespace competition
