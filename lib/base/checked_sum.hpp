// Sums of counts that must not wrap (docs/reliability.md "Numbers that do not
// fit"): signed overflow is undefined behaviour, and a wrapped total would be
// printed as a negative number of clients.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>

namespace competition {

// sum += v, or std::overflow_error naming `what` (and `sum` unchanged) when the
// result does not fit in 64 bits.
inline void add_checked(std::int64_t& sum, std::int64_t v, const char* what) {
  std::int64_t result = 0;
  if (__builtin_add_overflow(sum, v, &result)) throw std::overflow_error(std::string("the sum of ") + what);
  sum = result;
}

}  // namespace competition
