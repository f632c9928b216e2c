#include "engine/commission.hpp"

#include <fmt/format.h>

#include <map>

#include "values/diagnostic.hpp"

namespace competition {

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

[[noreturn]] void malformed(const LogEntry& e, const std::string& what) {
  throw Error(ErrorKind::io,
              fmt::format("decision log entry {} ({}) of round {}: {}; the log was not written by `competition`", e.seq,
                          to_string(e.kind), e.round, what),
              Remedy::audit_log);
}

// The payload of one decision entry, checked against the shape of its kind.
CommissionDecision parse_entry(const LogEntry& e, DecisionKind kind) {
  nlohmann::json p;
  try {
    p = nlohmann::json::parse(e.payload);
  } catch (const nlohmann::json::parse_error&) {
    malformed(e, "the payload is not JSON");
  }
  if (!p.is_object()) malformed(e, "the payload is not an object");
  CommissionDecision d;
  d.seq = e.seq;
  d.kind = kind;
  d.recorded_at = e.recorded_at;
  if (!p.contains("reason") || !p["reason"].is_string()) malformed(e, "no reason");
  d.reason = p["reason"].get<std::string>();
  if (kind == DecisionKind::undo) {
    if (!p.contains("undoes") || !p["undoes"].is_number_integer()) malformed(e, "no `undoes` entry number");
    return d;  // `undoes` is resolved to a number by read_decisions
  }
  if (!p.contains("applications") || !p["applications"].is_array() || p["applications"].empty())
    malformed(e, "no applications");
  for (const auto& a : p["applications"]) {
    if (!a.is_string()) malformed(e, "an application id is not a string");
    d.applications.push_back(a.get<std::string>());
  }
  std::size_t expected = kind == DecisionKind::order ? 0 : 1;
  if (expected && d.applications.size() != expected) malformed(e, "names more than one application");
  if (kind == DecisionKind::order && d.applications.size() < 2) malformed(e, "an order of fewer than two applications");
  if (kind == DecisionKind::override_award) {
    if (!p.contains("award") || !p["award"].is_string()) malformed(e, "an override without an award");
    d.award = Money::parse(p["award"].get<std::string>());
    if (!d.award) malformed(e, "the award is not an amount of money");
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
      if (it == by_seq.end()) malformed(e, fmt::format("`undoes` {} is no earlier decision entry of the round", seq));
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
std::optional<std::string> order_problem(const Rules& rules, const std::vector<Application>& applications,
                                         const ScoreResult& scores, const std::vector<std::string>& ids) {
  std::map<std::string, const Application*> app;
  for (const Application& a : applications) app.emplace(a.id, &a);
  std::vector<const ScoredApplication*> scored;
  for (const std::string& id : ids) {
    const ScoredApplication* s = scores.find(id);
    if (!s || !app.count(id)) return fmt::format("{} is not an application of the round", id);
    if (s->status != ScoreStatus::ranked)
      return fmt::format("{} is {}, not ranked; an order applies to ranked applications tied on every key", id,
                         to_string(s->status));
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
      return fmt::format("{} and {} are not tied: their totals differ ({} and {})", first.id, other.id,
                         first.total->to_fixed(2), other.total->to_fixed(2));
    for (const TieBreakKey& key : rules.tie_break) {
      prefix.tie_break.push_back(key);
      if (!tied_on_every_key(prefix, first, *app.at(first.id), other, *app.at(other.id)))
        return fmt::format("{} and {} are not tied: they have the same total but differ on the tie-break key {}",
                           first.id, other.id, tie_break_key_name(key));
    }
  }
  return std::nullopt;
}

}  // namespace competition
