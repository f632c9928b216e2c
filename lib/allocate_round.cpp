#include "allocate_round.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "allocation_store.hpp"
#include "decision_log.hpp"
#include "decision_record.hpp"
#include "score_store.hpp"
#include "scoring.hpp"

namespace competition {

namespace {

// Two score results are the same decision basis: every application with the
// same status, rank, exact total, aggregates, review count, flags and reasons.
// Returns an application that differs, or nothing; one whose own score changed
// is named before one that only moved in the ranking because of it.
std::optional<std::string> first_difference(const ScoreResult& stored, const ScoreResult& fresh) {
  std::map<std::string, const ScoredApplication*> by_id;
  for (const auto& s : stored.applications) by_id[s.id] = &s;
  std::optional<std::string> moved;
  for (const auto& f : fresh.applications) {
    auto it = by_id.find(f.id);
    if (it == by_id.end()) return f.id;
    const ScoredApplication& s = *it->second;
    if (s.status != f.status || s.total != f.total || s.criteria != f.criteria || s.reviews != f.reviews ||
        s.flags != f.flags || s.reasons != f.reasons)
      return f.id;
    if (s.rank != f.rank && !moved) moved = f.id;
    by_id.erase(it);
  }
  if (!by_id.empty()) return by_id.begin()->first;
  return moved;
}

bool gets_money(AwardStatus s) { return s == AwardStatus::funded || s == AwardStatus::partial; }

}  // namespace

// cli.md "Commission decisions", `ties = "refuse"`.
std::vector<std::vector<std::string>> ties_at_money_line(const Rules& rules, const std::vector<Application>& applications,
                                                         const ScoreResult& scores, const Decision& decision,
                                                         const std::vector<TieOrder>& orders) {
  std::map<std::string, const Application*> app;
  for (const auto& a : applications) app[a.id] = &a;
  std::map<std::string, const AllocationLine*> line;
  for (const auto& l : decision.applications) line[l.id] = &l;
  // Ranked applications that take part (withdrawn and declined do not), in rank order.
  std::vector<const ScoredApplication*> ranked;
  for (const auto& s : scores.applications)
    if (s.status == ScoreStatus::ranked && app.count(s.id) && line.count(s.id)) {
      AwardStatus st = line.at(s.id)->status;
      if (st != AwardStatus::withdrawn && st != AwardStatus::declined) ranked.push_back(&s);
    }
  auto ordered_together = [&](const std::vector<std::string>& group) {
    for (const auto& o : orders) {
      std::set<std::string> members(o.applications.begin(), o.applications.end());
      if (std::all_of(group.begin(), group.end(), [&](const std::string& id) { return members.count(id) > 0; }))
        return true;
    }
    return false;
  };
  std::vector<std::vector<std::string>> out;
  std::size_t start = 0;
  while (start < ranked.size()) {
    std::size_t end = start + 1;
    while (end < ranked.size() &&
           tied_on_every_key(rules, *ranked[start], *app.at(ranked[start]->id), *ranked[end], *app.at(ranked[end]->id)))
      ++end;
    if (end - start > 1) {
      std::vector<std::string> group;
      bool with = false, without = false;
      for (std::size_t i = start; i < end; ++i) {
        group.push_back(ranked[i]->id);
        (gets_money(line.at(ranked[i]->id)->status) ? with : without) = true;
      }
      if (with && without && !ordered_together(group)) out.push_back(std::move(group));
    }
    start = end;
  }
  return out;
}

// cli.md "allocate".
AllocateResult run_allocate(Store& store, const std::optional<std::string>& round_id, bool force, bool dry_run) {
  // One transaction from reading the inputs to the new stage, so that nothing
  // can change between what was hashed and what was decided. A dry run rolls back.
  Transaction tx(store);
  AllocateResult r;
  r.round = store.resolve_round(round_id);
  const std::string& id = r.round.id;
  if (r.round.stage == "allocated" && !force)
    throw Error(ExitCode::conflict,
                fmt::format("round {} is already allocated; `competition allocate --force` records a new decision "
                            "after the old one (both stay in the decision log)", id));
  if (r.round.stage != "scored" && r.round.stage != "allocated")
    throw Error(ExitCode::conflict, fmt::format("round {} is not scored yet: run `competition score` first", id));
  r.rules = Store::rules_of(r.round);
  r.applications = store.applications(id);
  std::vector<Review> reviews = r.rules.source == ScoreSource::votes ? std::vector<Review>{} : store.reviews(id, r.rules);
  std::vector<Reviewer> reviewers = store.reviewers(id);

  // Do not trust the stored scores: score again from the stored inputs and
  // require the same result, so that the decision follows from the inputs it hashes.
  std::optional<ScoreResult> stored = load_scores(store, id, r.rules);
  if (!stored) throw Error(ExitCode::conflict, fmt::format("round {} is not scored yet: run `competition score` first", id));
  ScoreResult scores = score_round(r.rules, r.applications, reviews);
  if (auto diff = first_difference(*stored, scores))
    throw Error(ExitCode::conflict,
                fmt::format("round {}: inputs changed since `score` (application {} scores differently now); "
                            "run score again", id, *diff));

  // Commission decisions are not recorded yet (cli.md "Commission decisions"
  // comes with its own commands); the record lists none.
  AppliedDecisions decisions;
  nlohmann::ordered_json applied = nlohmann::ordered_json::array();

  r.decision = allocate(r.rules, r.applications, scores, decisions);
  if (r.rules.ties == TiePolicy::refuse) {
    auto ties = ties_at_money_line(r.rules, r.applications, scores, r.decision, decisions.orders);
    if (!ties.empty()) {
      std::string list;
      for (const auto& group : ties) {
        std::string g;
        for (const auto& a : group) g += (g.empty() ? "" : ", ") + a;
        list += (list.empty() ? "" : "; ") + g;
      }
      throw Error(ExitCode::conflict,
                  fmt::format("round {}: applications tied on every ranking key straddle the money line ({}); "
                              "ties = \"refuse\": record their order with `competition order` first", id, list));
    }
  }

  nlohmann::ordered_json inputs = input_hashes(r.rules, r.applications, reviewers, reviews);
  r.record = with_fingerprint(decision_record(id, r.round.rules_sha256, inputs, applied, r.decision));
  r.fingerprint = r.record["fingerprint"].get<std::string>();
  if (dry_run) return r;  // the Transaction rolls back: nothing written

  save_allocation(store, id, r.decision);
  r.log_seq = append_log_entry(store, id, "allocate", r.record).seq;
  store.set_stage(id, "allocated");
  tx.commit();
  r.stored = true;
  r.round.stage = "allocated";
  return r;
}

}  // namespace competition
