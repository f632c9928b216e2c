// Errors as data: a located diagnostic, and the exception that carries a list of
// them together with the kind of failure (which only cli/ turns into an exit code).
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace competition {

// What kind of failure stopped a command: the input is invalid, the input
// conflicts with the state of the records, or reading or writing failed.
// cli/exit_codes.hpp maps each kind to the exit code of docs/competition.1.
enum class ErrorKind { invalid, conflict, io };

// One finding about an input: `file:line:col: field: message`. line/column are 0
// when unknown; for the rules file `field` is the key (`criteria[2].weight`).
struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  std::string field;
  std::string message;
  ErrorKind kind = ErrorKind::invalid;  // invalid or conflict

  // The one-line form of cli.md: `applications.csv:17:6: requested: "x" is not ...`.
  std::string to_string() const;
};

// Thrown by the library when a command cannot go on; carries every diagnostic
// found (up to the reporting limit) and the kind of failure.
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message);
  Error(ErrorKind kind, std::vector<Diagnostic> diagnostics);
  [[nodiscard]] ErrorKind kind() const { return kind_; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  ErrorKind kind_;
  std::vector<Diagnostic> diagnostics_;
};

// The kind of a non-empty list of diagnostics: invalid when any is invalid
// input, else conflict.
[[nodiscard]] ErrorKind worst_kind(const std::vector<Diagnostic>& diagnostics);

// Reporting limit of cli.md: a run reports up to 100 errors of one input.
inline constexpr std::size_t max_reported_errors = 100;

}  // namespace competition
