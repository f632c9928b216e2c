// RFC 4180 reader over decoded UTF-8 text (docs/formats.md "CSV inputs"). Pure
// syntax: field counts, column names and cell values are the importers' job.
//
// Rules: a field that starts with `"` is quoted; inside it `""` is a quote and
// delimiters, CR and LF are data (kept verbatim). CRLF, LF and a lone CR end a
// line. A line with no characters at all is skipped; a line with only
// delimiters (or only spaces) is a record. Unquoted fields are kept verbatim
// (no trimming). Lines are physical lines, the first line of the text is 1.
//
// Syntax errors throw Error(ErrorKind::invalid, {Diagnostic{file, line, column,
// "", message}}) with line = the line where the record starts and column = the
// 1-based field number (docs/cli.md). Messages:
//   stray quote in unquoted field (quote the whole field and double the inner quotes)
//   unexpected text after closing quote
//   unterminated quoted field (started on line N)
//   empty file (expected a header row)                      (line 1, column 0)
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include "values/message.hpp"

namespace competition {

// docs/cli.md "import" (`import --delimiter auto|,|;|tab`).
enum class Delimiter { auto_detect, comma, semicolon, tab };

// "auto", ",", ";", "tab"; a literal tab character or the two characters `\t`
// also mean tab. nullopt for anything else.
std::optional<Delimiter> parse_delimiter(std::string_view s);

struct CsvRecord {
  int line = 0;                     // physical line where the record starts
  std::vector<std::string> fields;  // unquoted, verbatim
  std::vector<int> field_lines;     // physical line where each field starts
  // A workbook's cells whose problem was reported as it was read (their field
  // is empty); one error per cell. Empty for CSV.
  std::vector<bool> reported;
};

struct CsvTable {
  char delimiter = ',';
  std::vector<std::string> header;  // verbatim; see normalize_header
  int header_line = 1;
  std::vector<CsvRecord> rows;
};

// Streaming reader: the constructor finds the header (the first line with
// something other than spaces, tabs and line ends; whitespace-only lines before
// it are skipped too), detects the delimiter and reads the header record; next()
// then yields the data records. `text` must outlive the reader.
//
// Delimiter auto-detection: the one of `,` `;` tab that occurs most often in the
// header outside quotes (ties: `,` before `;` before tab); none at all means a
// single-column file (delimiter `,`).
//
// The constructor throws on an empty or whitespace-only text and on a syntax
// error in the header. next() throws on a syntax error in a record; after that
// the reader has skipped to the end of the offending physical line, so the caller
// may call next() again to find further errors (docs/cli.md: report up to 100).
class CsvReader {
 public:
  CsvReader(std::string_view text, Delimiter d, std::string file);

  // Reads the next data record into `out`, reusing its vectors and strings.
  // Returns false at the end of the text.
  bool next(CsvRecord& out);

  char delimiter() const { return delimiter_; }
  const CsvRecord& header() const { return header_; }
  // Bytes of the text consumed so far (for a progress indicator).
  std::size_t position() const { return static_cast<std::size_t>(pos_ - begin_); }

 private:
  [[noreturn]] void fail(int line, int column, Message message, bool skip_line);

  const char* begin_;
  const char* pos_;
  const char* end_;
  int line_ = 1;
  char delimiter_ = ',';
  bool special_[256] = {};  // bytes that end an unquoted run: delimiter, CR, LF, quote
  std::string file_;
  CsvRecord header_;
};

// Reads a whole text: header and every record. Collects the syntax errors of
// all records (up to max_reported_errors) and throws them together.
CsvTable read_csv(std::string_view text, Delimiter d, std::string file);

// A header name as compared: surrounding spaces and tabs removed, ASCII lowercased.
std::string normalize_header(std::string_view name);

}  // namespace competition
