// The title key of year.md §5 `double_funding` (docs/rules.md "checks"): two
// project titles are the same project when their keys are equal.
#pragma once
#include <string>
#include <string_view>

namespace competition {

// The title in Unicode NFC, every punctuation and symbol character (general
// category P* or S*) and the modifier apostrophe `ʼ` (U+02BC) turned into a
// space, case folded (full folding), runs of spaces collapsed to one and the
// ends trimmed: `«Теплі обіди» — 2017` and `теплі обіди 2017` give the same
// key. Invalid UTF-8 throws Error(invalid).
[[nodiscard]] std::string title_key(std::string_view title);

}  // namespace competition
