// The rules' criteria and lots as people read them (docs/formats.md `short`):
// names, not ids, head the columns of every human output, and the implicit lots
// `main` (the whole budget of rules without lots) and `pool` (the lots'
// remainders, docs/rules.md §4.4) have words. Ids stay in JSON and CSV.
#pragma once
#include <string>
#include <string_view>

#include "values/lang.hpp"
#include "values/rules.hpp"

namespace competition {

// The lot `id` in a table cell or column header: `short`, else the name; the
// implicit lots in words; an id the rules do not know as it is.
[[nodiscard]] std::string_view lot_heading(const Rules& rules, std::string_view id, Lang lang);
// The lot `id` in full (the lots table): the name; the implicit lots described.
[[nodiscard]] std::string_view lot_name(const Rules& rules, std::string_view id, Lang lang);

// A criterion in a legend under its column: the name, after the header when `short` differs
// (`Актуальність — Актуальність проблеми`).
[[nodiscard]] std::string criterion_legend(const Criterion& c);

}  // namespace competition
