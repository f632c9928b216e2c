// docs/report.md "By category": the main report's indicators per category
// (priority area) of each year with rounds, computed by the one indicators
// engine over each category's applications, so that the definitions cannot drift.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/indicators.hpp"

namespace competition {

struct CategoryRow {
  std::optional<std::string> category;  // none: the applications without a category
  std::string label;                    // the first lot listing it (its name), else the slug; `—` for none
  IndicatorValues values;               // new_partners and paid are not kept per category
};

struct CategoryYear {
  int year = 0;
  std::vector<CategoryRow> rows;  // by slug, the row without a category last
  IndicatorValues total;          // the main report's column of that year
  // No application of the year has a category: one row `—`.
  [[nodiscard]] bool without_categories() const;
};

struct CategoryTable : RoundYearsSpan {
  std::vector<CategoryYear> years;  // the years with rounds, ascending
};

// docs/report.md "By category": the years asked as for the main report (the
// same errors); a row per category with applications in each year with rounds.
[[nodiscard]] CategoryTable build_category_table(const ReportInput& input, const ReportYears& asked = {});

}  // namespace competition
