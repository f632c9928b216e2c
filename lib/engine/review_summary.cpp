// docs/rules.md §1: aggregation of one application's valid reviews. Exact Rational
// arithmetic only.
#include "engine/review_summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace competition {

namespace {

Rational mean_of(const std::vector<Rational>& values, std::size_t first, std::size_t last) {
  Rational sum;
  for (std::size_t i = first; i < last; ++i) sum += values[i];
  return sum / Rational(static_cast<std::int64_t>(last - first));
}

}  // namespace

// docs/rules.md §1 over values already sorted: mean, median (mean of the two middle
// values for an even count), trimmed_mean (drop one highest and one lowest;
// plain mean below 4 values).
Rational aggregate_sorted(Aggregate how, const std::vector<Rational>& values) {
  std::size_t n = values.size();
  switch (how) {
    case Aggregate::mean:
      return mean_of(values, 0, n);
    case Aggregate::median:
      if (n % 2 == 1) return values[n / 2];
      return (values[n / 2 - 1] + values[n / 2]) / Rational(2);
    case Aggregate::trimmed_mean:
      if (n < 4) return mean_of(values, 0, n);
      return mean_of(values, 1, n - 1);
  }
  throw std::invalid_argument("aggregate_scores: unknown aggregate");
}

ReviewSummary summarise_reviews(const Rules& rules, int reviews, std::span<const Rational> scores,
                                std::vector<Rational>& scratch) {
  const std::size_t width = rules.criteria.size();
  ReviewSummary s;
  s.reviews = reviews;
  // min_reviews is at least 1 (docs/formats.md); the max() only keeps an aggregate of
  // zero reviews impossible should a caller pass rules that were not validated.
  if (rules.source == ScoreSource::votes || s.reviews < std::max(1, rules.min_reviews)) return s;
  s.criteria.reserve(width);
  for (std::size_t c = 0; c < width; ++c) {
    scratch.clear();
    for (std::size_t r = c; r < scores.size(); r += width) scratch.push_back(scores[r]);
    std::sort(scratch.begin(), scratch.end());
    // A spread exactly at max_spread is not flagged: the rule is "exceeds".
    if (rules.max_spread && scratch.back() - scratch.front() > *rules.max_spread) {
      s.flags.push_back("spread:");
      s.flags.append_to_last(rules.criteria[c].id);
    }
    s.criteria.push_back(aggregate_sorted(rules.aggregate, scratch));
  }
  return s;
}

ReviewSummaries::ReviewSummaries(const Rules& rules, const std::vector<Application>& applications)
    : rules_(rules), applications_(applications), out_(applications.size()), done_(applications.size(), false) {
  index_.reserve(applications.size());
  for (const auto& a : applications) index_.emplace(a.id, static_cast<std::uint32_t>(index_.size()));
}

void ReviewSummaries::add(std::string_view application, bool excluded, std::span<const Rational> scores) {
  // The open group's application again (most rows): no lookup.
  if (current_ < 0 || applications_[static_cast<std::size_t>(current_)].id != application) {
    const std::uint32_t* g = index_.find(application);
    if (!g) return;
    close_group();
    if (done_[*g])
      throw std::invalid_argument(fmt::format("reviews of {} are not grouped by application", application));
    current_ = *g;
  }
  if (excluded) return;
  if (scores.size() != rules_.criteria.size())
    throw std::invalid_argument(fmt::format("a review of {} has {} scores for {} criteria", application, scores.size(),
                                            rules_.criteria.size()));
  ++count_;
  rows_.insert(rows_.end(), scores.begin(), scores.end());
}

void ReviewSummaries::close_group() {
  if (current_ < 0) return;
  auto g = static_cast<std::size_t>(current_);
  done_[g] = true;
  current_ = -1;
  if (!error_) {
    try {
      out_[g] = summarise_reviews(rules_, count_, rows_, scratch_);
    } catch (const std::exception&) {
      error_ = std::current_exception();
    }
  }
  rows_.clear();
  count_ = 0;
}

std::vector<ReviewSummary> ReviewSummaries::finish() {
  close_group();
  if (error_) std::rethrow_exception(error_);
  return std::move(out_);
}

}  // namespace competition
