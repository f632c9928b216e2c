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
#include "render/cross_year_words.hpp"
#include "render/decision_words.hpp"
#include "render/markdown_table.hpp"
#include "render/number_style.hpp"
#include "render/reason_words.hpp"
#include "render/rules_labels.hpp"
#include "render/text_table.hpp"
#include "render/token_words.hpp"
#include "render/words.hpp"
#include "values/application_index.hpp"

namespace competition {

namespace {

constexpr const char* dash = "—";

struct AllocationWords {
  const char* title;  // round id, title
  const char* budget;
  const char* lots;
  const char* winners;
  const char* rank;
  const char* id;
  const char* organisation;
  const char* requested;
  const char* award;
  const char* status;
  const char* no_awards;
  const char* by_commission;
  const char* reserve;
  const char* reason;
  const char* none;
  const char* commission;
  const char* decision_and_reason;
  const char* order;
  const char* decision_note;  // number, reason
  const char* unranked;
  const char* reasons;
  const char* fingerprint;
};

constexpr PerLang<AllocationWords> allocation_words{
    .uk =
        {
            .title = "Розподіл бюджету конкурсу {} «{}»",
            .budget = "Бюджет",
            .lots = "Лоти",
            .winners = "Переможці",
            .rank = "№",
            .id = "заявка",
            .organisation = "організація",
            .requested = "запит",
            .award = "сума",
            .status = "статус",
            .no_awards = "Грантів немає.",
            .by_commission = " (рішення комісії)",
            .reserve = "Резервний список",
            .reason = "причина",
            .none = "Немає.",
            .commission = "Рішення комісії",
            .decision_and_reason = "рішення і підстава",
            .order = "порядок рівних",
            .decision_note = "№{}: {}",
            .unranked = "Відхилені та не оцінені",
            .reasons = "причини",
            .fingerprint = "Відбиток рішення",
        },
    .en =
        {
            .title = "Allocation of round {} “{}”",
            .budget = "Budget",
            .lots = "Lots",
            .winners = "Winners",
            .rank = "rank",
            .id = "id",
            .organisation = "organisation",
            .requested = "requested",
            .award = "award",
            .status = "status",
            .no_awards = "No awards.",
            .by_commission = " (commission)",
            .reserve = "Reserve list",
            .reason = "reason",
            .none = "None.",
            .commission = "Commission decisions",
            .decision_and_reason = "decision and reason",
            .order = "order of a tie",
            .decision_note = "no. {}: {}",
            .unranked = "Rejected and incomplete",
            .reasons = "reasons",
            .fingerprint = "Fingerprint",
        },
};

// The same as a table cell, appended to the row.
void money_cell(TextRow& row, Money m, Lang lang) {
  append_money(row.text(), m, lang);
  row.end_cell();
}

// The standing decision on each application: its withdrawal or override, else
// the last order naming it (docs/rules.md §4 step 2).
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
std::string decision_note(const CommissionDecision& d, const AllocationWords& w) {
  return fmt::format(fmt::runtime(w.decision_note), d.n, one_line(d.reason));
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
  People(const AllocationView& v, Lang lang);
  People(const People&) = delete;
  People& operator=(const People&) = delete;

  std::string title;
  std::string budget_line;
  std::vector<Section> sections;
  std::vector<std::string> totals;
  std::string fingerprint_label;

 private:
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
      money_cell(row, a->requested, lang_);
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
    if (it == statuses_.end()) it = statuses_.emplace(s, award_status_in_words(s, lang_)).first;
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

  // The constructor's sections, in the order they are shown.
  void add_lots(const Rules& rules, const Decision& d);
  void group_lines(const Decision& d);
  void rank_orders(const Decision& d, const std::vector<CommissionDecision>& decisions);
  void add_ranked_sections();
  void add_commission_section();
  void decided_row(const AllocationLine& l, TextRow& row, std::size_t name_width);
  void order_row(std::size_t k, TextRow& row, std::size_t name_width) const;
  void add_unranked_section();
  void add_cross_year_section(const Decision& d, const CrossYearView& cross_year);
  void add_totals(const Rules& rules, const Decision& d);

  const Rules* rules_;
  Lang lang_;
  const AllocationWords& w_;
  const DecisionWords& dw_;
  // One lookup per row: a national decision lists 100 000s of applications.
  StringIndex<const Application*> apps_;
  std::map<std::string, const CommissionDecision*> decided_;
  TokenWords words_;
  std::map<AwardStatus, std::string> statuses_;
  std::vector<const AllocationLine*> winners_, reserve_, commission_, unranked_;
  std::vector<const CommissionDecision*> orders_;
  std::vector<std::pair<const AllocationLine*, const std::vector<std::string>*>> flagged_;  // with their flags
  std::vector<std::string> order_ranks_;  // of each order: the ranks of its applications
};

People::People(const AllocationView& v, Lang lang)
    : rules_(&v.rules),
      lang_(lang),
      w_(allocation_words[lang]),
      dw_(decision_words[lang]),
      decided_(decision_of(v.decisions)),
      words_(v.rules, lang) {
  apps_ = applications_by_id(v.applications);
  title = fmt::format(fmt::runtime(w_.title), v.rules.id, v.rules.title);
  budget_line = fmt::format("{}: {}", w_.budget, money_with_currency(v.decision.budget, v.rules.currency, lang));
  add_lots(v.rules, v.decision);
  group_lines(v.decision);
  rank_orders(v.decision, v.decisions);
  add_ranked_sections();
  if (!commission_.empty() || !orders_.empty()) add_commission_section();
  add_unranked_section();
  if (v.cross_year.shown) add_cross_year_section(v.decision, v.cross_year);
  add_totals(v.rules, v.decision);
}

// Lots: a handful of rows, kept as text; each lot by its name (render/rules_labels.hpp).
void People::add_lots(const Rules& rules, const Decision& d) {
  auto lot_rows = std::make_shared<std::vector<std::vector<std::string>>>();
  for (const auto& l : d.lots)
    lot_rows->push_back(
        {std::string(lot_name(rules, l.id, lang_)), money_text(l.amount, lang_), money_text(l.awarded, lang_)});
  if (d.pool_amount)
    lot_rows->push_back({std::string(lot_name(rules, "pool", lang_)), money_text(*d.pool_amount, lang_),
                         money_text(d.pool_awarded, lang_)});
  sections.push_back({w_.lots,
                      {dw_.lot, dw_.amount, dw_.awarded},
                      "lrr",
                      "",
                      lot_rows->size(),
                      [lot_rows](std::size_t i, TextRow& row, std::size_t) {
                        for (const auto& c : (*lot_rows)[i]) row.cell(c);
                      }});
}

// The lines grouped by section: a winner the commission decided on is in both
// the winners and the commission's section.
void People::group_lines(const Decision& d) {
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
}

// Orders after the applications they concern: ranks and ids in the decided order.
void People::rank_orders(const Decision& d, const std::vector<CommissionDecision>& decisions) {
  for (const auto& dec : decisions)
    if (dec.kind == DecisionKind::order) orders_.push_back(&dec);
  if (orders_.empty()) return;
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

// The winners and the reserve list, in rank order.
void People::add_ranked_sections() {
  sections.push_back({w_.winners,
                      {w_.rank, w_.id, w_.organisation, dw_.lot, w_.requested, w_.award, w_.status},
                      "rlllrrl",
                      w_.no_awards,
                      winners_.size(),
                      ranked_rows(winners_, [this](const AllocationLine& l, TextRow& row) {
                        row.cell(l.lot ? lot_heading(*rules_, *l.lot, lang_) : std::string_view());
                        requested(row, l.id);
                        money_cell(row, l.award, lang_);
                        row.text() += status(l.status);
                        if (status_decision(l.id)) row.text() += w_.by_commission;
                        row.end_cell();
                      })});
  sections.push_back({w_.reserve,
                      {w_.rank, w_.id, w_.organisation, w_.requested, w_.reason},
                      "rllrl",
                      w_.none,
                      reserve_.size(),
                      ranked_rows(reserve_, [this](const AllocationLine& l, TextRow& row) {
                        requested(row, l.id);
                        reasons(row, l);
                      })});
}

// The commission's section: the applications it decided on, then its orders.
void People::add_commission_section() {
  sections.push_back({w_.commission,
                      {w_.rank, w_.id, w_.organisation, w_.status, w_.award, w_.decision_and_reason},
                      "rlllrl",
                      "",
                      commission_.size() + orders_.size(),
                      [this](std::size_t i, TextRow& row, std::size_t name_width) {
                        if (i < commission_.size())
                          decided_row(*commission_[i], row, name_width);
                        else
                          order_row(i - commission_.size(), row, name_width);
                      }});
}

// An application the commission withdrew, declined or overrode.
void People::decided_row(const AllocationLine& l, TextRow& row, std::size_t name_width) {
  leading(row, l, name_width);
  row.cell(status(l.status));
  money_cell(row, l.award, lang_);
  const CommissionDecision* standing = status_decision(l.id);
  row.cell(standing ? decision_note(*standing, w_) : "");
}

// The `k`th order: the ranks, ids and organisations of its applications.
void People::order_row(std::size_t k, TextRow& row, std::size_t name_width) const {
  const CommissionDecision& dec = *orders_[k];
  row.cell(order_ranks_[k]);
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
  row.cell(w_.order).cell("").cell(decision_note(dec, w_));
}

// The rejected and incomplete applications, without a rank.
void People::add_unranked_section() {
  sections.push_back({w_.unranked,
                      {w_.id, w_.organisation, w_.status, w_.reasons},
                      "llll",
                      w_.none,
                      unranked_.size(),
                      [this](std::size_t i, TextRow& row, std::size_t name_width) {
                        const AllocationLine& l = *unranked_[i];
                        row.cell(l.id);
                        org(row, l.id, name_width);
                        row.cell(status(l.status));
                        reasons(row, l);
                      }});
}

// year.md §5: the applications the checks flagged, in the decision's order.
void People::add_cross_year_section(const Decision& d, const CrossYearView& cross_year) {
  for (const auto& l : d.applications)
    if (auto it = cross_year.flags.find(l.id); it != cross_year.flags.end()) flagged_.emplace_back(&l, &it->second);
  sections.push_back({cross_year_line(cross_year, lang_),
                      {w_.id, w_.organisation, cross_year_column(lang_)},
                      "lll",
                      w_.none,
                      flagged_.size(),
                      [this](std::size_t i, TextRow& row, std::size_t name_width) {
                        const auto& [line, flags] = flagged_[i];
                        row.cell(line->id);
                        org(row, line->id, name_width);
                        for (const std::string& f : *flags) {
                          if (!row.cell_empty()) row.text() += "; ";
                          row.text() += words_.flag(f);
                        }
                        row.end_cell();
                      }});
}

// The totals and the fingerprint's label.
void People::add_totals(const Rules& rules, const Decision& d) {
  auto money = [&](Money m) { return money_with_currency(m, rules.currency, lang_); };
  auto coefficient = d.coefficient();
  totals = {
      fmt::format("{}: {}", dw_.awarded_total, money(d.awarded)),
      fmt::format("{}: {}", dw_.leftover, money(d.leftover)),
      fmt::format("{}: {}", dw_.cofinancing, money(d.cofinancing)),
      fmt::format("{}: {}", dw_.coefficient, coefficient ? fixed_text(*coefficient, 4, lang_) : dash),
  };
  fingerprint_label = w_.fingerprint;
}

}  // namespace

// docs/cli.md "allocate", text.
void render_allocation_text(OutputSink& out, const AllocationView& v, Lang lang) {
  People p(v, lang);
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

// docs/cli.md "allocate", md: the same content as a Markdown document.
void render_allocation_md(OutputSink& out, const AllocationView& v, Lang lang) {
  People p(v, lang);
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

// docs/cli.md "allocate", CSV: machine tokens, lists joined with `|`.
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

// docs/cli.md "allocate", JSON: one object, keys in the order docs/cli.md shows.
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
