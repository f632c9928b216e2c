// Handing freed memory back to the system between the phases of a command
// over a national round.
#pragma once

namespace competition {

// Returns the pages that freed memory left wholly unused to the system
// (glibc's malloc_trim): after a phase that freed millions of small pieces,
// so that the next phase's big allocations do not sit on top of them.
void release_free_memory();

}  // namespace competition
