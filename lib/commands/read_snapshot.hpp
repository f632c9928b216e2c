// A read-only command's one snapshot of the database (a deferred transaction
// rolled back at the end): every table read from the same state, so a
// concurrent write cannot show up half; nothing is written, and a read-only
// database file works.
#pragma once
#include "store/store.hpp"

namespace competition {

class ReadSnapshot {
 public:
  explicit ReadSnapshot(Store& store) : store_(store) { store_.db().exec("BEGIN"); }
  ~ReadSnapshot() {
    try {
      store_.db().exec("ROLLBACK");
    } catch (...) {
    }
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Store& store_;
};

}  // namespace competition
