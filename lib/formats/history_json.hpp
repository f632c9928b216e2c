// history.json of a bundle (docs/bundle.md): the facts year.md §5's checks
// used, as canonical JSON.
#pragma once
#include <string>
#include <string_view>

#include "values/earlier_winner.hpp"

namespace competition {

// {"winners": [{"application", "organisation", "report", "round", "title_key"}, …]}
// in CheckFacts order, RFC 8785 canonical, and a line end.
[[nodiscard]] std::string history_json(const CheckFacts& facts);

// history.json read back; Error(invalid) naming `file` and what is wrong.
[[nodiscard]] CheckFacts parse_history_json(std::string_view text, std::string_view file);

}  // namespace competition
