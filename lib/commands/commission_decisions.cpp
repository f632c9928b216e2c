#include "commands/commission_decisions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "base/text.hpp"
#include "formats/encoding.hpp"
#include "store/decision_log.hpp"
#include "store/score_store.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_not_utf8{.uk = "текст не є коректним UTF-8", .en = "the text is not valid UTF-8"};
constexpr PerLang<const char*> w_no_reason{.uk = "рішенню потрібна причина (текст порожній)",
                                           .en = "a decision needs its reason (the text is empty)"};
constexpr PerLang<const char*> w_not_scored{
    .uk = "конкурс {} ще не оцінено; рішення комісії стосуються рейтингу",
    .en = "round {} is not scored yet; commission decisions apply to the ranking"};
constexpr PerLang<const char*> w_no_scores{.uk = "конкурс {} не має збережених оцінок",
                                           .en = "round {} has no stored scores"};
constexpr PerLang<const char*> w_no_application{.uk = "немає заявки \"{}\" у конкурсі {}",
                                                .en = "no application \"{}\" in round {}"};
constexpr PerLang<const char*> w_not_ranked{.uk = "{} — {}{}; рішення комісії стосуються лише ранжованих заявок",
                                            .en = "{} is {}{}; commission decisions apply to ranked applications only"};
constexpr PerLang<const char*> w_one{.uk = "назвіть рівно одну заявку", .en = "name exactly one application"};
constexpr PerLang<const char*> w_need_award{.uk = "зміні суми потрібна сума", .en = "an override needs its award"};
constexpr PerLang<const char*> w_above_request{
    .uk = "{} — більше за запитані {} заявки {} (очікується 0, щоб відхилити, або щонайбільше запит)",
    .en = "{} is more than the {} requested by {} (expected 0 to decline, or at most the request)"};
constexpr PerLang<const char*> w_already_withdrew{.uk = "рішення {} уже відкликало {}; нічого записувати",
                                                  .en = "decision {} already withdrew {}; nothing to record"};
constexpr PerLang<const char*> w_already_fixed{.uk = "рішення {} уже встановило цю суму для {}; нічого записувати",
                                               .en = "decision {} already fixed this award for {}; nothing to record"};
constexpr PerLang<const char*> w_twice{.uk = "{} названо двічі", .en = "{} is named twice"};
constexpr PerLang<const char*> w_short_order{.uk =
                                                 "порядку потрібні щонайменше дві заявки, рівні за всіма ключами "
                                                 "ранжування; {} сама не має з чим упорядковуватися",
                                             .en =
                                                 "an order needs at least two applications tied on every ranking key; "
                                                 "{} alone has nothing to be ordered against"};
constexpr PerLang<const char*> w_full_ties{.uk = "{} (rules.md §3: порядок вирішує лише повну рівність)",
                                           .en = "{} (rules.md §3: an order settles full ties only)"};
constexpr PerLang<const char*> w_same_order{.uk = "рішення {} уже поставило {} у цьому порядку; нічого записувати",
                                            .en = "decision {} already put {} in this order; nothing to record"};
constexpr PerLang<const char*> w_none{.uk = "у конкурсі {} немає рішень, які можна скасувати",
                                      .en = "round {} has no decisions to undo"};
constexpr PerLang<const char*> w_only_one{.uk = "у конкурсі {} є лише рішення 1", .en = "round {} has only decision 1"};
constexpr PerLang<const char*> w_range{.uk = "у конкурсі {} є рішення від 1 до {}",
                                       .en = "round {} has decisions 1 to {}"};
constexpr PerLang<const char*> w_undone{.uk = "рішення {} уже скасовано рішенням {}",
                                        .en = "decision {} is already undone by decision {}"};
constexpr PerLang<const char*> w_unknown{.uk = "невідоме рішення", .en = "unknown decision"};
constexpr PerLang<const char*> w_stale_order{.uk = "порядок рішення {} більше не був би застосовний: {}",
                                             .en = "the order of decision {} would no longer apply: {}"};
constexpr PerLang<const char*> w_refused{.uk = "відхилено: не всі рішення комісії можна застосувати: {}",
                                         .en = "refused, the commission's decisions could not all apply: {}"};

namespace {

// docs/cli.md "Commission decisions": "Each decision is recorded with its reason".
void check_reason(const DecisionRequest& r) {
  const DecisionSubject reason{.kind = r.kind, .number = std::nullopt, .input = DecisionInput::reason};
  if (!is_valid_utf8(r.reason)) throw Error(ErrorKind::invalid, reason, say(w_not_utf8));
  if (std::all_of(r.reason.begin(), r.reason.end(), [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }))
    throw Error(ErrorKind::invalid, reason, say(w_no_reason));
}

// Everything a decision is checked against, read in the recording transaction.
struct RoundState {
  RoundRecord round;
  Rules rules;
  std::vector<Application> applications;
  ScoreResult scores;
  std::vector<LogEntry> log;
  std::vector<CommissionDecision> decisions;
};

RoundState read_state(Store& store, const std::optional<std::string>& round_id, const DecisionSubject& request) {
  RoundState s;
  s.round = store.resolve_round(round_id);
  const std::string& id = s.round.id;
  if (s.round.stage == Stage::open)
    throw Error(ErrorKind::conflict, request, say(w_not_scored, id), Remedy::score_before_deciding);
  s.rules = Store::rules_of(s.round);
  s.applications = store.applications(id);
  std::optional<ScoreResult> scores = load_scores(store, id, s.rules);
  if (!scores) throw Error(ErrorKind::conflict, request, say(w_no_scores, id), Remedy::score_before_deciding);
  s.scores = std::move(*scores);
  s.log = log_entries(store, id);
  s.decisions = read_decisions(s.log);
  return s;
}

// docs/cli.md "Commission decisions": "Decisions apply to ranked applications"; an unknown id is invalid input.
const ScoredApplication& ranked_application(const RoundState& s, const DecisionSubject& request,
                                            const std::string& id) {
  const ScoredApplication* scored = s.scores.find(id);
  bool known =
      std::any_of(s.applications.begin(), s.applications.end(), [&](const Application& a) { return a.id == id; });
  if (!known || !scored) throw Error(ErrorKind::invalid, request, say(w_no_application, id, s.round.id));
  if (scored->status != ScoreStatus::ranked) {
    std::string reasons = join(scored->reasons.to_vector(), ", ");
    throw Error(ErrorKind::conflict, request,
                say(w_not_ranked, id, to_string(scored->status), reasons.empty() ? "" : " (" + reasons + ")"));
  }
  return *scored;
}

const Application& application(const RoundState& s, const std::string& id) {
  for (const Application& a : s.applications)
    if (a.id == id) return a;
  throw Error(ErrorKind::invalid, say(w_no_application, id, s.round.id));
}

// The standing withdrawal or override of one application, if any.
const CommissionDecision* standing_on(const StandingDecisions& standing, const std::string& id) {
  for (const CommissionDecision& d : standing.standing)
    if (d.kind != DecisionKind::order && d.applications.front() == id) return &d;
  return nullptr;
}

// The checks of one request against the round; returns the payload to log.
nlohmann::ordered_json validate(const RoundState& s, const DecisionRequest& r) {
  const DecisionSubject request{.kind = r.kind, .number = std::nullopt, .input = DecisionInput::none};
  const StandingDecisions now = reduce_decisions(s.decisions);
  switch (r.kind) {
    case DecisionKind::withdraw:
    case DecisionKind::override_award: {
      if (r.applications.size() != 1) throw Error(ErrorKind::invalid, request, say(w_one));
      const std::string& id = r.applications.front();
      ranked_application(s, request, id);
      if (r.kind == DecisionKind::override_award) {
        const DecisionSubject award{.kind = r.kind, .number = std::nullopt, .input = DecisionInput::award};
        if (!r.award) throw Error(ErrorKind::invalid, award, say(w_need_award));
        const Application& a = application(s, id);
        if (*r.award > a.requested)
          throw Error(ErrorKind::invalid, award, say(w_above_request, r.award->said(), a.requested.said(), id));
      }
      if (const CommissionDecision* d = standing_on(now, id);
          d && d->kind == r.kind && (r.kind == DecisionKind::withdraw || d->award == r.award))
        throw Error(ErrorKind::conflict, request,
                    say(r.kind == DecisionKind::withdraw ? w_already_withdrew : w_already_fixed, d->n, id));
      return decision_payload(r.kind, r.applications, r.award, r.reason);
    }
    case DecisionKind::order: {
      std::set<std::string> seen;
      for (const std::string& id : r.applications) {
        if (!seen.insert(id).second) throw Error(ErrorKind::invalid, request, say(w_twice, id));
        ranked_application(s, request, id);
      }
      if (r.applications.size() < 2)
        throw Error(ErrorKind::conflict, request, say(w_short_order, join(r.applications, ", ")));
      if (auto problem = order_problem(s.rules, s.applications, s.scores, r.applications))
        throw Error(ErrorKind::conflict, request, say(w_full_ties, *problem));
      for (const CommissionDecision& d : now.standing)
        if (d.kind == DecisionKind::order && d.applications == r.applications)
          throw Error(ErrorKind::conflict, request, say(w_same_order, d.n, join(r.applications, ", ")));
      return decision_payload(r.kind, r.applications, std::nullopt, r.reason);
    }
    case DecisionKind::undo: {
      const DecisionSubject undo{.kind = r.kind, .number = r.undo, .input = DecisionInput::none};
      int count = static_cast<int>(s.decisions.size());
      if (r.undo < 1 || r.undo > count) {
        throw Error(ErrorKind::invalid, undo,
                    say(count == 0   ? w_none
                        : count == 1 ? w_only_one
                                     : w_range,
                        s.round.id, count));
      }
      const CommissionDecision& target = s.decisions[static_cast<std::size_t>(r.undo - 1)];
      if (target.undone_by) throw Error(ErrorKind::conflict, undo, say(w_undone, r.undo, *target.undone_by));
      return undo_payload(target.seq, r.reason);
    }
  }
  throw Error(ErrorKind::invalid, say(w_unknown));
}

// docs/rules.md §4 step 2 with the new decision: the standing decisions must still
// apply. The allocator refuses what cannot (exit 3); its message names the
// decision; we add which request was refused.
void check_applicable(const RoundState& s, const std::vector<CommissionDecision>& decisions,
                      const DecisionSubject& request) {
  StandingDecisions standing = reduce_decisions(decisions);
  for (const CommissionDecision& d : standing.standing)
    if (d.kind == DecisionKind::order)
      if (auto problem = order_problem(s.rules, s.applications, s.scores, d.applications))
        throw Error(ErrorKind::conflict, request, say(w_stale_order, d.n, *problem));
  try {
    static_cast<void>(allocate(s.rules, s.applications, s.scores, standing.applied));  // only whether it can
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::conflict) throw;
    throw Error(ErrorKind::conflict, request, say(w_refused, e.message()), e.remedy());
  }
}

}  // namespace

// docs/cli.md "Commission decisions".
RecordedDecision record_decision(Store& store, const std::optional<std::string>& round_id,
                                 const DecisionRequest& request) {
  check_reason(request);
  Transaction tx(store);
  const DecisionSubject subject{.kind = request.kind, .number = std::nullopt, .input = DecisionInput::none};
  RoundState s = read_state(store, round_id, subject);
  nlohmann::ordered_json payload = validate(s, request);

  // The log as it would be with the entry: read back through the same reader,
  // so what is checked is exactly what the next `allocate` will apply.
  LogEntry next;
  next.seq = (s.log.empty() ? 0 : s.log.back().seq) + 1;
  next.round = s.round.id;
  next.kind = log_kind(request.kind);
  next.payload = payload.dump();
  std::vector<LogEntry> log = s.log;
  log.push_back(next);
  check_applicable(s, read_decisions(log), subject);

  LogEntry stored = append_log_entry(store, s.round.id, next.kind, payload);
  log.back() = stored;
  tx.commit();
  RecordedDecision out;
  out.round = s.round;
  out.decision = read_decisions(log).back();
  return out;
}

// docs/cli.md "Commission decisions" (`competition decisions`).
DecisionList list_decisions(Store& store, const std::optional<std::string>& round_id) {
  DecisionList out;
  out.round = store.resolve_round(round_id);
  std::vector<LogEntry> log = log_entries(store, out.round.id);
  out.decisions = read_decisions(log);
  std::int64_t last_allocate = 0;
  for (const LogEntry& e : log)
    if (e.kind == LogKind::allocate) last_allocate = e.seq;
  out.allocated = last_allocate > 0;
  for (const CommissionDecision& d : out.decisions)
    if (d.seq < last_allocate) ++out.before_latest_allocation;
  return out;
}

StandingDecisions standing_decisions(Store& store, const std::string& round) {
  return reduce_decisions(read_decisions(log_entries(store, round)));
}

}  // namespace competition
