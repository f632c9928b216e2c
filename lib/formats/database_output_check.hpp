// docs/reliability.md "Output paths": an output path that names the database
// or one of its companion files would destroy the round's records when the
// output is renamed over it, so it is refused before anything is written.
#pragma once
#include <string>

namespace competition {

// Error(invalid) when `output` is the database `db`, its `-wal`, `-shm` or
// `-journal` file, or any of them by another name (a symbolic link, a hard
// link, `./c.db`, `dir/../c.db`): compared by device and inode where both
// exist, else by the absolute path with symbolic links followed.
void refuse_database_output(const std::string& output, const std::string& db);

}  // namespace competition
