// The canonical CSV of the inputs (cli.md `export bundle`): what the decision
// record hashes and what the bundle ships. UTF-8 without BOM, `,`, LF, the
// columns of formats.md in its order (criteria in rules order, no `x_`
// columns), quoting only when needed, text verbatim, money as `12500.00`, an
// absent optional value empty, rows sorted by id (reviews by application, then
// reviewer). The row order of the imported files therefore does not matter.
#pragma once
#include <string>
#include <vector>

#include "model.hpp"
#include "rules.hpp"

namespace competition {

// formats.md applications.csv. `votes` only for rounds ranked by votes; a final
// `input_order` column when the rules use the input_order key.
std::string canonical_applications_csv(const Rules& rules, const std::vector<Application>& applications);
// formats.md reviewers.csv; conflicts joined with `|`.
std::string canonical_reviewers_csv(const std::vector<Reviewer>& reviewers);
// formats.md reviews.csv: application, reviewer, one column per criterion, comment.
// Scores are exact decimals (`8.5`, `7`). Reviews stored as excluded for a
// conflict of interest are kept: the conflict follows from reviewers.csv.
std::string canonical_reviews_csv(const Rules& rules, const std::vector<Review>& reviews);
// formats.md outcomes.csv, sorted by application.
std::string canonical_outcomes_csv(const std::vector<Outcome>& outcomes);

}  // namespace competition
