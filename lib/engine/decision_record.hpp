// The decision record of docs/bundle.md (`export bundle`): one JSON object that pins an
// allocation to its rules, its inputs and the commission decisions applied, and
// the fingerprint over it (`sha256:` + SHA-256 of its RFC 8785 canonical JSON).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/sha256.hpp"
#include "engine/allocation.hpp"
#include "formats/canonical_csv.hpp"
#include "values/earlier_winner.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

// docs/cli.md "allocate" JSON: `lots`, each {id, budget, awarded}, in rules order.
[[nodiscard]] nlohmann::ordered_json lots_json(const Decision& d);
// docs/cli.md "allocate" JSON: `applications`, each {id, rank, status, award, lot}
// plus `reasons` only when there are any (never for funded and partial).
[[nodiscard]] nlohmann::ordered_json applications_json(const Decision& d);

// docs/bundle.md "The decision record": `inputs`, file name → SHA-256 (hex) of the canonical CSV of
// applications.csv, reviewers.csv and reviews.csv (canonical_csv.hpp).
[[nodiscard]] nlohmann::ordered_json input_hashes(const Rules& rules, const std::vector<Application>& applications,
                                                  const std::vector<Reviewer>& reviewers,
                                                  const std::vector<Review>& reviews);
// The same with the hashes of applications.csv and reviews.csv already
// computed (ApplicationsHash and ReviewsHash, as the rows stream from the store).
[[nodiscard]] nlohmann::ordered_json input_hashes_with(const std::string& applications_sha256,
                                                       const std::vector<Reviewer>& reviewers,
                                                       const std::string& reviews_sha256);

// `inputs` with history.json's SHA-256 (formats/history_json.hpp) when the
// round's checks read earlier rounds (year.md §5: `facts` given), else as it is.
[[nodiscard]] nlohmann::ordered_json with_history(nlohmann::ordered_json inputs,
                                                  const std::optional<CheckFacts>& facts);

// The SHA-256 (hex) of canonical applications.csv, fed the applications in
// its order (by id, as Store::applications reads them) one at a time.
class ApplicationsHash {
 public:
  // `services`: some application of the round names services (docs/formats.md "CSV inputs").
  ApplicationsHash(const Rules& rules, bool services);
  void add(const Application& a) { csv_.row(a); }
  std::string hex();  // once, after the last row

 private:
  Sha256 sha_;
  CanonicalApplicationsWriter csv_;
};
// The same over a whole round (any order).
[[nodiscard]] std::string applications_sha256(const Rules& rules, const std::vector<Application>& applications);
// The SHA-256 (hex) of canonical reviews.csv over a whole round (any order), hashed as written.
[[nodiscard]] std::string reviews_sha256(const Rules& rules, const std::vector<Review>& reviews);

// The SHA-256 (hex) of canonical reviews.csv, fed the reviews in its order
// (Store::each_review's) one at a time.
class ReviewsHash {
 public:
  explicit ReviewsHash(const Rules& rules);
  void add(std::string_view application, std::string_view reviewer, std::span<const Rational> scores,
           std::string_view comment) {
    csv_.row(application, reviewer, scores, comment);
  }
  std::string hex();  // once, after the last row

 private:
  Sha256 sha_;
  CanonicalReviewsWriter csv_;
};

// docs/bundle.md "The decision record": round, rules_sha256, inputs, decisions (the
// commission decisions applied, in log order; a JSON array), budget, awarded,
// leftover, lots and applications. Without `fingerprint`. As a JSON tree, for
// `audit` to compare member by member; made from canonical_decision_record.
[[nodiscard]] nlohmann::ordered_json decision_record(const std::string& round, const std::string& rules_sha256,
                                                     const nlohmann::ordered_json& inputs,
                                                     const nlohmann::ordered_json& decisions, const Decision& d);

// The same record as RFC 8785 canonical text, written directly: a national
// record has a line per application (100 MB at a million), too big to build
// as a JSON tree first. `canonical` carries the `fingerprint` member, which
// sorts between `decisions` and `inputs`; `fingerprint` is over the record
// without it (fingerprint_of of the tree gives the same).
struct SignedRecord {
  std::string canonical;
  std::string fingerprint;  // `sha256:` + 64 hex digits
};
[[nodiscard]] SignedRecord signed_decision_record(const std::string& round, const std::string& rules_sha256,
                                                  const nlohmann::ordered_json& inputs,
                                                  const nlohmann::ordered_json& decisions, const Decision& d);

// `sha256:` + hex SHA-256 of canonical_json(record) with any `fingerprint` member left out.
[[nodiscard]] std::string fingerprint_of(const nlohmann::ordered_json& record);

// The record with its `fingerprint` member set.
[[nodiscard]] nlohmann::ordered_json with_fingerprint(nlohmann::ordered_json record);

}  // namespace competition
