#include "commands/allocate_round.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "base/alongside.hpp"
#include "base/memory.hpp"
#include "base/string_index.hpp"
#include "commands/commission_decisions.hpp"
#include "commands/input_hashing.hpp"
#include "commands/score_round.hpp"
#include "engine/audit_money.hpp"
#include "engine/decide.hpp"
#include "engine/decision_record.hpp"
#include "engine/scoring.hpp"
#include "store/allocation_store.hpp"
#include "store/bulk_foreign_keys.hpp"
#include "store/check_facts_store.hpp"
#include "store/decision_log.hpp"
#include "store/ledger_store.hpp"
#include "store/score_store.hpp"
#include "store/scored_inputs.hpp"
#include "values/common_words.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_no_facts{
    .uk = "конкурс {}: оцінено без фактів перевірок [checks] щодо попередніх конкурсів",
    .en = "round {}: scored without the facts of the [checks] on earlier rounds"};
constexpr PerLang<const char*> w_none_scored{
    .uk = "конкурс {}: жодна заявка не має достатньо оцінок, щоб її оцінити (неповних: {})",
    .en = "round {}: no application has enough reviews to be scored ({} incomplete)"};
constexpr PerLang<const char*> w_scores_uncovered{
    .uk = "конкурс {}: збережені оцінки не відповідають заявкам конкурсу (заявка {})",
    .en = "round {}: the stored scores do not match the round's applications (application {})"};
constexpr PerLang<const char*> w_applications_changed{
    .uk = "конкурс {}: заявки змінилися після `score` (їхній SHA-256 не той, що його прочитав `score`)",
    .en = "round {}: the applications changed since `score` (their SHA-256 is not the one `score` read)"};
constexpr PerLang<const char*> w_order_stale{.uk = "конкурс {}: порядок рішення {} більше не застосовний: {}",
                                             .en = "round {}: the order of decision {} no longer applies: {}"};
constexpr PerLang<const char*> w_stake{.uk = "{}({}): на кону {}", .en = "{}({}) with {} at stake"};
constexpr PerLang<const char*> w_straddle{
    .uk =
        "конкурс {}: заявки, рівні за всіма ключами ранжування, опинилися по обидва боки грошової лінії: {}; ties = "
        "\"refuse\"",
    .en = "round {}: applications tied on every ranking key straddle the money line: {}; ties = \"refuse\""};
constexpr PerLang<const char*> w_allocated{.uk = "конкурс {} уже розподілено", .en = "round {} is already allocated"};

// The stored rows are compared as they are read, never all held (a national
// round has millions).
std::optional<std::string> stored_difference(Store& store, const std::string& round, const Rules& rules,
                                             const ScoreResult& fresh) {
  StringIndex<std::uint32_t> by_id;  // open addressing: 100 000s of ids
  by_id.reserve(fresh.applications.size());
  for (std::size_t i = 0; i < fresh.applications.size(); ++i)
    by_id.emplace(fresh.applications[i].id, static_cast<std::uint32_t>(i));
  enum class Seen : std::uint8_t { no, same, moved, differs };
  std::vector<Seen> seen(fresh.applications.size(), Seen::no);
  std::optional<std::string> extra;  // the smallest stored id not in `fresh`
  each_stored_score(store, round, rules, [&](const ScoredApplication& s) {
    const std::uint32_t* at = by_id.find(s.id);
    if (!at) {
      if (!extra || s.id < *extra) extra = s.id;
      return;
    }
    const ScoredApplication& f = fresh.applications[*at];
    seen[*at] = s.status != f.status || s.total != f.total || s.criteria != f.criteria || s.reviews != f.reviews ||
                        s.flags != f.flags || s.reasons != f.reasons
                    ? Seen::differs
                : s.rank != f.rank ? Seen::moved
                                   : Seen::same;
  });
  for (std::size_t i = 0; i < seen.size(); ++i)
    if (seen[i] == Seen::no || seen[i] == Seen::differs) return fresh.applications[i].id;
  if (extra) return extra;
  for (std::size_t i = 0; i < seen.size(); ++i)
    if (seen[i] == Seen::moved) return fresh.applications[i].id;
  return std::nullopt;
}

namespace {

bool gets_money(AwardStatus s) { return s == AwardStatus::funded || s == AwardStatus::partial; }

}  // namespace

// docs/cli.md "Commission decisions", `ties = "refuse"`.
std::vector<std::vector<std::string>> ties_at_money_line(const Rules& rules,
                                                         const std::vector<Application>& applications,
                                                         const ScoreResult& scores, const AppliedDecisions& decisions,
                                                         const Decision& decision) {
  std::map<std::string, const Application*> app;
  for (const auto& a : applications) app[a.id] = &a;
  auto money_of = [](const Decision& d) {
    std::map<std::string, bool> out;
    for (const auto& l : d.applications) out[l.id] = gets_money(l.status);
    return out;
  };
  const std::map<std::string, bool> money = money_of(decision);
  // Ranked applications that take part (withdrawn and declined do not), in rank order.
  std::vector<std::size_t> ranked;
  for (std::size_t i = 0; i < scores.applications.size(); ++i) {
    const auto& s = scores.applications[i];
    if (s.status == ScoreStatus::ranked && app.count(s.id) && money.count(s.id) && !decisions.withdrawn.count(s.id) &&
        !(decisions.overrides.count(s.id) && decisions.overrides.at(s.id).is_zero()))
      ranked.push_back(i);
  }
  auto ordered_together = [&](const std::vector<std::string>& group) {
    for (const auto& o : decisions.orders) {
      std::set<std::string> members(o.applications.begin(), o.applications.end());
      if (std::all_of(group.begin(), group.end(), [&](const std::string& id) { return members.count(id) > 0; }))
        return true;
    }
    return false;
  };
  auto tied = [&](std::size_t i, std::size_t j) {
    const auto& a = scores.applications[i];
    const auto& b = scores.applications[j];
    return tied_on_every_key(rules, a, *app.at(a.id), b, *app.at(b.id));
  };
  std::vector<std::vector<std::string>> out;
  std::size_t start = 0;
  while (start < ranked.size()) {
    std::size_t end = start + 1;
    while (end < ranked.size() && tied(ranked[start], ranked[end])) ++end;
    std::vector<std::string> group;
    bool with = false, without = false;
    for (std::size_t k = start; k < end; ++k) {
      group.push_back(scores.applications[ranked[k]].id);
      (money.at(group.back()) ? with : without) = true;
    }
    if (with && without && !ordered_together(group)) {
      // The other `id` order: the group's members swap their rank slots.
      ScoreResult flipped = scores;
      for (std::size_t k = start; k < end; ++k)
        flipped.applications[ranked[k]].rank = scores.applications[ranked[start + end - 1 - k]].rank;
      const std::map<std::string, bool> other = money_of(allocate(rules, applications, flipped, decisions));
      if (std::any_of(group.begin(), group.end(), [&](const std::string& id) { return other.at(id) != money.at(id); }))
        out.push_back(std::move(group));
    }
    start = end;
  }
  return out;
}

namespace {

// What the decision is made from (docs/decisions.md "Choices in `allocate`"):
// the scores `score` stored and the hashes of the inputs it read them from.
struct Scored {
  ScoreResult scores;
  std::string applications_sha256;
  std::string reviews_sha256;
  std::vector<Reviewer> reviewers;
  std::optional<CheckFacts> facts;  // year.md §5: what `score` stored, with checks reading earlier rounds
};

// The first application whose stored score is missing or not its own, or a
// stored score of no application (both in id order), or none: the stored
// scores must name exactly the round's applications (a row added or deleted
// behind the program's back is refused).
std::optional<std::string> uncovered(const std::vector<Application>& applications,
                                     const std::vector<ScoredApplication>& scored) {
  const std::size_t n = std::min(applications.size(), scored.size());
  for (std::size_t i = 0; i < n; ++i)
    if (applications[i].id != scored[i].id) return std::min(applications[i].id, scored[i].id);
  if (applications.size() > n) return applications[n].id;
  if (scored.size() > n) return scored[n].id;
  return std::nullopt;
}

// Reads r.round's applications into r.applications (their titles are not kept
// unless `double_funding` compares them: a national round's are 100 MB) and
// hashes them: they must be the applications `score` read. The reviews are not
// read: `score` hashed them, and any import since discarded the scores
// (`audit` scores the round again from what is stored). A round scored by a
// version before migration 11 has no hashes stored: its reviews are hashed here.
Scored stored_scoring(Store& store, AllocateResult& r) {
  const std::string& id = r.round.id;
  Scored out;
  // The stored scores are read on a second connection while this one reads
  // the applications: the same state, since this transaction holds the write
  // lock and has written nothing yet.
  std::vector<ScoredApplication> scored;
  alongside([&] { scored = stored_scores_by_id(*store.reader(), id, r.rules); },
            [&] {
              HashedApplications read = read_hashed_applications(store, id, r.rules, r.rules.double_funding);
              r.applications = std::move(read.applications);
              out.applications_sha256 = std::move(read.sha256);
            });
  if (std::optional<ScoredInputs> hashes = load_scored_inputs(store, id)) {
    if (hashes->applications_sha256 != out.applications_sha256)
      throw Error(ErrorKind::conflict, say(w_applications_changed, id), Remedy::score_again);
    out.reviews_sha256 = std::move(hashes->reviews_sha256);
  } else {
    ReviewsHashing reviews_hash(r.rules);
    (void)review_summaries(store, id, r.rules, r.applications, [&](const ReviewRow& row) { reviews_hash.add(row); });
    out.reviews_sha256 = reviews_hash.hex();
  }
  out.reviewers = store.reviewers(id);
  // year.md §5: the facts `score` stored, not today's: a late report changes nothing decided.
  if (r.rules.checks_history()) {
    std::optional<StoredCheckFacts> stored = load_check_facts(store, id);
    if (!stored) throw Error(ErrorKind::conflict, say(w_no_facts, id), Remedy::score_again);
    out.facts = std::move(stored->facts);
    use_round_keys(r.applications);
  }
  if (auto wrong = uncovered(r.applications, scored))
    throw Error(ErrorKind::conflict, say(w_scores_uncovered, id, *wrong), Remedy::score_again);
  out.scores = in_stored_order(std::move(scored));
  // docs/cli.md exit 3 "allocating before every application is scored": a round where
  // no application has enough reviews to be scored (typically: the reviews were
  // not imported yet) is refused rather than frozen with nothing awarded.
  if (!out.scores.applications.empty() &&
      std::all_of(out.scores.applications.begin(), out.scores.applications.end(),
                  [](const ScoredApplication& a) { return a.status == ScoreStatus::incomplete; }))
    throw Error(ErrorKind::conflict, say(w_none_scored, id, out.scores.applications.size()),
                Remedy::import_reviews_and_score);
  return out;
}

// docs/rules.md §4 step 2: the commission decisions of the log, reduced (latest
// standing per application, undone ones left out); every standing order must
// still apply to the fresh ranking.
StandingDecisions standing_orders_apply(Store& store, const AllocateResult& r, const ScoreResult& fresh) {
  const std::string& id = r.round.id;
  StandingDecisions standing = standing_decisions(store, id);
  for (const CommissionDecision& d : standing.standing)
    if (d.kind == DecisionKind::order)
      if (auto problem = order_problem(r.rules, r.applications, fresh, d.applications))
        throw Error(ErrorKind::conflict, say(w_order_stale, id, d.n, *problem), Remedy::undo_decision, d.n);
  return standing;
}

// `ties = "refuse"`: Error(conflict) naming each group tied at the money line
// with the money at stake: what its members get in the `id` order, which the
// other order would hand to others in the group.
void refuse_ties_at_money_line(const AllocateResult& r, const ScoreResult& scores, const AppliedDecisions& decisions) {
  auto ties = ties_at_money_line(r.rules, r.applications, scores, decisions, r.decision);
  if (ties.empty()) return;
  std::map<std::string, Money> award;
  for (const auto& l : r.decision.applications) award[l.id] = l.award;
  Message list;
  for (const auto& group : ties) {
    std::string g;
    Money stake;
    for (const auto& a : group) {
      g += (g.empty() ? "" : ", ") + a;
      stake += award[a];
    }
    list += say(w_stake, list.empty() ? "" : "; ", g, stake.said(r.rules.currency));
  }
  throw Error(ErrorKind::conflict, say(w_straddle, r.round.id, list), Remedy::order_ties);
}

}  // namespace

// year.md §4: the round's agreements and payments checked against a new
// decision's awards, as `audit` checks them against the stored ones; none
// before the first agreement.
static std::vector<Difference> money_against(Store& store, const Decision& decision) {
  std::vector<Agreement> agreements = stored_agreements(store, decision.round);
  std::vector<Payment> payments = stored_payments(store, decision.round);
  std::vector<Difference> out;
  if (agreements.empty() && payments.empty()) return out;
  std::map<std::string, Money> awards;
  for (const AllocationLine& line : decision.applications)
    if (line.award.kopiykas() > 0) awards.emplace(line.id, line.award);
  compare_money(awards, agreements, payments, out);
  return out;
}

// docs/cli.md "allocate".
AllocateResult run_allocate(Store& store, const std::optional<std::string>& round_id, AllocateOptions options,
                            const std::function<void(const AllocateResult&)>& meanwhile) {
  // One transaction from reading the inputs to the new stage, so that nothing
  // can change between what was hashed and what was decided. A dry run rolls back.
  // No foreign-key lookups (bulk_foreign_keys.hpp): each line stored is of an
  // application read in this transaction (a million lookups were 1 s).
  BulkForeignKeys fk(store, true);
  Transaction tx(store);
  // Its reads are scans and its writes appends: 16 MiB of page cache is as fast
  // as 64 (measured at a million applications) and leaves 50 MB for the round.
  store.set_page_cache_kib(16 * 1024);
  AllocateResult r;
  r.round = store.resolve_round(round_id);
  const std::string& id = r.round.id;
  if (r.round.stage == Stage::allocated && !options.force)
    throw Error(ErrorKind::conflict, say(w_allocated, id), Remedy::allocate_again);
  if (r.round.stage == Stage::open)
    throw Error(ErrorKind::conflict, say(round_not_scored_words, id), Remedy::score_first);
  r.rules = Store::rules_of(r.round);
  Scored in = stored_scoring(store, r);
  StandingDecisions standing = standing_orders_apply(store, r, in.scores);
  const AppliedDecisions& decisions = standing.applied;
  nlohmann::ordered_json applied = applied_decisions_json(standing.standing);
  r.decisions = standing.standing;

  // At its peak (inside decide) a national round holds the applications, the
  // ranking and the decision's lines: the criteria go first unless needed
  // (`ties = "refuse"` compares them).
  if (r.rules.ties != TiePolicy::refuse) {
    drop_criteria_unless_ordered(in.scores, decisions);
    release_free_memory();
  }
  // `score` stores the ranking of the rules alone; recorded orders re-arrange
  // full ties for the allocation (docs/rules.md §3).
  Decided decided = decide(r.rules, r.applications, in.scores, decisions);
  r.decision = std::move(decided.decision);
  if (r.rules.ties == TiePolicy::refuse) refuse_ties_at_money_line(r, decided.walked(in.scores), decisions);

  // Allocated: the rankings are released before the record (as big) is built,
  // and the memory they held is handed back: their millions of small pieces
  // would otherwise stay with the process, under the record and its copy.
  decided.reordered.reset();
  r.cross_year = cross_year_view(r.rules, r.applications, in.scores);
  in.scores = ScoreResult{};
  r.money_after = money_against(store, r.decision);
  release_free_memory();

  nlohmann::ordered_json inputs =
      with_history(input_hashes_with(in.applications_sha256, in.reviewers, in.reviews_sha256), in.facts);
  SignedRecord record = signed_decision_record(id, r.round.rules_sha256, inputs, applied, r.decision);
  r.fingerprint = record.fingerprint;
  if (options.dry_run) return r;  // the Transaction rolls back: nothing written

  std::int64_t log_seq = 0;
  auto store_it = [&] {
    save_allocation(store, id, r.decision);
    log_seq = append_canonical_log_entry(store, id, LogKind::allocate, std::move(record.canonical)).seq;
    store.set_stage(id, Stage::allocated);
    tx.commit_then_checkpoint();  // the copy into the file overlaps the printing
  };
  // While it is stored nothing changes `r`: both threads only read it.
  if (meanwhile)
    alongside([&] { meanwhile(r); }, store_it);
  else
    store_it();
  r.log_seq = log_seq;
  r.stored = true;
  r.round.stage = Stage::allocated;
  return r;
}

}  // namespace competition
