#include "render/minutes_document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "base/text.hpp"
#include "render/commission_words.hpp"
#include "render/reason_words.hpp"

namespace competition {

namespace {

constexpr const char* dash = "—";

std::string money(Money m, bool en) { return en ? m.to_string() : m.to_ukrainian(); }

std::string score(const Rational& v, bool en, int places = 2) {
  return en ? v.to_fixed(places) : v.to_fixed_ukrainian(places);
}

// Weights as written in the rules (`0.5`, Ukrainian `0,5`).
std::string decimal(const Rational& v, bool en) {
  std::string s = v.to_decimal(4);
  if (!en) std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

// The decisions table: number, time, kind, applications, amount, reason, state.
MinutesTable decisions_table(const std::vector<CommissionDecision>& decisions,
                             const std::function<std::string(const CommissionDecision&)>& state, bool en) {
  MinutesTable t;
  t.header = {en ? "no." : "№",
              en ? "recorded (UTC)" : "записано (UTC)",
              en ? "decision" : "рішення",
              en ? "applications" : "заявки",
              en ? "amount" : "сума",
              en ? "reason" : "підстава",
              en ? "state" : "стан"};
  t.align = "rllnlll";
  for (const CommissionDecision& d : decisions)
    t.rows.push_back({std::to_string(d.n), recorded_at_in_words(d.recorded_at, en), decision_kind_in_words(d, en),
                      join(d.applications, ", "), d.award ? money(*d.award, en) : dash, one_line(d.reason), state(d)});
  return t;
}

}  // namespace

MinutesDocument minutes_document(const MinutesData& m, bool en) {
  const Rules& rules = m.rules;
  const std::string cur = rules.currency;
  std::map<std::string, const Application*> apps;
  for (const auto& a : m.applications) apps.emplace(a.id, &a);
  auto org = [&](const std::string& id) { return apps.count(id) ? apps.at(id)->organisation : std::string(); };

  MinutesDocument doc;
  doc.english = en;
  doc.title = en ? "Minutes of the meeting of the competition commission" : "Протокол засідання конкурсної комісії";
  doc.subtitle =
      en ? fmt::format("Round {} “{}”", rules.id, rules.title) : fmt::format("Конкурс {} «{}»", rules.id, rules.title);
  doc.facts = {
      fmt::format("{}: {}", en ? "Date of the meeting" : "Дата засідання", date_in_words(m.date, en)),
      fmt::format("{}: {} {}", en ? "Budget of the round" : "Бюджет конкурсу", money(m.budget, en), cur),
      fmt::format("{}: {} (UTC)", en ? "Allocation recorded" : "Розподіл записано",
                  recorded_at_in_words(m.allocated_at, en)),
  };

  // The members.
  MinutesSection members{en ? "Members of the commission" : "Склад комісії", {}, {}, {}, {}, {}};
  if (rules.members.empty())
    members.paragraphs.push_back(en ? "The rules name no members ([commission] members)."
                                    : "Склад комісії у правилах не вказано ([commission] members).");
  members.items = rules.members;
  doc.sections.push_back(std::move(members));

  // Budget and lots (rules.md §4.1, §4.3).
  MinutesSection budget{en ? "Budget and lots" : "Бюджет і лоти", {}, {}, {}, {}, {}};
  MinutesTable lots;
  lots.header = {en ? "lot" : "лот", en ? "name" : "назва", en ? "amount" : "сума", en ? "awarded" : "розподілено"};
  lots.align = "nlrr";
  for (const auto& l : m.lots) {
    std::string name = rules.lots.empty() ? (en ? "whole budget" : "увесь бюджет") : "";
    for (const auto& rl : rules.lots)
      if (rl.id == l.id) name = rl.name;
    lots.rows.push_back({l.id, name, money(l.amount, en), money(l.awarded, en)});
  }
  if (m.pool_amount)
    lots.rows.push_back({"pool", en ? "lot remainders and unassigned budget" : "залишки лотів і нерозподілений бюджет",
                         money(*m.pool_amount, en), money(m.pool_awarded, en)});
  budget.table = std::move(lots);
  doc.sections.push_back(std::move(budget));

  // Every application: scores, status, award, reasons (rules.md §1–4).
  const bool votes = rules.source == ScoreSource::votes;
  MinutesSection table{en ? "Applications, scores and results" : "Заявки, оцінки та результати", {}, {}, {}, {}, {}};
  std::vector<std::string> legend;
  for (const auto& c : rules.criteria)
    legend.push_back(fmt::format("{} — {} ({} {})", c.id, c.name, en ? "weight" : "вага", decimal(c.weight, en)));
  if (!legend.empty())
    table.paragraphs.push_back(fmt::format("{}: {}.", en ? "Criteria" : "Критерії", join(legend, "; ")));
  if (votes)
    table.paragraphs.push_back(en ? "Applications in rank order by public votes, then the unranked by id."
                                  : "Заявки в порядку рейтингу за голосами мешканців, далі не включені до рейтингу за "
                                    "номером.");
  else
    table.paragraphs.push_back(
        en ? "Applications in rank order, then the unranked by id; scores are the aggregated reviews, rounded for "
             "display (the ranking used exact values)."
           : "Заявки в порядку рейтингу, далі не включені до рейтингу за номером; бали — зведені оцінки експертів, "
             "округлені для показу (рейтинг визначено за точними значеннями).");
  MinutesTable t;
  t.header = {en ? "rank" : "№", en ? "id" : "заявка", en ? "organisation" : "організація", en ? "requested" : "запит"};
  t.align = "rnlr";
  for (const auto& c : rules.criteria) {
    t.header.push_back(c.id);
    t.align += 'r';
  }
  t.header.push_back(votes ? (en ? "votes" : "голоси") : (en ? "total" : "сума балів"));
  t.header.push_back(en ? "status" : "статус");
  t.header.push_back(en ? "award" : "сума гранту");
  t.header.push_back(en ? "reasons" : "причини");
  t.align += "rlrl";
  std::map<int, const CommissionDecision*> by_number;
  for (const auto& d : m.before) by_number[d.n] = &d;
  std::map<std::string, int> decided;  // application -> its applied withdrawal or override
  for (int n : m.applied)
    if (by_number.count(n) && by_number.at(n)->kind != DecisionKind::order)
      decided[by_number.at(n)->applications.front()] = n;
  for (const auto& l : m.lines) {
    const ScoredApplication* s = m.scores.find(l.id);
    std::vector<std::string> row{l.rank ? std::to_string(*l.rank) : dash, l.id, org(l.id),
                                 apps.count(l.id) ? money(apps.at(l.id)->requested, en) : ""};
    for (std::size_t i = 0; i < rules.criteria.size(); ++i)
      row.push_back(s && i < s->criteria.size() ? score(s->criteria[i], en) : dash);
    row.push_back(s && s->total ? score(*s->total, en, votes ? 0 : 2) : dash);
    std::string status = award_status_in_words(l.status, en);
    if (decided.count(l.id))
      status += fmt::format(" ({} {}{})", en ? "decision" : "рішення", en ? "no. " : "№", decided.at(l.id));
    row.push_back(status);
    row.push_back(money(l.award, en));
    std::vector<std::string> reasons;
    for (const auto& r : l.reasons) reasons.push_back(reason_in_words(rules, r, en));
    row.push_back(join(reasons, "; "));
    t.rows.push_back(std::move(row));
  }
  table.table = std::move(t);
  doc.sections.push_back(std::move(table));

  // The decisions the allocation could apply, as they stood then (rules.md §4 step 2).
  std::set<int> applied(m.applied.begin(), m.applied.end());
  MinutesSection decisions{en ? "Decisions of the commission" : "Рішення комісії", {}, {}, {}, {}, {}};
  if (m.before.empty()) {
    decisions.paragraphs.push_back(en ? "The commission made no decisions on single applications; the allocation "
                                        "is the computed recommendation."
                                      : "Окремих рішень щодо заявок комісія не ухвалювала; розподіл відповідає "
                                        "розрахунку за правилами конкурсу.");
  } else {
    decisions.table = decisions_table(
        m.before,
        [&](const CommissionDecision& d) -> std::string {
          if (d.undone_by) return decision_state_in_words(d, en);
          if (applied.count(d.n) || d.kind == DecisionKind::undo) return en ? "applied" : "застосовано";
          return en ? "replaced by a later decision" : "замінено пізнішим рішенням";
        },
        en);
  }
  doc.sections.push_back(std::move(decisions));
  if (!m.after.empty()) {
    MinutesSection pending{en ? "Decisions recorded after the allocation (not applied yet)"
                              : "Рішення, записані після розподілу (ще не застосовані)",
                           {en ? "They apply at the next `competition allocate --force`; this allocation does not "
                                 "include them."
                               : "Вони застосуються під час наступного `competition allocate --force`; цей розподіл "
                                 "їх не враховує."},
                           {},
                           {},
                           {},
                           {}};
    pending.table = decisions_table(
        m.after,
        [&](const CommissionDecision& d) {
          return d.undone_by ? decision_state_in_words(d, en)
                             : std::string(en ? "not applied yet" : "ще не застосовано");
        },
        en);
    doc.sections.push_back(std::move(pending));
  }

  // The awards and the totals (rules.md §4.6, §5).
  MinutesSection awards{en ? "Awards" : "Розподіл коштів", {}, {}, {}, {}, {}};
  MinutesTable w;
  w.header = {en ? "rank" : "№", en ? "id" : "заявка", en ? "organisation" : "організація", en ? "lot" : "лот",
              en ? "award" : "сума гранту"};
  w.align = "rnlnr";
  Money cofinancing;
  int winners = 0;
  for (const auto& l : m.lines) {
    if (l.status != AwardStatus::funded && l.status != AwardStatus::partial) continue;
    ++winners;
    if (apps.count(l.id)) cofinancing += apps.at(l.id)->cofinancing;
    w.rows.push_back(
        {l.rank ? std::to_string(*l.rank) : dash, l.id, org(l.id), l.lot.value_or(""), money(l.award, en)});
  }
  if (w.rows.empty())
    awards.paragraphs.push_back(en ? "No awards." : "Гранти не надано.");
  else
    awards.table = std::move(w);
  std::string coefficient = dash;
  if (!m.awarded.is_zero()) {
    Rational c(cofinancing.kopiykas(), m.awarded.kopiykas());
    coefficient = score(c, en, 4);
  }
  awards.items = {
      fmt::format("{}: {}", en ? "Winners" : "Переможців", winners),
      fmt::format("{}: {} {}", en ? "Awarded" : "Розподілено", money(m.awarded, en), cur),
      fmt::format("{}: {} {}", en ? "Leftover" : "Залишок", money(m.leftover, en), cur),
      fmt::format("{}: {} {}", en ? "Co-financing of the winners" : "Співфінансування переможців",
                  money(cofinancing, en), cur),
      fmt::format("{}: {}", en ? "Coefficient of attracted funds" : "Коефіцієнт залучених коштів", coefficient),
  };
  doc.sections.push_back(std::move(awards));

  // The fingerprint (cli.md "The decision record").
  MinutesSection fp{en ? "Fingerprint of the decision" : "Відбиток рішення", {}, {}, {}, m.fingerprint, {}};
  fp.paragraphs.push_back(en ? "SHA-256 of the canonical decision record (RFC 8785): the rules, the inputs, the "
                               "commission's decisions applied and the allocation above. Anyone can recompute it "
                               "(`competition audit`, or docs/decisions.md)."
                             : "SHA-256 канонічного запису рішення (RFC 8785): правила, вхідні дані, застосовані "
                               "рішення комісії та наведений розподіл. Будь-хто може перерахувати його "
                               "(`competition audit` або docs/decisions.md).");
  doc.sections.push_back(std::move(fp));

  doc.signatures_title = en ? "Signatures" : "Підписи";
  doc.signers = rules.members;
  if (doc.signers.empty())
    doc.signers = en ? std::vector<std::string>{"Chair of the commission", "Secretary of the commission"}
                     : std::vector<std::string>{"Голова комісії", "Секретар комісії"};
  doc.signature_label = en ? "(signature)" : "(підпис)";
  return doc;
}

}  // namespace competition
