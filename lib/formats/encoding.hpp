// Input encodings of docs/formats.md "CSV inputs": UTF-8 (BOM allowed) or
// Windows-1251 (what Excel in a Ukrainian locale writes). Everything after
// decode_input works on UTF-8 text only.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace competition {

// docs/cli.md "import" (`import --encoding auto|utf-8|cp1251`).
enum class Encoding { auto_detect, utf8, cp1251 };

// "auto", "utf-8", "cp1251"; nullopt for anything else.
std::optional<Encoding> parse_encoding(std::string_view s);
// The option spelling: "auto", "utf-8", "cp1251".
std::string_view to_string(Encoding e);

struct Decoded {
  std::string text;  // UTF-8, without BOM
  Encoding used;     // utf8 or cp1251, never auto_detect
};

// Decodes a whole input file to UTF-8.
// - auto: a UTF-8 BOM is stripped; bytes that are valid UTF-8 are UTF-8; a
//   file where at least 90 % of the bytes >= 0x80 are in valid UTF-8 sequences
//   is UTF-8 with errors (each invalid byte located); else the file is
//   Windows-1251. A file that starts with a BOM is UTF-8 for sure, so invalid
//   bytes after a BOM are errors, not a reason to switch to cp1251.
// - utf8: BOM stripped; an invalid byte is an error.
// - cp1251: every byte is converted; 0x98 (undefined in the code page) is an error.
// A NUL byte is an error in every mode, and so is a UTF-16 or UTF-32 byte
// order mark at the start (the message asks to save the file as UTF-8).
// Throws Error(ErrorKind::invalid, ...) with one Diagnostic per offending physical
// line (the first problem on that line), up to max_reported_errors. Diagnostic
// line is the 1-based physical line (CRLF, LF or lone CR end a line); column is
// the 1-based CHARACTER column of the bad byte on that line (characters, not
// fields: the decoder does not know the CSV structure); `file` is as given.
Decoded decode_input(std::string_view bytes, Encoding requested, std::string_view file);

// decode_input without copying a file that is UTF-8 already (the usual case,
// and at national scale a copy the size of the file): text() views `bytes`
// (after a BOM), which must outlive the result, or holds the conversion from
// Windows-1251. Same detection, checks and errors as decode_input.
struct DecodedView {
  std::string converted;  // Windows-1251 input only
  std::string_view view;  // UTF-8 input: a view of the bytes
  Encoding used;          // utf8 or cp1251, never auto_detect
  std::string_view text() const { return used == Encoding::cp1251 ? std::string_view(converted) : view; }
};
DecodedView decode_input_view(std::string_view bytes, Encoding requested, std::string_view file);

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view s);

// UTF-8 -> Windows-1251, for tests and Excel-style output. Throws
// Error(ErrorKind::invalid, ...) for invalid UTF-8 or a character the code page
// cannot hold (the message names it as U+XXXX).
std::string to_cp1251(std::string_view utf8);

}  // namespace competition
