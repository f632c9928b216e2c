// The warning for a reviewer's conflict that names no organisation known to
// the database (docs/formats.md "reviewers.csv"), printed by `import
// reviewers` and `score` on standard error.
#pragma once
#include <string>

#include "values/conflicts.hpp"
#include "values/lang.hpp"

namespace competition {

// `попередження: експерт R-03: конфлікт «ГО Х» не називає жодної відомої
// організації (…)`; English with Lang::en.
[[nodiscard]] std::string unknown_conflict_warning(const UnknownConflict& c, Lang lang);

}  // namespace competition
