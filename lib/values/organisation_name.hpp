// Organisation identity across rounds and years (docs/formats.md
// "applications.csv"): by ЄДРПОУ when given, else by the name with case and
// spaces and quote marks normalised. The name key alone; the organisations table is store/organisations.hpp.
#pragma once
#include <string>
#include <string_view>

namespace competition {

// The quote marks «»„“”"' read as spaces, then lower-cased (ASCII and
// Cyrillic), runs of white space collapsed to one space, trimmed:
// `ГО «Теплі обіди»`, `го "Теплі  обіди"` and `ГО Теплі обіди` all give
// `го теплі обіди`.
std::string organisation_name_key(std::string_view name);

// The name key of a pabulib project's organisation (docs/pabulib.md): each
// project is its own organisation, keyed by round and project, `pabulib:ROUND/ID`,
// so that project "12" of one city is never merged with project "12" of another.
std::string pabulib_organisation_key(std::string_view round, std::string_view project);

}  // namespace competition
