// The organisations table: finding and creating an applicant's organisation by
// its ЄДРПОУ or its name key (values/organisation_name.hpp).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "values/conflicts.hpp"
#include "values/model.hpp"

namespace SQLite {
class Database;
}

namespace competition {

class BackgroundWriter;

// An application of a round with its organisations row as stored: what
// `audit` checks the row's derived `name_key` on (docs/audit.md).
struct StoredOrganisation {
  std::string application;
  std::string name;
  std::string name_key;
};

// Every application of `round` (by id) with its organisation's name and name key.
[[nodiscard]] std::vector<StoredOrganisation> organisations_of_round(SQLite::Database& db, const std::string& round);

// The organisations row for an applicant: by code when given (a name-only row
// with the same name takes the code), else a coded organisation with that name,
// else a name-only one; created when none exists. Must run inside a transaction.
[[nodiscard]] std::int64_t resolve_organisation(SQLite::Database& db, std::string_view name, std::string_view edrpou);

// The organisation a conflict entry of reviewers.csv names (a code or a name),
// or -1 when it names no known organisation. Reads only.
[[nodiscard]] std::int64_t find_organisation(SQLite::Database& db, std::string_view code_or_name);

// The organisations row of an application as Store::applications read it (its
// `organisation_key` is "org:<row id>"); std::logic_error once use_round_keys
// has given it the round's key instead.
[[nodiscard]] std::int64_t stored_organisation_id(const Application& application);

// The conflict entries of `reviewers` that find_organisation finds nothing
// for, reviewer by reviewer in their order, entries in theirs.
[[nodiscard]] std::vector<UnknownConflict> unknown_conflicts(SQLite::Database& db,
                                                             const std::vector<Reviewer>& reviewers);

// resolve_organisation for a whole file in one transaction: the statements are
// prepared once and every answer is remembered (by code, and by name for rows
// without a code), so a national round costs one query per new organisation,
// not 1-3 per row. Gives exactly the answers resolve_organisation would give
// row by row: it is the only writer of `organisations` while it lives (the
// caller holds the write transaction) and forgets what its own writes change.
class OrganisationResolver {
 public:
  explicit OrganisationResolver(SQLite::Database& db);
  ~OrganisationResolver();
  OrganisationResolver(const OrganisationResolver&) = delete;
  OrganisationResolver& operator=(const OrganisationResolver&) = delete;
  std::int64_t resolve(std::string_view name, std::string_view edrpou);
  // Writes the organisations created so far; call before the transaction
  // commits (they are written in batches, and never on destruction).
  void flush();
  // New organisations' batches written by `writer` (bulk_statement.hpp); every
  // query of resolve() first waits for it.
  void write_in_background(BackgroundWriter& writer);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace competition
