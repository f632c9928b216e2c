// The decision log's kinds (values/log_kind.hpp): the stored names, and the
// commission's decision kinds among them.
#include <doctest/doctest.h>

#include "values/log_kind.hpp"

using namespace competition;

TEST_CASE("log kind: the stored names, both ways") {
  CHECK(to_string(LogKind::allocate) == "allocate");
  CHECK(to_string(LogKind::withdraw) == "withdraw");
  CHECK(to_string(LogKind::override_award) == "override");
  CHECK(to_string(LogKind::order) == "order");
  CHECK(to_string(LogKind::undo) == "undo");
  CHECK(parse_log_kind("allocate") == LogKind::allocate);
  CHECK(parse_log_kind("override") == LogKind::override_award);
  CHECK_FALSE(parse_log_kind("override_award").has_value());
  CHECK_FALSE(parse_log_kind("veto").has_value());
}

TEST_CASE("log kind: every kind but allocate is a commission decision") {
  CHECK_FALSE(decision_kind(LogKind::allocate).has_value());
  for (DecisionKind k :
       {DecisionKind::withdraw, DecisionKind::override_award, DecisionKind::order, DecisionKind::undo}) {
    CHECK(decision_kind(log_kind(k)) == k);
    CHECK(to_string(k) == to_string(log_kind(k)));
    CHECK(parse_decision_kind(to_string(k)) == k);
  }
  CHECK(to_string(DecisionKind::override_award) == "override");
  CHECK_FALSE(parse_decision_kind("allocate").has_value());
}
