// SQLite's foreign-key checks switched off for a bulk write. They cost a
// parent lookup per row and key (a third of the time of a national import of
// reviews), and where this is used they check nothing the program has not,
// in one write transaction (BEGIN IMMEDIATE: no other writer):
// - the two bulk imports: the round is resolved, every application's
//   organisation is found or created, and every review's application and
//   reviewer are looked up;
// - `score` and `allocate`: every score or line stored is of an application
//   read in the transaction.
// So they are off for those writes and back on after, whatever happens (the
// pragma only takes effect outside a transaction: construct this before the
// Transaction).
#pragma once
#include "store/store.hpp"

namespace competition {

class BulkForeignKeys {
 public:
  // Switches the checks off when `bulk`; otherwise does nothing.
  BulkForeignKeys(Store& store, bool bulk);
  ~BulkForeignKeys();
  BulkForeignKeys(const BulkForeignKeys&) = delete;
  BulkForeignKeys& operator=(const BulkForeignKeys&) = delete;

 private:
  Store& store_;
  bool off_;
};

}  // namespace competition
