// docs/sensitivity.md.
#include "engine/sensitivity.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "base/string_index.hpp"
#include "engine/commission.hpp"
#include "engine/margin.hpp"
#include "engine/money_line.hpp"
#include "engine/ranking_place.hpp"
#include "engine/scenario.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_skipped{.uk =
                                             "конкурс {}: рішення {} більше не застосовне до рейтингу; аналіз "
                                             "чутливості починається з розподілу, який зробив би `allocate`",
                                         .en =
                                             "round {}: decision {} no longer applies to the ranking; sensitivity "
                                             "starts from the allocation `allocate` would make"};

std::string_view to_string(SensitivityLabel l) {
  switch (l) {
    case SensitivityLabel::robust:
      return "robust";
    case SensitivityLabel::fragile:
      return "fragile";
    case SensitivityLabel::contested:
      return "contested";
    case SensitivityLabel::out:
      return "out";
  }
  return "out";
}

namespace {

bool gets_money(AwardStatus s) { return s == AwardStatus::funded || s == AwardStatus::partial; }

// `aggregate:median`, … (the rules file's names of the aggregates).
std::string aggregate_scenario(Aggregate a) {
  switch (a) {
    case Aggregate::mean:
      return "aggregate:mean";
    case Aggregate::median:
      return "aggregate:median";
    case Aggregate::trimmed_mean:
      return "aggregate:trimmed_mean";
  }
  return "aggregate:mean";
}

// The applications that get money in a decision.
std::set<std::string> with_money(const Decision& d) {
  std::set<std::string> out;
  for (const AllocationLine& l : d.applications)
    if (gets_money(l.status)) out.insert(l.id);
  return out;
}

// What one scenario changes: the applications whose money differs from the baseline's.
struct Flipped {
  SensitivityScenario scenario;
  std::vector<std::string> flipped;
};

// A full scenario: `ranking` allocated with the decisions that still apply.
Flipped reallocated(std::string id, const Rules& rules, const std::vector<Application>& applications,
                    const ScoreResult& ranking, const std::vector<CommissionDecision>& standing,
                    const std::set<std::string>& baseline) {
  ScenarioOutcome o = decide_scenario(rules, applications, ranking, standing);
  Flipped out{{std::move(id), std::move(o.skipped)}, {}};
  for (const AllocationLine& l : o.decided.decision.applications)
    if (gets_money(l.status) != (baseline.count(l.id) > 0)) out.flipped.push_back(l.id);
  return out;
}

// docs/sensitivity.md "Scenarios", `without:R` from the money line: only the
// applications R reviewed are scored again and moved; the allocation is walked
// where they and their money make it differ. Reallocated instead when one of
// them is named by a commission decision (which may then not apply).
class WithoutReviewer {
 public:
  WithoutReviewer(const Rules& rules, const std::vector<Application>& applications, const std::vector<Review>& reviews,
                  const std::vector<CommissionDecision>& standing, const MoneyLine& line, const RankingPlaces& places,
                  const std::set<std::string>& baseline)
      : rules_(rules),
        applications_(applications),
        reviews_(reviews),
        standing_(standing),
        line_(line),
        places_(places),
        baseline_(baseline) {
    for (const CommissionDecision& d : standing)
      for (const std::string& id : d.applications) named_.emplace(id, 1);
    for (const Review& r : reviews) {
      if (r.excluded || !places.application(r.application)) continue;
      auto [g, fresh] = by_reviewer_.emplace(r.reviewer, static_cast<std::uint32_t>(reviewed_.size()));
      if (fresh) {
        reviewed_.emplace_back();
        reviewers_.push_back(r.reviewer);
      }
      reviewed_[*g].push_back(r.application);
    }
    std::sort(reviewers_.begin(), reviewers_.end());
    for (const Review& r : reviews) {
      auto [g, fresh] = by_application_.emplace(r.application, static_cast<std::uint32_t>(of_application_.size()));
      if (fresh) of_application_.emplace_back();
      of_application_[*g].push_back(&r);
    }
  }

  // Reviewers with a valid review, by id.
  const std::vector<std::string>& reviewers() const { return reviewers_; }

  Flipped without(const std::string& reviewer) const {
    std::vector<std::string> ids = reviewed_[*by_reviewer_.find(reviewer)];
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::string id = "without:" + reviewer;
    if (std::any_of(ids.begin(), ids.end(), [&](const std::string& a) { return named_.find(a) != nullptr; })) {
      std::vector<Review> rest;
      for (const Review& r : reviews_)
        if (r.reviewer != reviewer) rest.push_back(r);
      return reallocated(std::move(id), rules_, applications_, score_round(rules_, applications_, rest), standing_,
                         baseline_);
    }
    std::vector<Application> apps;
    std::vector<Review> rest;
    for (const std::string& a : ids) {
      apps.push_back(*places_.application(a));
      for (const Review* r : of_application_[*by_application_.find(a)])
        if (r->reviewer != reviewer) rest.push_back(*r);
    }
    ScoreResult rescored = score_round(rules_, apps, rest);
    std::vector<RankingPlaces::Change> changes;
    for (ScoredApplication& s : rescored.applications) changes.push_back({places_.application(s.id), std::move(s)});
    std::vector<MoneyLine::Moved> moved = places_.moved(changes);
    MoneyLine::MovedOutcome walked = line_.walk(moved);
    Flipped out{{std::move(id), {}}, {}};
    std::set<std::string> moved_ids;
    for (std::size_t i = 0; i < moved.size(); ++i) {
      moved_ids.insert(moved[i].app->id);
      if ((walked.money[i] != 0) != (baseline_.count(moved[i].app->id) > 0)) out.flipped.push_back(moved[i].app->id);
    }
    for (std::uint32_t j : walked.changed) out.flipped.push_back(line_.id(j));
    return out;
  }

 private:
  const Rules& rules_;
  const std::vector<Application>& applications_;
  const std::vector<Review>& reviews_;
  const std::vector<CommissionDecision>& standing_;
  const MoneyLine& line_;
  const RankingPlaces& places_;
  const std::set<std::string>& baseline_;
  StringIndex<char> named_;
  StringIndex<std::uint32_t> by_reviewer_;
  std::vector<std::vector<std::string>> reviewed_;
  std::vector<std::string> reviewers_;
  StringIndex<std::uint32_t> by_application_;
  std::vector<std::vector<const Review*>> of_application_;
};

}  // namespace

// docs/sensitivity.md.
Sensitivity sensitivity(const Rules& given, const std::vector<Application>& applications,
                        const std::vector<Review>& reviews, const std::vector<CommissionDecision>& standing) {
  Rules rules = given;
  rules.ties = TiePolicy::break_by_id;
  const ScoreResult plain = score_round(rules, applications, reviews);
  ScenarioOutcome base = decide_scenario(rules, applications, plain, standing);
  if (!base.skipped.empty())
    throw Error(ErrorKind::conflict, say(w_skipped, rules.id, base.skipped.front()), Remedy::undo_decision,
                base.skipped.front());
  const Decision& decision = base.decided.decision;
  const std::set<std::string> baseline = with_money(decision);
  const AppliedDecisions applied = reduce_decisions(standing).applied;
  const MoneyLine line(rules, applications, base.decided.walked(plain), applied, decision);
  const RankingPlaces places(rules, applications, plain, line);

  std::vector<Flipped> outcomes;
  if (rules.source == ScoreSource::reviews) {
    WithoutReviewer without(rules, applications, reviews, standing, line, places, baseline);
    for (const std::string& r : without.reviewers()) outcomes.push_back(without.without(r));
    for (Aggregate a : {Aggregate::mean, Aggregate::median, Aggregate::trimmed_mean}) {
      if (a == rules.aggregate) continue;
      Rules other = rules;
      other.aggregate = a;
      ScoreResult ranking = score_round(other, applications, reviews);
      outcomes.push_back(reallocated(aggregate_scenario(a), other, applications, ranking, standing, baseline));
    }
  }
  if (has_equal_totals(plain))
    outcomes.push_back(reallocated("ties:reversed", rules, applications, reversed_ties(plain), standing, baseline));

  Sensitivity out;
  out.round = rules.id;
  StringIndex<std::uint32_t> line_of;
  for (const AllocationLine& l : decision.applications) {
    line_of.emplace(l.id, static_cast<std::uint32_t>(out.applications.size()));
    SensitivityLine s;
    s.id = l.id;
    s.status = l.status;
    s.award = l.award;
    s.of = static_cast<int>(outcomes.size());
    out.applications.push_back(std::move(s));
  }
  for (Flipped& o : outcomes) {
    for (const std::string& id : o.flipped) out.applications[*line_of.find(id)].flips.push_back(o.scenario.id);
    out.scenarios.push_back(std::move(o.scenario));
  }
  const MarginSearch margins(rules, applications, reviews, standing, plain, line, places);
  for (const ScoredApplication& s : plain.applications) {
    SensitivityLine& l = out.applications[*line_of.find(s.id)];
    const bool money = gets_money(l.status);
    std::sort(l.flips.begin(), l.flips.end());
    l.funded_in = money ? l.of - static_cast<int>(l.flips.size()) : static_cast<int>(l.flips.size());
    l.label = money ? (l.flips.empty() ? SensitivityLabel::robust : SensitivityLabel::fragile)
                    : (l.flips.empty() ? SensitivityLabel::out : SensitivityLabel::contested);
    if (l.status != AwardStatus::withdrawn && l.status != AwardStatus::declined) l.margin = margins.of(s, money);
  }
  return out;
}

}  // namespace competition
