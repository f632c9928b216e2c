// Errors as data: a located diagnostic, and the exception that carries a list of
// them together with the exit code of cli.md ("Exit codes").
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace competition {

// cli.md, "Exit codes".
enum class ExitCode : int { ok = 0, problems = 1, invalid = 2, conflict = 3, io = 4 };

// One finding about an input: `file:line:col: field: message`. line/column are 0
// when unknown; for the rules file `field` is the key (`criteria[2].weight`).
struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  std::string field;
  std::string message;
  ExitCode code = ExitCode::invalid;  // invalid (2) or conflict (3)

  // The one-line form of cli.md: `applications.csv:17:6: requested: "x" is not ...`.
  std::string to_string() const;
};

// Thrown by the library when a command cannot go on; carries every diagnostic
// found (up to the reporting limit) and the exit code the CLI maps it to.
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, std::string message);
  Error(ExitCode code, std::vector<Diagnostic> diagnostics);
  ExitCode code() const { return code_; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  ExitCode code_;
  std::vector<Diagnostic> diagnostics_;
};

// The exit code of a list of diagnostics: 2 when any is invalid input, else 3.
ExitCode exit_code_of(const std::vector<Diagnostic>& diagnostics);

// Reporting limit of cli.md: a run reports up to 100 errors of one input.
inline constexpr std::size_t max_reported_errors = 100;

}  // namespace competition
