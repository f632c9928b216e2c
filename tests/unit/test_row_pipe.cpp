// base/row_pipe.hpp: rows consumed on a second thread, in order, all of them,
// and what the consumer raised comes back from finish().
#include "base/row_pipe.hpp"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

using namespace competition;

TEST_CASE("row pipe: every row reaches the consumer in the order filled, across batches") {
  for (std::size_t n :
       {std::size_t{0}, std::size_t{1}, std::size_t{3}, std::size_t{4}, std::size_t{5}, std::size_t{1000}}) {
    std::vector<std::string> got;  // written by the second thread, read after finish()
    RowPipe<std::string> pipe([&](const std::string& s) { got.push_back(s); }, 4);
    for (std::size_t i = 0; i < n; ++i) pipe.next() = "row " + std::to_string(i);
    pipe.finish();
    REQUIRE(got.size() == n);
    for (std::size_t i = 0; i < n; ++i) CHECK(got[i] == "row " + std::to_string(i));
  }
}

TEST_CASE("row pipe: a reused row keeps nothing of the one before it") {
  std::vector<std::vector<int>> got;
  RowPipe<std::vector<int>> pipe([&](const std::vector<int>& v) { got.push_back(v); }, 2);
  pipe.next() = {1, 2, 3};
  pipe.next() = {4};
  pipe.next() = {};  // the first slot again, after {1, 2, 3}
  pipe.next().assign({5, 6});
  pipe.finish();
  CHECK(got == std::vector<std::vector<int>>{{1, 2, 3}, {4}, {}, {5, 6}});
}

TEST_CASE("row pipe: the consumer's exception is raised by finish(); the rows after it are not consumed") {
  int consumed = 0;
  RowPipe<int> pipe(
      [&](const int& i) {
        if (i == 5) throw std::runtime_error("row 5 is bad");
        ++consumed;
      },
      3);
  for (int i = 0; i < 20; ++i) pipe.next() = i;
  CHECK_THROWS_WITH_AS(pipe.finish(), "row 5 is bad", std::runtime_error);
  CHECK(consumed == 5);
}

TEST_CASE("row pipe: dropped without finish() (an exception on the way), it stops its thread") {
  int consumed = 0;
  {
    RowPipe<int> pipe([&](const int&) { ++consumed; }, 2);
    for (int i = 0; i < 7; ++i) pipe.next() = i;
  }  // the destructor returns: nothing hangs
  CHECK(consumed <= 7);
}
