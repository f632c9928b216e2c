#include "engine/commission.hpp"

#include <fmt/format.h>

#include <map>

#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_malformed{
    .uk = "запис журналу рішень {} ({}) конкурсу {}: {}; журнал записала не програма `competition`",
    .en = "decision log entry {} ({}) of round {}: {}; the log was not written by `competition`"};
constexpr PerLang<const char*> w_not_json{.uk = "вміст не є JSON", .en = "the payload is not JSON"};
constexpr PerLang<const char*> w_not_object{.uk = "вміст не є об’єктом", .en = "the payload is not an object"};
constexpr PerLang<const char*> w_no_reason{.uk = "немає причини", .en = "no reason"};
constexpr PerLang<const char*> w_no_undoes{.uk = "немає номера запису `undoes`", .en = "no `undoes` entry number"};
constexpr PerLang<const char*> w_no_applications{.uk = "немає заявок", .en = "no applications"};
constexpr PerLang<const char*> w_id_not_string{.uk = "id заявки не є рядком",
                                               .en = "an application id is not a string"};
constexpr PerLang<const char*> w_more_than_one{.uk = "називає більше ніж одну заявку",
                                               .en = "names more than one application"};
constexpr PerLang<const char*> w_short_order{.uk = "порядок менш ніж двох заявок",
                                             .en = "an order of fewer than two applications"};
constexpr PerLang<const char*> w_no_award{.uk = "зміна суми без суми", .en = "an override without an award"};
constexpr PerLang<const char*> w_award_not_money{.uk = "сума не є сумою грошей",
                                                 .en = "the award is not an amount of money"};
constexpr PerLang<const char*> w_undoes_target{.uk = "`undoes` {} — не попередній запис рішення конкурсу",
                                               .en = "`undoes` {} is no earlier decision entry of the round"};
constexpr PerLang<const char*> w_not_application{.uk = "{} — не заявка конкурсу",
                                                 .en = "{} is not an application of the round"};
constexpr PerLang<const char*> w_not_ranked{
    .uk = "{} — {}, не ранжована; порядок стосується ранжованих заявок, рівних за всіма ключами",
    .en = "{} is {}, not ranked; an order applies to ranked applications tied on every key"};
constexpr PerLang<const char*> w_totals_differ{.uk = "{} і {} не рівні: їхні суми балів різні ({} і {})",
                                               .en = "{} and {} are not tied: their totals differ ({} and {})"};
constexpr PerLang<const char*> w_key_differs{
    .uk = "{} і {} не рівні: сума балів однакова, але вони різняться за ключем tie-break {}",
    .en = "{} and {} are not tied: they have the same total but differ on the tie-break key {}"};

// docs/decisions.md "Commission decisions in the log": one shape for the three
// kinds that name applications, so that an auditor reads them alike.
nlohmann::ordered_json decision_payload(DecisionKind kind, const std::vector<std::string>& applications,
                                        const std::optional<Money>& award, const std::string& reason) {
  nlohmann::ordered_json p;
  p["applications"] = applications;
  p["award"] = kind == DecisionKind::override_award && award ? nlohmann::ordered_json(award->to_string())
                                                             : nlohmann::ordered_json(nullptr);
  p["reason"] = reason;
  return p;
}

nlohmann::ordered_json undo_payload(std::int64_t undone_seq, const std::string& reason) {
  return {{"reason", reason}, {"undoes", undone_seq}};
}

namespace {

[[noreturn]] void malformed(const LogEntry& e, const Message& what) {
  throw Error(ErrorKind::io, say(w_malformed, e.seq, to_string(e.kind), e.round, what), Remedy::audit_log);
}

// The payload of one decision entry, checked against the shape of its kind.
CommissionDecision parse_entry(const LogEntry& e, DecisionKind kind) {
  nlohmann::json p;
  try {
    p = nlohmann::json::parse(e.payload);
  } catch (const nlohmann::json::parse_error&) {
    malformed(e, say(w_not_json));
  }
  if (!p.is_object()) malformed(e, say(w_not_object));
  CommissionDecision d;
  d.seq = e.seq;
  d.kind = kind;
  d.recorded_at = e.recorded_at;
  if (!p.contains("reason") || !p["reason"].is_string()) malformed(e, say(w_no_reason));
  d.reason = p["reason"].get<std::string>();
  if (kind == DecisionKind::undo) {
    if (!p.contains("undoes") || !p["undoes"].is_number_integer()) malformed(e, say(w_no_undoes));
    return d;  // `undoes` is resolved to a number by read_decisions
  }
  if (!p.contains("applications") || !p["applications"].is_array() || p["applications"].empty())
    malformed(e, say(w_no_applications));
  for (const auto& a : p["applications"]) {
    if (!a.is_string()) malformed(e, say(w_id_not_string));
    d.applications.push_back(a.get<std::string>());
  }
  std::size_t expected = kind == DecisionKind::order ? 0 : 1;
  if (expected && d.applications.size() != expected) malformed(e, say(w_more_than_one));
  if (kind == DecisionKind::order && d.applications.size() < 2) malformed(e, say(w_short_order));
  if (kind == DecisionKind::override_award) {
    if (!p.contains("award") || !p["award"].is_string()) malformed(e, say(w_no_award));
    d.award = Money::parse(p["award"].get<std::string>());
    if (!d.award) malformed(e, say(w_award_not_money));
  }
  return d;
}

}  // namespace

// docs/cli.md "Commission decisions": numbered 1, 2, … in log order; `--undo N` reverses entry N.
std::vector<CommissionDecision> read_decisions(const std::vector<LogEntry>& log) {
  std::vector<CommissionDecision> out;
  std::map<std::int64_t, std::size_t> by_seq;  // decision entries so far
  std::map<std::size_t, std::size_t> target;   // undo index -> reversed index
  for (const LogEntry& e : log) {
    std::optional<DecisionKind> kind = decision_kind(e.kind);
    if (!kind) continue;  // `allocate`
    CommissionDecision d = parse_entry(e, *kind);
    d.n = static_cast<int>(out.size()) + 1;
    if (*kind == DecisionKind::undo) {
      std::int64_t seq = nlohmann::json::parse(e.payload)["undoes"].get<std::int64_t>();
      auto it = by_seq.find(seq);
      if (it == by_seq.end()) malformed(e, say(w_undoes_target, seq));
      d.undoes = out[it->second].n;
      d.applications = out[it->second].applications;
      target[out.size()] = it->second;
    }
    by_seq[e.seq] = out.size();
    out.push_back(std::move(d));
  }
  // From the newest back: an undo's own standing is known before we reach it,
  // because only later entries can reverse it.
  for (std::size_t i = out.size(); i-- > 0;) {
    if (out[i].kind != DecisionKind::undo || out[i].undone_by) continue;
    CommissionDecision& reversed = out[target.at(i)];
    if (!reversed.undone_by) reversed.undone_by = out[i].n;
  }
  return out;
}

std::vector<LogEntry> entries_before(const std::vector<LogEntry>& log, std::int64_t seq) {
  std::vector<LogEntry> out;
  for (const LogEntry& e : log)
    if (e.seq < seq) out.push_back(e);
  return out;
}

// docs/rules.md §4 step 2: "the latest one on each application standing (undone ones left out)".
StandingDecisions reduce_decisions(const std::vector<CommissionDecision>& decisions) {
  std::map<std::string, std::size_t> latest;  // application -> its standing withdrawal or override
  std::vector<bool> stands(decisions.size(), false);
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    const CommissionDecision& d = decisions[i];
    if (d.undone_by || d.kind == DecisionKind::undo) continue;
    if (d.kind == DecisionKind::order) {
      stands[i] = true;
      continue;
    }
    auto [it, fresh] = latest.emplace(d.applications.front(), i);
    if (!fresh) {
      stands[it->second] = false;
      it->second = i;
    }
    stands[i] = true;
  }
  StandingDecisions s;
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    if (!stands[i]) continue;
    const CommissionDecision& d = decisions[i];
    switch (d.kind) {
      case DecisionKind::withdraw:
        s.applied.withdrawn.insert(d.applications.front());
        break;
      case DecisionKind::override_award:
        s.applied.overrides[d.applications.front()] = *d.award;
        break;
      case DecisionKind::order:
        s.applied.orders.push_back(TieOrder{d.applications});
        break;
      case DecisionKind::undo:
        break;
    }
    s.standing.push_back(d);
  }
  return s;
}

namespace {

nlohmann::ordered_json award_json(const CommissionDecision& d) {
  return d.award ? nlohmann::ordered_json(d.award->to_string()) : nlohmann::ordered_json(nullptr);
}

}  // namespace

// docs/bundle.md "The decision record", `decisions`.
nlohmann::ordered_json applied_decisions_json(const std::vector<CommissionDecision>& standing) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const CommissionDecision& d : standing)
    out.push_back({{"n", d.n},
                   {"kind", std::string(to_string(d.kind))},
                   {"applications", d.applications},
                   {"award", award_json(d)},
                   {"reason", d.reason},
                   {"recorded_at", d.recorded_at}});
  return out;
}

// docs/cli.md "Commission decisions" (`competition decisions`) JSON.
nlohmann::ordered_json decision_entry_json(const CommissionDecision& d) {
  return {{"n", d.n},
          {"kind", std::string(to_string(d.kind))},
          {"applications", d.applications},
          {"award", award_json(d)},
          {"reason", d.reason},
          {"recorded_at", d.recorded_at},
          {"undone_by", d.undone_by ? nlohmann::ordered_json(*d.undone_by) : nlohmann::ordered_json(nullptr)}};
}

std::string tie_break_key_name(const TieBreakKey& key) {
  switch (key.kind) {
    case TieBreakKey::Kind::criterion:
      return "criterion:" + key.criterion;
    case TieBreakKey::Kind::cofinancing_share:
      return "cofinancing_share";
    case TieBreakKey::Kind::requested:
      return "requested";
    case TieBreakKey::Kind::submitted_at:
      return "submitted_at";
    case TieBreakKey::Kind::input_order:
      return "input_order";
  }
  return "?";
}

// docs/rules.md §3: an order is for applications "tied on every key".
std::optional<Message> order_problem(const Rules& rules, const std::vector<Application>& applications,
                                     const ScoreResult& scores, const std::vector<std::string>& ids) {
  std::map<std::string, const Application*> app;
  for (const Application& a : applications) app.emplace(a.id, &a);
  std::vector<const ScoredApplication*> scored;
  for (const std::string& id : ids) {
    const ScoredApplication* s = scores.find(id);
    if (!s || !app.count(id)) return say(w_not_application, id);
    if (s->status != ScoreStatus::ranked) return say(w_not_ranked, id, to_string(s->status));
    scored.push_back(s);
  }
  const ScoredApplication& first = *scored.front();
  for (std::size_t i = 1; i < scored.size(); ++i) {
    const ScoredApplication& other = *scored[i];
    if (tied_on_every_key(rules, first, *app.at(first.id), other, *app.at(other.id))) continue;
    // Name the first key that separates them: the total, then each tie-break key in turn.
    Rules prefix = rules;
    prefix.tie_break.clear();
    if (!tied_on_every_key(prefix, first, *app.at(first.id), other, *app.at(other.id)))
      return say(w_totals_differ, first.id, other.id, first.total->to_fixed(2), other.total->to_fixed(2));
    for (const TieBreakKey& key : rules.tie_break) {
      prefix.tie_break.push_back(key);
      if (!tied_on_every_key(prefix, first, *app.at(first.id), other, *app.at(other.id)))
        return say(w_key_differs, first.id, other.id, tie_break_key_name(key));
    }
  }
  return std::nullopt;
}

}  // namespace competition
