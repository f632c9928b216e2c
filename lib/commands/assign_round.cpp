#include "commands/assign_round.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "base/text.hpp"

#include "commands/commission_decisions.hpp"
#include "commands/read_snapshot.hpp"
#include "store/assignment_store.hpp"
#include "store/decision_log.hpp"
#include "store/review_checks.hpp"
#include "values/log_kind.hpp"
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
constexpr PerLang<const char*> w_votes{.uk = "конкурс {} ранжує за голосами: у ньому немає експертів для розподілу",
                                       .en = "round {} is ranked by votes: it has no reviewers to assign"};
constexpr PerLang<const char*> w_allocated{.uk = "конкурс {} розподілено: його призначення експертів зафіксовано",
                                           .en = "round {} is allocated: its assignment is frozen"};
constexpr PerLang<const char*> w_assigned{
    .uk = "конкурс {} уже має призначення експертів; додайте --force, щоб зберегти його пари й заповнити прогалини",
    .en = "round {} already has an assignment; use --force to keep its pairs and fill the gaps"};

nlohmann::ordered_json assignment_payload(std::uint64_t seed,
                                          const std::vector<std::pair<std::string, std::string>>& pairs) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& [application, reviewer] : pairs) list.push_back({application, reviewer});
  return {{"pairs", list}, {"seed", seed}};
}

namespace {

// docs/cli.md "assign": an infeasible round says why in plain words, with what to do.
constexpr PerLang<const char*> no_reviewers{
    .uk =
        "конкурс {} не має експертів: спершу імпортуйте експертів (`competition import reviewers ФАЙЛ`); "
        "нічого не збережено",
    .en =
        "round {} has no reviewers: import the reviewers first (`competition import reviewers FILE`); nothing was "
        "stored",
};
constexpr PerLang<const char*> cannot_cover{
    .uk = "конкурс {} не можна покрити (експертів на заявку: {}; нічого не збережено): {}",
    .en = "round {} cannot be covered ({} reviewers per application; nothing was stored): {}",
};
constexpr PerLang<const char*> too_few_without_conflict{
    .uk = "заявка {} може мати лише експертів без конфлікту інтересів: {}",
    .en = "{} can have only {} reviewer(s) without a conflict of interest",
};
constexpr PerLang<const char*> capacities_total{
    .uk =
        "ліміти експертів (`capacity`) разом дають {} оцінок, а конкурсу потрібно {} (кількість заявок {} × {}); "
        "збільште ліміти в reviewers.csv або імпортуйте більше експертів",
    .en =
        "the reviewers' capacities add up to {} reviews, the round needs {} ({} applications × {}); raise the "
        "capacities in reviewers.csv or import more reviewers",
};
constexpr PerLang<const char*> capacities_full{
    .uk =
        "заявки {} не можуть отримати експертів у межах лімітів (`capacity`) тих, хто їм підходить; "
        "збільште ці ліміти або імпортуйте більше експертів",
    .en =
        "{} cannot get them within the capacities of the reviewers they can have; raise those capacities or "
        "import more reviewers",
};

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
  if (in.reviewers.empty()) return say(no_reviewers, round);
  // Applications short of reviewers without a conflict; the others are short
  // because of capacities: in all (when every reviewer has one), or theirs.
  Message why;
  auto add = [&](const Message& part) { why = why.empty() ? part : why + Message("; ") + part; };
  std::vector<std::string> full;
  for (const Uncovered& u : res.uncovered) {
    const std::string& id = in.applications[u.application].id;
    if (u.possible < in.per_application)
      add(say(too_few_without_conflict, id, u.possible));
    else
      full.push_back(id);
  }
  if (!full.empty()) {
    std::int64_t places = 0;
    bool all_limited = true;
    for (const AssignReviewer& r : in.reviewers) {
      all_limited = all_limited && r.capacity.has_value();
      places += r.capacity.value_or(0);
    }
    const auto n = static_cast<std::int64_t>(in.applications.size());
    if (all_limited && places < n * in.per_application)
      add(say(capacities_total, places, n * in.per_application, n, in.per_application));
    else
      add(say(capacities_full, join(full, ", ")));
  }
  return Message(fmt::format(fmt::runtime(cannot_cover.uk), round, in.per_application, why.uk),
                 fmt::format(fmt::runtime(cannot_cover.en), round, in.per_application, why.en));
}

// The round's applications (withdrawn ones left out) and reviewers, as `assign` reads them, and their positions.
struct RoundSides {
  std::map<std::string, std::uint32_t> app_at, reviewer_at;
};

RoundSides read_sides(Store& store, const std::string& id, AssignmentInput& in) {
  RoundSides s;
  const std::set<std::string> withdrawn = standing_decisions(store, id).applied.withdrawn;
  for (const Application& a : store.applications(id)) {
    if (withdrawn.count(a.id)) continue;
    s.app_at.emplace(a.id, static_cast<std::uint32_t>(in.applications.size()));
    in.applications.push_back({a.id, a.category});
  }
  for (const Reviewer& r : store.reviewers(id)) {
    s.reviewer_at.emplace(r.id, static_cast<std::uint32_t>(in.reviewers.size()));
    in.reviewers.push_back({r.id, r.categories, r.capacity});
  }
  return s;
}

// The seed of the round's last `assign` entry; 0 before the first.
std::uint64_t logged_seed(Store& store, const std::string& round) {
  std::uint64_t seed = 0;
  for (const LogEntry& e : log_entries(store, round))
    if (e.kind == LogKind::assign) seed = nlohmann::json::parse(e.payload).value("seed", std::uint64_t{0});
  return seed;
}

constexpr PerLang<const char*> no_assignment{
    .uk = "конкурс {} ще не має призначення експертів",
    .en = "round {} has no reviewer assignment yet",
};

}  // namespace

RoundAssignment assign_round(Store& store, const std::optional<std::string>& round_id, const AssignOptions& options) {
  Transaction tx(store);
  const RoundRecord round = store.resolve_round(round_id);
  RoundAssignment out;
  out.round = round.id;
  const std::string& id = round.id;
  // The seed announced for the round stays unless another is given (--force refills with it).
  out.seed = options.seed.value_or(logged_seed(store, id));
  const Rules rules = Store::rules_of(round);
  if (rules.source == ScoreSource::votes) throw Error(ErrorKind::conflict, say(w_votes, id));
  if (round.stage == Stage::allocated) throw Error(ErrorKind::conflict, say(w_allocated, id));
  const std::vector<NamedPair> before = stored_assignment(store, id);
  if (!before.empty() && !options.force) throw Error(ErrorKind::conflict, say(w_assigned, id));

  AssignmentInput& in = out.input;
  in.per_application = rules.reviewers_per_application();
  in.match_categories = rules.match_categories;
  in.seed = out.seed;
  // Named references, not a structured binding: clang before 16 cannot capture one in a lambda.
  const RoundSides sides = read_sides(store, id, in);
  const auto& app_at = sides.app_at;
  const auto& reviewer_at = sides.reviewer_at;
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
  append_log_entry(store, id, LogKind::assign, assignment_payload(out.seed, pairs));
  tx.commit();
  return out;
}

RoundAssignment stored_round_assignment(Store& store, const std::optional<std::string>& round_id) {
  ReadSnapshot snapshot(store);
  const RoundRecord round = store.resolve_round(round_id);
  const std::vector<NamedPair> stored = stored_assignment(store, round.id);
  if (stored.empty()) throw Error(ErrorKind::conflict, say(no_assignment, round.id), Remedy::assign_first);
  RoundAssignment out;
  out.round = round.id;
  out.seed = logged_seed(store, round.id);
  const Rules rules = Store::rules_of(round);
  out.input.per_application = rules.reviewers_per_application();
  out.input.match_categories = rules.match_categories;
  out.input.seed = out.seed;
  const RoundSides sides = read_sides(store, round.id, out.input);
  const auto& app_at = sides.app_at;
  const auto& reviewer_at = sides.reviewer_at;
  // Pairs of an application withdrawn or gone, or a reviewer gone, are left
  // out here; `status` names them (commands/stale_assignment.hpp).
  std::vector<AssignPair> pairs;
  for (const auto& [application, reviewer] : stored) {
    auto a = app_at.find(application);
    auto r = reviewer_at.find(reviewer);
    if (a != app_at.end() && r != reviewer_at.end()) pairs.emplace_back(a->second, r->second);
  }
  out.result = assignment_of(out.input, std::move(pairs));
  return out;
}

}  // namespace competition
