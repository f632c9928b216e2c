#include "store/bulk_foreign_keys.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace competition {

BulkForeignKeys::BulkForeignKeys(Store& store, bool bulk) : store_(store), off_(bulk) {
  if (off_) store_.db().exec("PRAGMA foreign_keys = OFF");
}

BulkForeignKeys::~BulkForeignKeys() {
  if (!off_) return;
  try {
    store_.db().exec("PRAGMA foreign_keys = ON");
  } catch (...) {
  }
}

}  // namespace competition
