// A read transaction held for the life of a scope: every table a command reads
// comes from one snapshot, so a concurrent write cannot show up half. Nothing
// is written; the transaction is rolled back at the end.
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
