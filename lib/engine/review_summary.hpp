// docs/rules.md §1, what scoring needs of the reviews: per application, the number
// of valid (not excluded) reviews and, when there are enough, each criterion's
// aggregate and the spread flags. Built row by row as the store streams the
// reviews, so a national round's millions of reviews are never held at once.
// Pure: no database.
#pragma once
#include <cstdint>
#include <exception>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/string_index.hpp"
#include "base/token_list.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

struct ReviewSummary {
  int reviews = 0;                 // valid reviews
  std::vector<Rational> criteria;  // aggregate per rules.criteria; empty below min_reviews or for votes
  TokenList flags;                 // `spread:ID`, in criteria order
};

// docs/rules.md §1 over values already sorted (non-empty).
[[nodiscard]] Rational aggregate_sorted(Aggregate how, const std::vector<Rational>& values);

// docs/rules.md §1 for one application: `scores` holds its `reviews` valid reviews'
// rows of rules.criteria.size() values each. Aggregates only for a round ranked
// by reviews with at least min_reviews (and 1) reviews. `scratch` is reused space.
[[nodiscard]] ReviewSummary summarise_reviews(const Rules& rules, int reviews, std::span<const Rational> scores,
                                              std::vector<Rational>& scratch);

// Summaries of a round's reviews, one per application (in the order of
// `applications`, which must outlive this), fed the reviews grouped by
// application (all of one application's rows in a row, as ORDER BY application
// gives them). Reviews of applications not in the round are ignored.
class ReviewSummaries {
 public:
  ReviewSummaries(const Rules& rules, const std::vector<Application>& applications);
  // Both are kept by reference: temporaries would dangle.
  ReviewSummaries(const Rules&&, const std::vector<Application>&) = delete;
  ReviewSummaries(const Rules&, const std::vector<Application>&&) = delete;
  // One review; `scores` in the rules' criteria order (its size is that of rules.criteria).
  void add(std::string_view application, bool excluded, std::span<const Rational> scores);
  // The summaries. An arithmetic error of one summary is raised here, not by
  // add(), so that a caller can tell it from a review it could not read.
  std::vector<ReviewSummary> finish();

 private:
  void close_group();
  const Rules& rules_;
  const std::vector<Application>& applications_;
  StringIndex<std::uint32_t> index_;  // application id -> position
  std::vector<ReviewSummary> out_;
  std::vector<bool> done_;      // groups already closed
  std::int64_t current_ = -1;   // the open group's position, or -1
  int count_ = 0;               // its valid reviews
  std::vector<Rational> rows_;  // their rows
  std::vector<Rational> scratch_;
  std::exception_ptr error_;
};

}  // namespace competition
