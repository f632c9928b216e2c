// The output of `competition assign` (docs/cli.md "assign"): per reviewer (zero
// loads included) its load and applications, per application its reviewers.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "engine/assignment.hpp"
#include "formats/csv_writer.hpp"
#include "values/lang.hpp"

namespace competition {

[[nodiscard]] std::string render_assignment_text(const RoundAssignment& a, Lang lang);
[[nodiscard]] std::string render_assignment_md(const RoundAssignment& a, Lang lang);
// `application,reviewer` rows.
[[nodiscard]] std::string render_assignment_csv(const RoundAssignment& a, const CsvStyle& style);
[[nodiscard]] std::string render_assignment_json(const RoundAssignment& a);

}  // namespace competition
