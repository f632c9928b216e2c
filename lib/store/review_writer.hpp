// The reviews table written by `import reviews` (docs/cli.md "import"): each valid
// row, as it is read, compared with the stored review of its pair
// (values/upsert.hpp), counted, and inserted or replaced.
#pragma once
#include <optional>
#include <string>

#include "formats/diagnostic_sink.hpp"
#include "store/bulk_statement.hpp"
#include "store/store.hpp"
#include "values/import_summary.hpp"
#include "values/model.hpp"

namespace competition {

// A round with no reviews yet (a fresh round: nothing to compare) asks SQLite
// nothing per row: its batches are written in the background while the next
// rows are read and checked. Must live inside the caller's write transaction.
class ReviewWriter {
 public:
  ReviewWriter(Store& store, const std::string& round, bool replace);

  // Applies the review of file line `line`, `scores` being its stored form
  // (reviews_csv.hpp): counted in `s`; a stored one with other values without
  // --replace is a conflict reported to `conflicts`.
  void apply(const Review& rv, const std::string& scores, int line, ImportSummary& s, DiagnosticSink& conflicts);

  // Whether the round holds the pair's review as excluded (a conflict of interest).
  bool stored_excluded(const Review& rv);

  // Writes the rows still waiting for a full batch.
  void finish() { put_.flush(); }

  // Whether the round had no reviews when this writer was made.
  bool fresh() const { return fresh_; }

 private:
  // nullopt when the round has no review of the pair, else the fields that differ.
  std::optional<std::string> changes(const Review& rv, const std::string& scores);
  // The columns of both statements, in order.
  template <class Row>
  void values(Row& row, const Review& rv, const std::string& scores) {
    row.text(round_).text(rv.application).text(rv.reviewer).text(scores).text(rv.comment);
    row.integer(rv.excluded ? 1 : 0);
  }

  const std::string& round_;
  bool replace_;
  bool fresh_ = true;
  BulkStatement find_;
  // New pairs go in batches; a changed stored one (--replace) is replaced on its own.
  BackgroundWriter background_;  // before `put_`: it outlives it
  BatchInsert put_;
  BulkStatement replace_row_;
};

}  // namespace competition
