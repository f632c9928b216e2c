#include "base/memory.hpp"

#include <malloc.h>

namespace competition {

void release_free_memory() { malloc_trim(0); }

}  // namespace competition
