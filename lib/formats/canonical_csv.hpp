// The canonical CSV of the inputs (docs/bundle.md): what the decision
// record hashes and what the bundle ships. UTF-8 without BOM, `,`, LF, the
// columns of docs/formats.md in its order (criteria in rules order, no `x_`
// columns), quoting only when needed, text verbatim, money as `12500.00`, an
// absent optional value empty, rows sorted by id (reviews by application, then
// reviewer). The row order of the imported files therefore does not matter.
#pragma once
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "formats/csv_writer.hpp"
#include "values/agreement.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

// Where streamed canonical CSV goes, a piece at a time (a hash, a file).
using CsvSink = std::function<void(std::string_view)>;

// docs/formats.md "applications.csv". `services` only when some application has them,
// `votes` only for rounds ranked by votes; a final
// `input_order` column when the rules use the input_order key.
std::string canonical_applications_csv(const Rules& rules, const std::vector<Application>& applications);
// The same bytes given to `sink` in pieces.
void write_canonical_applications_csv(const Rules& rules, const std::vector<Application>& applications,
                                      const CsvSink& sink);
// canonical_applications_csv row by row for rows that come sorted by id (as
// Store::applications reads them), given to `sink` in pieces: what the
// decision record hashes, taken as the rows are read.
class CanonicalApplicationsWriter {
 public:
  // Writes the header; `services`: the round has services (docs/formats.md "CSV inputs").
  CanonicalApplicationsWriter(const Rules& rules, bool services, CsvSink sink);
  void row(const Application& a);
  void finish();  // the rows not yet given to the sink

 private:
  bool votes_, input_order_, services_;
  CsvSink sink_;
  std::optional<CsvWriter> out_;  // emplaced anew after each piece
  std::size_t rows_ = 0;
};

// docs/formats.md "reviewers.csv"; conflicts joined with `|`.
std::string canonical_reviewers_csv(const std::vector<Reviewer>& reviewers);
// docs/formats.md "reviews.csv": application, reviewer, one column per criterion, comment.
// Scores are exact decimals (`8.5`, `7`). Reviews stored as excluded for a
// conflict of interest are kept: the conflict follows from reviewers.csv.
std::string canonical_reviews_csv(const Rules& rules, const std::vector<Review>& reviews);
// The same bytes given to `sink` in pieces.
void write_canonical_reviews_csv(const Rules& rules, const std::vector<Review>& reviews, const CsvSink& sink);

// canonical_reviews_csv row by row for rows that come in its order (by
// application, then reviewer, as Store::each_review reads them), given to
// `sink` in pieces: a national round's reviews are never held whole.
class CanonicalReviewsWriter {
 public:
  CanonicalReviewsWriter(const Rules& rules, CsvSink sink);  // writes the header
  void row(std::string_view application, std::string_view reviewer, std::span<const Rational> scores,
           std::string_view comment);
  void finish();  // the rows not yet given to the sink

 private:
  const Rules& rules_;
  CsvSink sink_;
  std::optional<CsvWriter> out_;  // emplaced anew after each piece
  std::size_t rows_ = 0;
};
// docs/formats.md "outcomes.csv", sorted by application.
// A `received_on` column after `attracted` only when some outcome has one.
std::string canonical_outcomes_csv(const std::vector<Outcome>& outcomes);
// docs/formats.md "agreements.csv": application, number, signed_on, amount,
// report_due; by application.
std::string canonical_agreements_csv(const std::vector<Agreement>& agreements);
// docs/formats.md "payments.csv": application, reference, paid_on, amount,
// kind; by application, then reference.
std::string canonical_payments_csv(const std::vector<Payment>& payments);

}  // namespace competition
