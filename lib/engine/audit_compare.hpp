// The comparisons of `competition audit` and `audit bundle` (docs/cli.md "audit"):
// what was stored against what the library computes again from the inputs,
// field by field, as a list of differences. Pure functions; the field names are
// the machine tokens of the JSON output (docs/audit.md lists them all).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/allocation.hpp"
#include "engine/scoring.hpp"
#include "values/message.hpp"
#include "values/rational.hpp"
#include "values/rules.hpp"

namespace competition {

// One difference: `application` is none for a round-level field (`rules_sha256`,
// `inputs.reviews.csv`, `log_head`, …); `stored` or `computed` is none when that
// side has no value (an application missing on one side, an absent log head).
struct Difference {
  std::optional<std::string> application;
  std::string field;
  std::optional<std::string> stored;
  std::optional<std::string> computed;
  // Not a comparison but something that could not be read or does not belong
  // (a rules text that no longer parses, an extra file): `stored` says what, in
  // a sentence, and `computed` is none. The JSON shape is the same.
  bool problem = false;
  // A problem's sentence in every language (`stored` holds its English, for JSON).
  Message said{};
  bool operator==(const Difference&) const = default;
};

// Appends a difference when the two values differ.
void note_difference(std::vector<Difference>& out, const std::optional<std::string>& application,
                     const std::string& field, const std::optional<std::string>& stored,
                     const std::optional<std::string>& computed);

// An exact value as text: its decimal expansion when it has at most 4 places
// (`87.5`, `7`), else `num/den` (`263/3`), so that two different values never
// print alike.
[[nodiscard]] std::string exact_text(const Rational& value);

// The stored result of `score` against a fresh one (docs/rules.md §1–3), per
// application: `score.present`, `score.status`, `score.rank`, `score.total`,
// `score.criteria.<id>`, `score.reviews`, `score.flags`, `score.reasons`.
void compare_scores(const Rules& rules, const ScoreResult& stored, const ScoreResult& computed,
                    std::vector<Difference>& out);

// The `allocations` table against a fresh allocation (docs/rules.md §4), per
// application: `present`, `status`, `rank`, `award`, `lot`, `reasons`.
void compare_allocation(const std::vector<AllocationLine>& stored, const Decision& computed,
                        std::vector<Difference>& out);

// A stored decision record (a log entry's payload, or a bundle's decision.json)
// against the record rebuilt from the inputs (docs/bundle.md "The decision record"):
// `record.round`, `record.rules_sha256`, `inputs.<file>`, `record.decisions`,
// `record.budget`, `record.awarded`, `record.leftover`, `record.lots.<id>.budget`
// and `.awarded`, `record.lots.order`, per application `record.present`,
// `record.status`, `record.rank`, `record.award`, `record.lot`, `record.reasons`,
// `record.order`, unknown members `record.<key>`; `record.fingerprint` (the
// stored fingerprint against the one recomputed from the stored record itself)
// and `fingerprint` (the stored fingerprint against the rebuilt record's).
// `computed` must carry its fingerprint (with_fingerprint).
void compare_records(const nlohmann::ordered_json& stored, const nlohmann::ordered_json& computed,
                     std::vector<Difference>& out);

}  // namespace competition
