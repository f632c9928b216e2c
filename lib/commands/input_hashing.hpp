// The SHA-256 of a round's canonical applications.csv and reviews.csv
// (engine/decision_record.hpp) computed on a second thread (base/row_pipe.hpp)
// from the rows handed over as the store is read: at national scale writing
// the canonical rows is a tenth of `score`, and the other core is idle then.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "base/row_pipe.hpp"
#include "engine/decision_record.hpp"
#include "store/store.hpp"

namespace competition {

// Fed the applications in Store::applications' order, as ApplicationsHash.
class ApplicationsHashing {
 public:
  ApplicationsHashing(const Rules& rules, bool services);
  void add(const Application& a) { pipe_.next() = a; }
  std::string hex();  // once, after the last row

 private:
  ApplicationsHash hash_;
  RowPipe<Application> pipe_;  // after hash_, which its thread feeds
};

// Fed the reviews in Store::each_review's order, as ReviewsHash. `also`, when
// given, is shown every row on the second thread too, after it is hashed: work
// over the reviews that needs no answer before the last row (`score`'s
// summaries and conflicts) done while this thread reads the store.
class ReviewsHashing {
 public:
  explicit ReviewsHashing(const Rules& rules, std::function<void(const ReviewRow&)> also = {});
  void add(const ReviewRow& row);
  // Once, after the last row: waits for the second thread, and raises what
  // `also` raised (the rows after it were not shown to it).
  std::string hex();

 private:
  struct Copy {
    std::string application, reviewer, comment;
    std::vector<Rational> scores;
    bool excluded = false;
  };
  std::function<void(const ReviewRow&)> also_;
  ReviewsHash hash_;
  RowPipe<Copy> pipe_;  // after hash_, which its thread feeds
};

// The round's applications as Store::applications reads them, with the hash
// of their canonical CSV (not computed, and left empty, unless `hashed`);
// their titles are dropped once hashed unless `keep_titles` (a national
// round's are 100 MB).
struct HashedApplications {
  std::vector<Application> applications;
  std::string sha256;  // hex
};
[[nodiscard]] HashedApplications read_hashed_applications(Store& store, const std::string& round, const Rules& rules,
                                                          bool keep_titles, bool hashed = true);

}  // namespace competition
