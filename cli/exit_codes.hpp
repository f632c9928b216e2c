// The exit codes of docs/competition.1 ("EXIT STATUS"): the one place where the
// library's kinds of failure become process exit codes.
#pragma once
#include "values/diagnostic.hpp"

namespace competition::cli {

enum class ExitCode : int { ok = 0, problems = 1, invalid = 2, conflict = 3, io = 4 };

// invalid input 2, a state conflict 3, reading or writing 4.
[[nodiscard]] constexpr int exit_code(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid:
      return static_cast<int>(ExitCode::invalid);
    case ErrorKind::conflict:
      return static_cast<int>(ExitCode::conflict);
    case ErrorKind::io:
      return static_cast<int>(ExitCode::io);
  }
  return static_cast<int>(ExitCode::io);
}

// 0 when a check found nothing, 1 when it found problems.
[[nodiscard]] constexpr int exit_code_of_findings(bool found) {
  return static_cast<int>(found ? ExitCode::problems : ExitCode::ok);
}

}  // namespace competition::cli
