// A doctest check shared by the scoring tests: two score results are the same,
// every field of every application in order.
#pragma once
#include <doctest/doctest.h>

#include "engine/scoring.hpp"

namespace competition::testing {

inline void check_same_scores(const ScoreResult& x, const ScoreResult& y) {
  REQUIRE(x.applications.size() == y.applications.size());
  for (std::size_t i = 0; i < x.applications.size(); ++i) {
    const ScoredApplication& a = x.applications[i];
    const ScoredApplication& b = y.applications[i];
    CAPTURE(a.id);
    CHECK(a.id == b.id);
    CHECK(a.status == b.status);
    CHECK(a.rank == b.rank);
    CHECK(a.total == b.total);
    CHECK(a.criteria == b.criteria);
    CHECK(a.reviews == b.reviews);
    CHECK(a.flags == b.flags);
    CHECK(a.reasons == b.reasons);
  }
}

}  // namespace competition::testing
