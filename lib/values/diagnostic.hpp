// Errors as data: a located diagnostic, and the exception that carries a list of
// them together with the kind of failure (which only cli/ turns into an exit
// code), the remedy and the request it is about (which render/remedy_words.cpp words).
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "values/decision_subject.hpp"
#include "values/lang.hpp"
#include "values/message.hpp"
#include "values/remedy.hpp"

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
  Message message;
  ErrorKind kind = ErrorKind::invalid;  // invalid or conflict
  // The worksheet of a workbook input: then line/column are its row and
  // column, shown as `file:SHEET!B7` (docs/formats.md "Workbooks (.xlsx)").
  std::string sheet{};

  // `applications.csv:17:6`, `applications.xlsx:Заявки!F7`: where, without the field and message.
  [[nodiscard]] std::string location() const;
  // The one-line form of docs/cli.md "Error messages": `applications.csv:17:6: requested: "x" is not ...`,
  // the message in `lang`.
  [[nodiscard]] std::string to_string(Lang lang) const;
};

// `B7`: the A1-style name of a worksheet cell (row and column 1-based).
[[nodiscard]] std::string cell_reference(int row, int column);

// Thrown by the library when a command cannot go on; carries every diagnostic
// found (up to the reporting limit) and the kind of failure. what() says what
// is wrong; the remedy, and the request a refusal is worded relative to, are
// data that render/remedy_words.cpp words around it.
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, Message message);
  // `decision`: the decision number Remedy::undo_decision names.
  Error(ErrorKind kind, Message message, Remedy remedy, int decision = 0);
  // A refused commission decision request: `message` is worded relative to it.
  Error(ErrorKind kind, DecisionSubject subject, Message message, Remedy remedy = Remedy::none);
  Error(ErrorKind kind, std::vector<Diagnostic> diagnostics);
  [[nodiscard]] ErrorKind kind() const { return kind_; }
  // What is wrong, in every language (what() is its English).
  [[nodiscard]] const Message& message() const { return message_; }
  [[nodiscard]] Remedy remedy() const { return remedy_; }
  [[nodiscard]] int decision() const { return decision_; }
  [[nodiscard]] const std::optional<DecisionSubject>& subject() const { return subject_; }
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  ErrorKind kind_;
  Message message_;
  Remedy remedy_ = Remedy::none;
  int decision_ = 0;
  std::optional<DecisionSubject> subject_;
  std::vector<Diagnostic> diagnostics_;
};

// The kind of a non-empty list of diagnostics: invalid when any is invalid
// input, else conflict.
[[nodiscard]] ErrorKind worst_kind(const std::vector<Diagnostic>& diagnostics);

// Reporting limit of docs/cli.md: a run reports up to 100 errors of one input.
inline constexpr std::size_t max_reported_errors = 100;

}  // namespace competition
