// Organisation identity across rounds and years (docs/formats.md
// "applications.csv"): by ЄДРПОУ when given, else by the name with case and
// spaces normalised. The name key alone; the organisations table is store/organisations.hpp.
#pragma once
#include <string>
#include <string_view>

namespace competition {

// Lower-cased (ASCII and Cyrillic), runs of white space collapsed to one space,
// trimmed: `ГО  «Креавіта» ` and `го «креавіта»` give the same key.
std::string organisation_name_key(std::string_view name);

}  // namespace competition
