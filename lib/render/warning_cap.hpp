// Warnings are capped like errors (docs/cli.md "import": a run reports up to
// 100): one input cell naming 100 000 unknown organisations must not put
// megabytes on standard error.
#pragma once
#include <cstddef>
#include <string>

#include "values/diagnostic.hpp"
#include "values/lang.hpp"

namespace competition {

inline constexpr std::size_t max_reported_warnings = max_reported_errors;

// `… і ще 5 попереджень` / `… and 5 more warnings`, with a newline.
[[nodiscard]] std::string more_warnings_line(std::size_t more, Lang lang);

// The first max_reported_warnings of `count` warning lines (`line(i)` makes
// line i, newline included), then more_warnings_line for the rest.
template <class LineOf>
[[nodiscard]] std::string capped_warnings(std::size_t count, LineOf line, Lang lang) {
  std::string out;
  for (std::size_t i = 0; i < count && i < max_reported_warnings; ++i) out += line(i);
  if (count > max_reported_warnings) out += more_warnings_line(count - max_reported_warnings, lang);
  return out;
}

}  // namespace competition
