// Migration 5 (schemas/005_canonical_forms.sql): the stored values rewritten
// to their canonical forms (docs/formats.md "Canonical forms"), with what
// `audit` needs to check a decision recorded before (docs/audit.md
// "Databases made by an earlier version").
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace competition {

// Runs inside the migration's transaction, after its SQL: records each
// allocated round's input hashes, rewrites submitted_at, edrpou and conflicts,
// recomputes the organisations' name keys and merges those the new name rule
// makes one, then records the hashes again.
void migrate_to_canonical_forms(Store& store);

// One input of a round allocated before migration 5 (table signed_inputs).
struct SignedInput {
  std::string file;  // applications.csv | reviewers.csv
  std::int64_t logged_through = 0;
  std::string signed_sha256, migrated_sha256;
};
[[nodiscard]] std::vector<SignedInput> signed_inputs(Store& store, const std::string& round);

// The organisations of the round's applications that migration 5 merged:
// `"<merged name>" is now "<kept name>"` each, in merged id order.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> merged_organisations(Store& store,
                                                                                    const std::string& round);

}  // namespace competition
