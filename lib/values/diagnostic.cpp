#include "values/diagnostic.hpp"

#include <fmt/format.h>

#include "base/visible_text.hpp"

namespace competition {

std::string cell_reference(int row, int column) {
  std::string letters;
  for (int c = column; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return fmt::format("{}{}", letters, row);
}

std::string Diagnostic::location() const {
  std::string out = file;
  if (!sheet.empty()) {
    out += ":" + sheet + "!";
    out += column > 0 ? cell_reference(line, column) : fmt::format("{}:{}", line, line);
  } else if (line > 0) {
    out += fmt::format(":{}", line);
    if (column > 0) out += fmt::format(":{}", column);
  }
  return out;
}

std::string Diagnostic::to_string(Lang lang) const {
  std::string out = location() + ": ";
  if (!field.empty()) out += field + ": ";
  out += message[lang];
  return out;
}

// what() is a C string and would end at a NUL byte: a message holding one is
// made visible (`\x00`, base/visible_text.hpp) here; every other control
// character is escaped where the message is shown.
static std::string whole(const std::string& message) {
  if (message.find('\0') != std::string::npos) return visible(message);
  return message;
}

static Message join_messages(const std::vector<Diagnostic>& diagnostics) {
  Message out;
  for (const auto& d : diagnostics) {
    if (!out.empty()) out += Message("\n");
    out += Message(d.to_string(Lang::uk), d.to_string(Lang::en));
  }
  return out;
}

Error::Error(ErrorKind kind, Message message)
    : std::runtime_error(whole(message.en)), kind_(kind), message_(std::move(message)) {}

Error::Error(ErrorKind kind, Message message, Remedy remedy, int decision)
    : std::runtime_error(whole(message.en)),
      kind_(kind),
      message_(std::move(message)),
      remedy_(remedy),
      decision_(decision) {}

Error::Error(ErrorKind kind, DecisionSubject subject, Message message, Remedy remedy)
    : std::runtime_error(whole(message.en)),
      kind_(kind),
      message_(std::move(message)),
      remedy_(remedy),
      subject_(subject) {}

Error::Error(ErrorKind kind, std::vector<Diagnostic> diagnostics) : Error(kind, join_messages(diagnostics)) {
  diagnostics_ = std::move(diagnostics);
}

ErrorKind worst_kind(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.kind == ErrorKind::invalid) return ErrorKind::invalid;
  return ErrorKind::conflict;
}

}  // namespace competition
