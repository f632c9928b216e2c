// Turns an unexpected exception from anywhere in the library into the Error the
// CLI reports: a busy database, a full disk, an arithmetic overflow or a broken
// invariant are all exit 4 with a message a person can act on.
#pragma once
#include <exception>

#include "values/diagnostic.hpp"

namespace competition {

[[nodiscard]] Error as_error(const std::exception& e);

}  // namespace competition
