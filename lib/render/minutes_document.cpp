#include "render/minutes_document.hpp"

#include <fmt/format.h>

#include <functional>
#include <map>
#include <set>

#include "base/text.hpp"
#include "render/commission_words.hpp"
#include "render/cross_year_words.hpp"
#include "render/decision_words.hpp"
#include "render/number_style.hpp"
#include "render/reason_words.hpp"
#include "render/rules_labels.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

constexpr const char* dash = "—";

struct MinutesWords {
  const char* title;
  const char* subtitle;  // round id, title
  const char* meeting_date;
  const char* round_budget;
  const char* allocation_recorded;
  const char* members_title;
  const char* no_members;
  const char* budget_title;
  const char* unassigned;     // the budget not given to any lot
  const char* lots_leftover;  // Σ (lot − its awards), part of the lots' sums
  const char* pool;           // the pool: unassigned budget and lots' leftovers
  const char* total_row;      // a table's last row: the sums
  const char* pool_row;       // the row of the pool's awards
  const char* place;          // the awards table: the place in the ranking
  const char* applications_title;
  const char* weight;
  const char* criteria;
  const char* votes_order;
  const char* scores_order;
  const char* rank;
  const char* id;
  const char* organisation;
  const char* requested;
  const char* votes;
  const char* total;
  const char* status;
  const char* award;
  const char* reasons;
  const char* decided_by;  // the number of the decision
  const char* number;      // the decisions table
  const char* recorded;
  const char* decision;
  const char* applications;
  const char* reason;
  const char* state;
  const char* decisions_title;
  const char* no_decisions;
  const char* applied;
  const char* replaced;
  const char* pending_title;
  const char* pending_note;
  const char* not_applied_yet;
  const char* awards_title;
  const char* no_awards;
  const char* winners;
  const char* fingerprint_title;
  const char* fingerprint_note;
  const char* signatures;
  const char* chair;
  const char* secretary;
  const char* signature_label;
  const char* date_label;
};

constexpr PerLang<MinutesWords> minutes_words{
    .uk =
        {
            .title = "Протокол засідання конкурсної комісії",
            .subtitle = "Конкурс {} «{}»",
            .meeting_date = "Дата засідання",
            .round_budget = "Бюджет конкурсу",
            .allocation_recorded = "Розподіл записано",
            .members_title = "Склад комісії",
            .no_members = "Склад комісії у правилах не вказано ([commission] members).",
            .budget_title = "Бюджет і лоти",
            .unassigned = "Нерозподілений між лотами бюджет",
            .lots_leftover = "Залишки лотів (входять до їхніх сум): {}",
            .pool = "Пул — нерозподілений бюджет і залишки лотів: {}; з нього розподілено {}",
            .total_row = "Разом",
            .pool_row = "Пул (нерозподілений бюджет і залишки лотів)",
            .place = "місце в рейтингу",
            .applications_title = "Заявки, оцінки та результати",
            .weight = "вага",
            .criteria = "Критерії",
            .votes_order = "Заявки подано за місцем у рейтингу за голосами мешканців; заявки поза рейтингом — за "
                           "номером.",
            .scores_order = "Заявки подано за місцем у рейтингу; заявки поза рейтингом — за номером. Бали — зведені "
                            "оцінки експертів, округлені для показу (рейтинг визначено за точними значеннями).",
            .rank = "№",
            .id = "заявка",
            .organisation = "організація",
            .requested = "запит",
            .votes = "голоси",
            .total = "сума балів",
            .status = "статус",
            .award = "сума гранту",
            .reasons = "причини",
            .decided_by = " (рішення №{})",
            .number = "№",
            .recorded = "записано (UTC)",
            .decision = "рішення",
            .applications = "заявки",
            .reason = "підстава",
            .state = "стан",
            .decisions_title = "Рішення комісії",
            .no_decisions = "Окремих рішень щодо заявок комісія не ухвалювала; розподіл відповідає розрахунку за "
                            "правилами конкурсу.",
            .applied = "застосовано",
            .replaced = "замінено пізнішим рішенням",
            .pending_title = "Рішення, записані після розподілу (ще не застосовані)",
            .pending_note = "Вони застосуються під час наступного `competition allocate --force`; цей розподіл їх не "
                            "враховує.",
            .not_applied_yet = "ще не застосовано",
            .awards_title = "Розподіл коштів",
            .no_awards = "Гранти не надано.",
            .winners = "Переможців",
            .fingerprint_title = "Відбиток рішення",
            .fingerprint_note = "SHA-256 канонічного запису рішення (RFC 8785): правила, вхідні дані, застосовані "
                                "рішення комісії та наведений розподіл. Будь-хто може перерахувати його: з бази даних "
                                "— командою `competition audit`, з пакета для аудитора — командою `competition audit "
                                "bundle`; як складено запис, описує документація програми (розділ про запис рішення).",
            .signatures = "Підписи",
            .chair = "Голова комісії",
            .secretary = "Секретар комісії",
            .signature_label = "(підпис)",
            .date_label = "Дата",
        },
    .en =
        {
            .title = "Minutes of the meeting of the competition commission",
            .subtitle = "Round {} “{}”",
            .meeting_date = "Date of the meeting",
            .round_budget = "Budget of the round",
            .allocation_recorded = "Allocation recorded",
            .members_title = "Members of the commission",
            .no_members = "The rules name no members ([commission] members).",
            .budget_title = "Budget and lots",
            .unassigned = "Budget not given to any lot",
            .lots_leftover = "Leftovers of the lots (part of their sums): {}",
            .pool = "Pool — the unassigned budget and the lots' leftovers: {}; awarded from it: {}",
            .total_row = "Total",
            .pool_row = "Pool (the unassigned budget and the lots' leftovers)",
            .place = "rank",
            .applications_title = "Applications, scores and results",
            .weight = "weight",
            .criteria = "Criteria",
            .votes_order = "Applications by their rank in the public vote; those outside the ranking by id.",
            .scores_order = "Applications by their rank; those outside the ranking by id. Scores are the aggregated "
                            "reviews, rounded for display (the ranking used exact values).",
            .rank = "rank",
            .id = "ID",
            .organisation = "organisation",
            .requested = "requested",
            .votes = "votes",
            .total = "total",
            .status = "status",
            .award = "award",
            .reasons = "reasons",
            .decided_by = " (decision no. {})",
            .number = "no.",
            .recorded = "recorded (UTC)",
            .decision = "decision",
            .applications = "applications",
            .reason = "reason",
            .state = "state",
            .decisions_title = "Decisions of the commission",
            .no_decisions = "The commission made no decisions on single applications; the allocation is the computed "
                            "recommendation.",
            .applied = "applied",
            .replaced = "replaced by a later decision",
            .pending_title = "Decisions recorded after the allocation (not applied yet)",
            .pending_note = "They apply at the next `competition allocate --force`; this allocation does not include "
                            "them.",
            .not_applied_yet = "not applied yet",
            .awards_title = "Awards",
            .no_awards = "No awards.",
            .winners = "Winners",
            .fingerprint_title = "Fingerprint of the decision",
            .fingerprint_note = "SHA-256 of the canonical decision record (RFC 8785): the rules, the inputs, the "
                                "commission's decisions applied and the allocation above. Anyone can recompute it: "
                                "from the database with `competition audit`, from the auditor's bundle with "
                                "`competition audit bundle`; the program's documentation describes the record (the "
                                "section on the decision record).",
            .signatures = "Signatures",
            .chair = "Chair of the commission",
            .secretary = "Secretary of the commission",
            .signature_label = "(signature)",
            .date_label = "Date",
        },
};

// The text with its first letter in upper case (Latin or Ukrainian Cyrillic):
// every column header of the minutes starts with a capital, in both languages.
std::string capitalised(std::string s) {
  if (s.empty()) return s;
  auto c0 = static_cast<unsigned char>(s[0]);
  if (c0 >= 'a' && c0 <= 'z') {
    s[0] = static_cast<char>(c0 - 'a' + 'A');
    return s;
  }
  if (s.size() < 2) return s;
  auto c1 = static_cast<unsigned char>(s[1]);
  unsigned cp = ((c0 & 0x1Fu) << 6) | (c1 & 0x3Fu);
  if (c0 < 0xC0 || c0 >= 0xE0) return s;
  if (cp >= 0x430 && cp <= 0x44F)
    cp -= 0x20;  // а–я
  else if (cp >= 0x450 && cp <= 0x45F)
    cp -= 0x50;  // є, і, ї …
  else if (cp == 0x491)
    cp = 0x490;  // ґ
  else
    return s;
  s[0] = static_cast<char>(0xC0u | (cp >> 6));
  s[1] = static_cast<char>(0x80u | (cp & 0x3Fu));
  return s;
}

// What every section reads: the data, the language and its words, the applications by id.
struct Minutes {
  Minutes(const MinutesData& data, Lang l)
      : m(data), rules(data.rules), lang(l), w(minutes_words[l]), dw(decision_words[l]) {
    for (const auto& a : m.applications) apps.emplace(a.id, &a);
    for (const auto& s : m.scores.applications) scores.emplace(s.id, &s);
  }
  const Application* app(const std::string& id) const {
    auto it = apps.find(id);
    return it == apps.end() ? nullptr : it->second;
  }
  std::string org(const std::string& id) const {
    const Application* a = app(id);
    return a ? a->organisation : std::string();
  }
  std::string money(Money amount) const { return money_text(amount, lang); }
  std::string money_with_unit(Money amount) const { return money_with_currency(amount, rules.currency, lang); }

  const MinutesData& m;
  const Rules& rules;
  Lang lang;
  const MinutesWords& w;
  const DecisionWords& dw;
  std::map<std::string, const Application*> apps;
  // By id: ScoreResult::find is a linear search, once per line made minutes
  // quadratic (50 000 applications took 27 s).
  std::map<std::string, const ScoredApplication*> scores;
  const ScoredApplication* scored(const std::string& id) const {
    auto it = scores.find(id);
    return it == scores.end() ? nullptr : it->second;
  }
};

// The decisions table: number, time, kind, applications, amount, reason, state.
MinutesTable decisions_table(const Minutes& c, const std::vector<CommissionDecision>& decisions,
                             const std::function<std::string(const CommissionDecision&)>& state) {
  const MinutesWords& w = c.w;
  MinutesTable t;
  t.header = {w.number, w.recorded, w.decision, w.applications, c.dw.amount, w.reason, w.state};
  t.align = "rllnrll";
  for (const CommissionDecision& d : decisions)
    t.rows.push_back({std::to_string(d.n), recorded_at_in_words(d.recorded_at, c.lang),
                      decision_kind_in_words(d, c.lang), join(d.applications, ", "), d.award ? c.money(*d.award) : dash,
                      one_line(d.reason), state(d)});
  return t;
}

// The title, the round and the facts: date, budget, time of the allocation.
void head(MinutesDocument& doc, const Minutes& c) {
  const MinutesWords& w = c.w;
  doc.lang = c.lang;
  doc.title = w.title;
  doc.subtitle = fmt::format(fmt::runtime(w.subtitle), c.rules.id, c.rules.title);
  doc.facts = {
      fmt::format("{}: {}", w.meeting_date, date_in_words(c.m.date, c.lang)),
      fmt::format("{}: {}", w.round_budget, c.money_with_unit(c.m.budget)),
      fmt::format("{}: {} (UTC)", w.allocation_recorded, recorded_at_in_words(c.m.allocated_at, c.lang)),
  };
}

// The members.
MinutesSection members_section(const Minutes& c) {
  MinutesSection s;
  s.title = c.w.members_title;
  if (c.rules.members.empty()) s.paragraphs.push_back(c.w.no_members);
  s.items = c.rules.members;
  return s;
}

// Budget and lots (docs/rules.md §4.1, §4.4).
MinutesSection budget_section(const Minutes& c) {
  const MinutesWords& w = c.w;
  MinutesSection s;
  s.title = w.budget_title;
  MinutesTable lots;
  lots.header = {c.dw.lot, c.dw.amount, c.dw.awarded};
  lots.align = "lrr";
  Money lots_sum, lots_awarded;
  for (const auto& l : c.m.lots) {
    lots.rows.push_back(
        {capitalised(std::string(lot_name(c.rules, l.id, c.lang))), c.money(l.amount), c.money(l.awarded)});
    lots_sum += l.amount;
    lots_awarded += l.awarded;
  }
  // The lots' leftovers are part of their sums: the amounts add up to the
  // budget, the awards (the pool's in a row of their own) to the awarded total.
  const Money unassigned = c.m.budget - lots_sum;
  if (c.m.pool_amount || !unassigned.is_zero()) lots.rows.push_back({w.unassigned, c.money(unassigned), dash});
  if (c.m.pool_amount) lots.rows.push_back({w.pool_row, dash, c.money(c.m.pool_awarded)});
  lots.rows.push_back({w.total_row, c.money(c.m.budget), c.money(c.m.awarded)});
  lots.total = true;
  s.table = std::move(lots);
  if (c.m.pool_amount)
    s.items = {
        fmt::format(fmt::runtime(w.lots_leftover), c.money_with_unit(lots_sum - lots_awarded)),
        fmt::format(fmt::runtime(w.pool), c.money_with_unit(*c.m.pool_amount), c.money_with_unit(c.m.pool_awarded))};
  return s;
}

// The application each applied withdrawal or override decided, with its number.
std::map<std::string, int> decided_applications(const MinutesData& m) {
  std::map<int, const CommissionDecision*> by_number;
  for (const auto& d : m.before) by_number[d.n] = &d;
  std::map<std::string, int> decided;
  for (int n : m.applied)
    if (by_number.count(n) && by_number.at(n)->kind != DecisionKind::order)
      decided[by_number.at(n)->applications.front()] = n;
  return decided;
}

// One row per line of the record: rank, id, organisation, request, criteria,
// total or votes, status, award, reasons.
MinutesTable applications_table(const Minutes& c, bool votes, const CrossYearView& cross_year) {
  const MinutesWords& w = c.w;
  MinutesTable t;
  t.header = {w.rank, w.id, w.organisation, w.requested};
  t.align = "rnlr";
  for (const auto& criterion : c.rules.criteria) {
    t.header.push_back(criterion.heading());
    t.align += 'r';
  }
  t.header.insert(t.header.end(), {votes ? w.votes : w.total, w.status, w.award, w.reasons});
  t.align += "rlrl";
  if (cross_year.shown) {  // year.md §5: the checks' flags beside the reasons
    t.header.push_back(cross_year_column(c.lang));
    t.align += 'l';
  }
  std::map<std::string, int> decided = decided_applications(c.m);
  for (const auto& l : c.m.lines) {
    const ScoredApplication* s = c.scored(l.id);
    const Application* a = c.app(l.id);
    std::vector<std::string> row{l.rank ? std::to_string(*l.rank) : dash, l.id, c.org(l.id),
                                 a ? c.money(a->requested) : ""};
    for (std::size_t i = 0; i < c.rules.criteria.size(); ++i)
      row.push_back(s && i < s->criteria.size() ? fixed_text(s->criteria[i], 2, c.lang) : dash);
    row.push_back(s && s->total ? fixed_text(*s->total, votes ? 0 : 2, c.lang) : dash);
    std::string status = award_status_in_words(l.status, c.lang);
    if (decided.count(l.id)) status += fmt::format(fmt::runtime(w.decided_by), decided.at(l.id));
    row.push_back(status);
    row.push_back(c.money(l.award));
    std::vector<std::string> reasons;
    for (const auto& r : l.reasons)
      reasons.push_back(a ? reason_in_words(c.rules, r, a->sector, c.lang) : reason_in_words(c.rules, r, c.lang));
    row.push_back(join(reasons, "; "));
    if (cross_year.shown) {
      auto flags = cross_year.flags.find(l.id);
      row.push_back(flags == cross_year.flags.end() ? "" : cross_year_flags_in_words(c.rules, flags->second, c.lang));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

// The most columns the applications table has on a portrait page: eight, and two criteria.
constexpr std::size_t wide_columns = 10;

// Every application: scores, status, award, reasons (docs/rules.md §1–4).
MinutesSection applications_section(const Minutes& c) {
  const MinutesWords& w = c.w;
  const bool votes = c.rules.source == ScoreSource::votes;
  MinutesSection s;
  s.title = w.applications_title;
  std::vector<std::string> legend;
  for (const auto& criterion : c.rules.criteria)
    legend.push_back(fmt::format("{} ({} {})", criterion_legend(criterion), w.weight,
                                 with_decimal_separator(criterion.weight.to_decimal(4), c.lang)));
  if (!legend.empty()) s.paragraphs.push_back(fmt::format("{}: {}.", w.criteria, join(legend, "; ")));
  s.paragraphs.push_back(votes ? w.votes_order : w.scores_order);
  const CrossYearView cross_year = cross_year_view(c.rules, c.m.applications, c.m.scores);
  s.table = applications_table(c, votes, cross_year);
  // Beyond two criteria the columns do not fit a portrait page's width.
  s.wide = s.table->header.size() > wide_columns;
  if (cross_year.shown) s.notes.push_back(cross_year_line(cross_year, c.lang) + ".");
  return s;
}

// The decisions the allocation could apply, as they stood then (docs/rules.md §4
// step 2), and those recorded after it.
void decisions_sections(MinutesDocument& doc, const Minutes& c) {
  const MinutesWords& w = c.w;
  std::set<int> applied(c.m.applied.begin(), c.m.applied.end());
  MinutesSection decisions;
  decisions.title = w.decisions_title;
  if (c.m.before.empty()) {
    decisions.paragraphs.push_back(w.no_decisions);
  } else {
    decisions.table = decisions_table(c, c.m.before, [&](const CommissionDecision& d) -> std::string {
      if (d.undone_by) return decision_state_in_words(d, c.lang);
      if (applied.count(d.n) || d.kind == DecisionKind::undo) return w.applied;
      return w.replaced;
    });
  }
  doc.sections.push_back(std::move(decisions));
  if (c.m.after.empty()) return;
  MinutesSection pending;
  pending.title = w.pending_title;
  pending.paragraphs.push_back(w.pending_note);
  pending.table = decisions_table(c, c.m.after, [&](const CommissionDecision& d) {
    return d.undone_by ? decision_state_in_words(d, c.lang) : std::string(w.not_applied_yet);
  });
  doc.sections.push_back(std::move(pending));
}

// The awards and the totals (docs/rules.md §4.7, §5).
MinutesSection awards_section(const Minutes& c) {
  const MinutesWords& w = c.w;
  MinutesSection s;
  s.title = w.awards_title;
  MinutesTable t;
  t.header = {w.number, w.place, w.id, w.organisation, c.dw.lot, w.award};
  t.align = "rrnllr";
  Money cofinancing;
  int winners = 0;
  for (const auto& l : c.m.lines) {
    if (l.status != AwardStatus::funded && l.status != AwardStatus::partial) continue;
    ++winners;
    if (const Application* a = c.app(l.id)) cofinancing += a->cofinancing;
    t.rows.push_back({std::to_string(winners), l.rank ? std::to_string(*l.rank) : dash, l.id, c.org(l.id),
                      l.lot ? std::string(lot_heading(c.rules, *l.lot, c.lang)) : std::string(), c.money(l.award)});
  }
  if (!t.rows.empty()) {
    t.rows.push_back({"", "", "", w.total_row, "", c.money(c.m.awarded)});
    t.total = true;
  }
  if (t.rows.empty())
    s.paragraphs.push_back(w.no_awards);
  else
    s.table = std::move(t);
  std::string coefficient = dash;
  if (!c.m.awarded.is_zero())
    coefficient = fixed_text(Rational(cofinancing.kopiykas(), c.m.awarded.kopiykas()), 4, c.lang);
  s.items = {
      fmt::format("{}: {}", w.winners, winners),
      fmt::format("{}: {}", c.dw.awarded_total, c.money_with_unit(c.m.awarded)),
      fmt::format("{}: {}", c.dw.leftover, c.money_with_unit(c.m.leftover)),
      fmt::format("{}: {}", c.dw.cofinancing, c.money_with_unit(cofinancing)),
      fmt::format("{}: {}", c.dw.coefficient, coefficient),
  };
  return s;
}

// The fingerprint (docs/bundle.md "The decision record").
MinutesSection fingerprint_section(const Minutes& c) {
  MinutesSection s;
  s.title = c.w.fingerprint_title;
  s.paragraphs.push_back(c.w.fingerprint_note);
  s.code = c.m.fingerprint;
  return s;
}

}  // namespace

MinutesDocument minutes_document(const MinutesData& data, Lang lang) {
  const Minutes c(data, lang);
  MinutesDocument doc;
  head(doc, c);
  doc.sections.push_back(members_section(c));
  doc.sections.push_back(budget_section(c));
  doc.sections.push_back(applications_section(c));
  decisions_sections(doc, c);
  doc.sections.push_back(awards_section(c));
  if (data.sensitivity) doc.sections.push_back(minutes_sensitivity_section(data, *data.sensitivity, lang));
  doc.sections.push_back(fingerprint_section(c));
  doc.signatures_title = c.w.signatures;
  doc.signers = c.rules.members;
  if (doc.signers.empty()) doc.signers = {c.w.chair, c.w.secretary};
  doc.signature_label = c.w.signature_label;
  doc.date_label = c.w.date_label;
  for (auto& s : doc.sections)
    if (s.table)
      for (auto& h : s.table->header) h = capitalised(h);
  return doc;
}

}  // namespace competition
