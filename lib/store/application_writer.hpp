// The applications table written by `import applications` (docs/cli.md "import"):
// each valid row, as it is read, compared with the stored row of its id
// (values/upsert.hpp), counted, and inserted or updated.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "formats/diagnostic_sink.hpp"
#include "store/bulk_statement.hpp"
#include "store/organisations.hpp"
#include "store/store.hpp"
#include "values/import_summary.hpp"
#include "values/model.hpp"
#include "values/round.hpp"

namespace competition {

// A fresh round (no applications yet: every first import of a national round)
// has nothing to compare, so it skips the lookups and writes its rows and new
// organisations in the background while the next rows are read and checked.
// Must live inside the caller's write transaction.
class ApplicationWriter {
 public:
  ApplicationWriter(Store& store, const RoundRecord& round, bool replace);

  // Applies the application of file line `line`: counted in `s`; a stored one
  // with other values without --replace is a conflict reported to `conflicts`.
  void apply(const Application& a, int line, ImportSummary& s, DiagnosticSink& conflicts);

  // Writes the rows still waiting for a full batch.
  void finish();

 private:
  // nullopt when the round has no application `a.id`, else the fields that differ.
  std::optional<std::string> changes(const Application& a);
  // Inserts `a` (at the next input_order) or, when `update`, updates its stored row.
  void write(const Application& a, bool update);
  // The columns round_id … votes, in the order of both statements (the
  // INSERT adds input_order after them).
  template <class Row>
  void values(Row& row, const Application& a, std::int64_t org);

  const RoundRecord& round_;
  bool replace_;
  BackgroundWriter background_;  // before the writers that share it: it outlives them
  OrganisationResolver organisations_;
  BulkStatement find_;
  BatchInsert ins_;
  BulkStatement upd_;
  bool fresh_ = true;
  std::int64_t next_order_ = 0;
  std::string submitted_key_;  // values()'s text of it, alive until the row is written
  std::string services_;       // the services cell, joined (bound without a copy)
};

}  // namespace competition
