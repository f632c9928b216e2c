// The rules file (docs/rules.md "The file format") as a plain struct, and its reader.
// `load_rules` validates everything docs/formats.md says and reports every problem
// with the key it is about (`rules.toml: criteria[2].weight: must be > 0`).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "values/diagnostic.hpp"
#include "values/money.hpp"
#include "values/rational.hpp"

namespace competition {

enum class Sector { ngo, state, business };
enum class ScoreSource { reviews, votes };
enum class Aggregate { mean, median, trimmed_mean };
enum class AllocationRule { greedy_skip, greedy_stop };
enum class Leftover { pool, keep };
enum class TiePolicy { break_by_id, refuse };
// [checks] (year.md §5): what an earlier grant's missing report does.
enum class EarlierReports { off, flag, reject };

std::string_view to_string(Sector s);
std::optional<Sector> parse_sector(std::string_view s);

// docs/formats.md "Limits": with these, and at most 1000 reviews of an
// application (store/round_limits.hpp), every weighted total fits in 64 bits:
// an aggregated score has a denominator dividing 10^4 × reviews (scores have at
// most 4 decimals; a mean divides by the count), a weight one dividing 10^4, so
// a total's denominator divides 10^8 × 1000 = 10^11 and its size is at most
// 50 criteria × 1000 × 1000 = 5 × 10^7: a numerator below 5 × 10^18 < 9.2 × 10^18.
inline constexpr std::int64_t max_criterion_weight = 1000;  // weight <= this
inline constexpr std::int64_t max_criterion_bound = 1000;   // -this <= min < max <= this
inline constexpr std::size_t max_criteria = 50;

struct Criterion {
  std::string id;
  std::string name;
  Rational weight;  // > 0
  Rational min{0};
  Rational max{10};
  Rational step{1};  // > 0; scores are min + k*step
  std::optional<Rational> threshold;
  std::string short_name{};  // docs/rules.md `short`: the column header; empty: the name

  // What heads the criterion's column for people: `short`, else the name, else the id.
  [[nodiscard]] const std::string& heading() const {
    return !short_name.empty() ? short_name : !name.empty() ? name : id;
  }
};

// A tie-break key of docs/rules.md §3.
struct TieBreakKey {
  enum class Kind { criterion, cofinancing_share, requested, submitted_at, input_order } kind;
  std::string criterion;  // for Kind::criterion
};

struct Lot {
  std::string id;
  std::string name;
  std::vector<std::string> categories;
  std::optional<Money> budget;    // exactly one of budget / share
  std::optional<Rational> share;  // 0..1
  std::string short_name{};       // docs/rules.md `short`, as for criteria

  // What names the lot in a column for people: `short`, else the name, else the id.
  [[nodiscard]] const std::string& heading() const {
    return !short_name.empty() ? short_name : !name.empty() ? name : id;
  }
};

struct Rules {
  // [competition]
  std::string id;
  std::string title;
  int year = 0;
  Money budget;
  std::string currency = "UAH";
  // [eligibility]
  std::optional<std::vector<Sector>> sectors;  // nullopt: every sector allowed
  std::optional<Money> max_request;
  std::optional<Rational> min_cofinancing_share;
  std::optional<int> max_awards_per_organisation;
  // [scoring]
  ScoreSource source = ScoreSource::reviews;
  Aggregate aggregate = Aggregate::mean;
  int min_reviews = 1;
  std::optional<Rational> max_spread;
  std::optional<Rational> pass_total;
  std::vector<Criterion> criteria;
  // [checks] (docs/rules.md "checks"): flag a planned cost per client more than
  // this many times above or below the round's median; > 1, none: off.
  std::optional<Rational> cost_outlier_factor;
  EarlierReports earlier_reports = EarlierReports::off;
  bool double_funding = false;  // flag an earlier winner's project applying again
  // The checks that read earlier rounds: their facts are stored with the scores.
  bool checks_history() const { return earlier_reports != EarlierReports::off || double_funding; }
  // [allocation]
  AllocationRule rule = AllocationRule::greedy_skip;
  bool partial = false;
  Rational min_partial_share{0};
  Money round_to = Money::from_kopiykas(1);
  std::vector<TieBreakKey> tie_break;
  Leftover leftover = Leftover::pool;
  TiePolicy ties = TiePolicy::break_by_id;
  // [assignment] (docs/rules.md): reviewers per application (none: min_reviews, at least 2)
  std::optional<int> per_application;
  bool match_categories = true;
  int reviewers_per_application() const;
  // [commission]
  std::vector<std::string> members;
  // [[lots]]
  std::vector<Lot> lots;

  const Criterion* find_criterion(std::string_view id) const;
  bool uses_input_order() const;
};

// Parses and validates a rules file. `file` is the name used in diagnostics.
// Throws Error(invalid, diagnostics) listing every problem found.
Rules load_rules(std::string_view toml_text, std::string_view file);

// The amount of each lot in file order (docs/rules.md §4.1): its budget, or
// floor(share × competition budget) to the kopiyka.
std::vector<Money> lot_amounts(const Rules& rules);

}  // namespace competition
