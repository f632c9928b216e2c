#include "base/token_list.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace competition;
using Strings = std::vector<std::string>;

TEST_CASE("token list: tokens joined with | as the store keeps them") {
  TokenList l;
  CHECK(l.empty());
  CHECK(l.size() == 0);
  CHECK(l.begin() == l.end());
  CHECK(l == Strings{});
  l.push_back("spread:");
  l.append_to_last("relevance");
  l.push_back("spread:impact");
  CHECK(l.joined() == "spread:relevance|spread:impact");
  CHECK(l.size() == 2);
  CHECK(l.front() == "spread:relevance");
  CHECK(l[1] == "spread:impact");
  CHECK(l == Strings{"spread:relevance", "spread:impact"});
  CHECK_FALSE(l == Strings{"spread:relevance"});
  CHECK_FALSE(l == Strings{"spread:relevance", "spread:impact", "x"});
  CHECK(l.to_vector() == Strings{"spread:relevance", "spread:impact"});
  l.clear();
  CHECK(l.empty());
}

TEST_CASE("token list: read from the stored form as split on | reads it") {
  CHECK(TokenList::from_joined("") == Strings{});
  CHECK(TokenList::from_joined("no_lot") == Strings{"no_lot"});
  CHECK(TokenList::from_joined("no_lot").size() == 1);
  // A stored text that was edited by hand keeps its empty pieces, as split('|') did.
  CHECK(TokenList::from_joined("a||b") == Strings{"a", "", "b"});
  CHECK(TokenList::from_joined("a|") == Strings{"a", ""});
  CHECK(TokenList::from_joined("|") == Strings{"", ""});
  CHECK(TokenList::from_joined("a|b") == TokenList{"a", "b"});
}
