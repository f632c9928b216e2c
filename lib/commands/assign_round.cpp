#include "commands/assign_round.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "commands/commission_decisions.hpp"
#include "store/assignment_store.hpp"
#include "store/decision_log.hpp"
#include "store/review_checks.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_over_item{.uk = "{}{} (уже є оцінок: {}, місткість {})",
                                           .en = "{}{} ({} reviews already in, capacity {})"};
constexpr PerLang<const char*> w_over{
    .uk =
        "конкурс {} не можна розподілити між експертами: уже імпортовані оцінки навантажують експертів понад їхню "
        "місткість: {}; збільште capacity у reviewers.csv (нічого не збережено)",
    .en =
        "round {} cannot be assigned: the reviews already imported load reviewers above their capacity: {}; raise the "
        "capacity in reviewers.csv (nothing was stored)"};
constexpr PerLang<const char*> w_uncovered_item{.uk = "{}{} (можливо {} з {})", .en = "{}{} (can have {} of {})"};
constexpr PerLang<const char*> w_uncovered{
    .uk =
        "конкурс {} не можна покрити: {} експертів на кожну заявку в межах місткостей неможливо; не покрито: {} "
        "(нічого не збережено)",
    .en =
        "round {} cannot be covered: {} reviewers for every application, within the capacities, are not possible; not "
        "covered: {} (nothing was stored)"};
constexpr PerLang<const char*> w_votes{.uk = "конкурс {} ранжує за голосами: у ньому немає експертів для розподілу",
                                       .en = "round {} is ranked by votes: it has no reviewers to assign"};
constexpr PerLang<const char*> w_allocated{.uk = "конкурс {} розподілено: його розподіл між експертами зафіксовано",
                                           .en = "round {} is allocated: its assignment is frozen"};
constexpr PerLang<const char*> w_assigned{
    .uk = "конкурс {} уже має розподіл між експертами; додайте --force, щоб зберегти його пари й заповнити прогалини",
    .en = "round {} already has an assignment; use --force to keep its pairs and fill the gaps"};

nlohmann::ordered_json assignment_payload(std::uint64_t seed,
                                          const std::vector<std::pair<std::string, std::string>>& pairs) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& [application, reviewer] : pairs) list.push_back({application, reviewer});
  return {{"pairs", list}, {"seed", seed}};
}

namespace {

Message uncovered_message(const std::string& round, const AssignmentInput& in, const AssignmentResult& res) {
  if (!res.over_capacity.empty()) {
    Message over;
    for (std::uint32_t r : res.over_capacity) {
      std::int64_t reviews = 0;
      for (const AssignPair& p : in.kept) reviews += p.second == r;
      over += say(w_over_item, over.empty() ? "" : ", ", in.reviewers[r].id, reviews, *in.reviewers[r].capacity);
    }
    return say(w_over, round, over);
  }
  Message list;
  for (const Uncovered& u : res.uncovered)
    list += say(w_uncovered_item, list.empty() ? "" : ", ", in.applications[u.application].id, u.possible,
                in.per_application);
  return say(w_uncovered, round, in.per_application, list);
}

}  // namespace

RoundAssignment assign_round(Store& store, const std::optional<std::string>& round_id, const AssignOptions& options) {
  Transaction tx(store);
  const RoundRecord round = store.resolve_round(round_id);
  RoundAssignment out;
  out.round = round.id;
  out.seed = options.seed;
  const std::string& id = round.id;
  const Rules rules = Store::rules_of(round);
  if (rules.source == ScoreSource::votes) throw Error(ErrorKind::conflict, say(w_votes, id));
  if (round.stage == Stage::allocated) throw Error(ErrorKind::conflict, say(w_allocated, id));
  const std::vector<NamedPair> before = stored_assignment(store, id);
  if (!before.empty() && !options.force) throw Error(ErrorKind::conflict, say(w_assigned, id));

  AssignmentInput& in = out.input;
  in.per_application = rules.reviewers_per_application();
  in.match_categories = rules.match_categories;
  in.seed = options.seed;
  const std::set<std::string> withdrawn = standing_decisions(store, id).applied.withdrawn;
  std::map<std::string, std::uint32_t> app_at, reviewer_at;
  for (const Application& a : store.applications(id)) {
    if (withdrawn.count(a.id)) continue;
    app_at.emplace(a.id, static_cast<std::uint32_t>(in.applications.size()));
    in.applications.push_back({a.id, a.category});
  }
  for (const Reviewer& r : store.reviewers(id)) {
    reviewer_at.emplace(r.id, static_cast<std::uint32_t>(in.reviewers.size()));
    in.reviewers.push_back({r.id, r.categories, r.capacity});
  }
  // docs/formats.md "reviewers.csv": conflicts as `import reviews` checks them.
  const ReviewChecks checks(store, round);
  std::set<AssignPair> forbidden;
  for (const auto& [app, a] : app_at)
    for (const auto& [reviewer, r] : reviewer_at)
      if (checks.conflicted(static_cast<std::uint32_t>(checks.app(app)),
                            static_cast<std::uint32_t>(checks.reviewer(reviewer))))
        forbidden.insert({a, r});
  // Valid reviews are kept, excluded ones never assigned; then (--force) the
  // earlier pairs that are still allowed, while the reviewer has room and the
  // application a gap.
  std::set<AssignPair> kept;
  std::vector<std::int64_t> load(in.reviewers.size(), 0), reviewers_of(in.applications.size(), 0);
  auto keep = [&](const std::string& app, const std::string& reviewer, bool bounded) {
    auto a = app_at.find(app);
    auto r = reviewer_at.find(reviewer);
    if (a == app_at.end() || r == reviewer_at.end() || forbidden.count({a->second, r->second})) return;
    const auto& capacity = in.reviewers[r->second].capacity;
    if (bounded && ((capacity && load[r->second] >= *capacity) || reviewers_of[a->second] >= in.per_application))
      return;
    if (kept.insert({a->second, r->second}).second) {
      ++load[r->second];
      ++reviewers_of[a->second];
    }
  };
  for (const Review& rv : store.reviews(id, rules)) {
    auto a = app_at.find(rv.application);
    auto r = reviewer_at.find(rv.reviewer);
    if (a == app_at.end() || r == reviewer_at.end()) continue;
    if (rv.excluded)
      forbidden.insert({a->second, r->second});
    else
      keep(rv.application, rv.reviewer, false);
  }
  for (const auto& [app, reviewer] : before) keep(app, reviewer, true);
  in.forbidden.assign(forbidden.begin(), forbidden.end());
  in.kept.assign(kept.begin(), kept.end());

  out.result = assign_reviewers(in);
  if (!out.result.feasible) throw Error(ErrorKind::conflict, uncovered_message(id, in, out.result));
  std::vector<NamedPair> pairs;
  for (const auto& [a, r] : out.result.pairs) pairs.emplace_back(in.applications[a].id, in.reviewers[r].id);
  store_assignment(store, id, pairs);
  append_log_entry(store, id, LogKind::assign, assignment_payload(options.seed, pairs));
  tx.commit();
  return out;
}

}  // namespace competition
