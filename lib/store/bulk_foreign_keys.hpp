// SQLite's foreign-key checks switched off for a bulk import. They cost a
// parent lookup per row and key (a third of the time of a national import of
// reviews), and for the two bulk kinds they check nothing the importer has
// not: the round is resolved, every application's organisation is found or
// created, and every review's application and reviewer are looked up, all in
// one write transaction (BEGIN IMMEDIATE: no other writer). So they are off
// for those files and back on after, whatever happens (the pragma only takes
// effect outside a transaction: construct this before the Transaction).
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
