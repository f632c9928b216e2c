#include "csv_reader.hpp"

#include <fmt/format.h>

#include <cstring>

#include "diagnostic.hpp"

namespace competition {

namespace {

constexpr const char* stray_quote_message =
    "stray quote in unquoted field (quote the whole field and double the inner quotes)";

// Line breaks in [p, end) of a quoted field's data. A CR right before `end` is
// lone: the caller's `end` is always a quote.
int count_line_breaks(const char* p, const char* end) {
  int n = 0;
  for (; p < end; ++p) {
    if (*p == '\n')
      ++n;
    else if (*p == '\r' && (p + 1 == end || p[1] != '\n'))
      ++n;
  }
  return n;
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// The auto-detected delimiter of the header line starting at p (see the header).
char detect_delimiter(const char* p, const char* end) {
  int comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (; p < end; ++p) {
    char c = *p;
    if (c == '"') {
      quoted = !quoted;  // a doubled quote toggles twice: no net change
    } else if (!quoted) {
      if (c == '\n' || c == '\r') break;
      comma += c == ',';
      semicolon += c == ';';
      tab += c == '\t';
    }
  }
  if (comma >= semicolon && comma >= tab) return ',';  // also the "none at all" case
  return semicolon >= tab ? ';' : '\t';
}

}  // namespace

std::optional<Delimiter> parse_delimiter(std::string_view s) {
  if (s == "auto") return Delimiter::auto_detect;
  if (s == ",") return Delimiter::comma;
  if (s == ";") return Delimiter::semicolon;
  if (s == "tab" || s == "\t" || s == "\\t") return Delimiter::tab;
  return std::nullopt;
}

CsvReader::CsvReader(std::string_view text, Delimiter d, std::string file)
    : begin_(text.data()), pos_(text.data()), end_(text.data() + text.size()), file_(std::move(file)) {
  // The header is the first line with something other than blanks.
  for (;;) {
    const char* p = pos_;
    while (p < end_ && is_blank(*p)) ++p;
    if (p == end_)
      throw Error(ExitCode::invalid, {Diagnostic{file_, 1, 0, "", "empty file (expected a header row)"}});
    if (*p != '\n' && *p != '\r') break;
    pos_ = p + ((*p == '\r' && p + 1 < end_ && p[1] == '\n') ? 2 : 1);
    ++line_;
  }
  switch (d) {
    case Delimiter::auto_detect: delimiter_ = detect_delimiter(pos_, end_); break;
    case Delimiter::comma: delimiter_ = ','; break;
    case Delimiter::semicolon: delimiter_ = ';'; break;
    case Delimiter::tab: delimiter_ = '\t'; break;
  }
  for (unsigned char c : {static_cast<unsigned char>(delimiter_), static_cast<unsigned char>('\n'),
                          static_cast<unsigned char>('\r'), static_cast<unsigned char>('"')})
    special_[c] = true;
  next(header_);
}

void CsvReader::fail(int line, int column, std::string message, bool skip_line) {
  if (skip_line) {
    // Resume after this physical line, so that next() can look for more errors.
    while (pos_ < end_ && *pos_ != '\n' && *pos_ != '\r') ++pos_;
    if (pos_ < end_) {
      pos_ += (*pos_ == '\r' && pos_ + 1 < end_ && pos_[1] == '\n') ? 2 : 1;
      ++line_;
    }
  } else {
    pos_ = end_;
  }
  throw Error(ExitCode::invalid, {Diagnostic{file_, line, column, "", std::move(message)}});
}

bool CsvReader::next(CsvRecord& out) {
  // Empty lines (no characters at all) are skipped.
  while (pos_ < end_ && (*pos_ == '\n' || *pos_ == '\r')) {
    pos_ += (*pos_ == '\r' && pos_ + 1 < end_ && pos_[1] == '\n') ? 2 : 1;
    ++line_;
  }
  if (pos_ == end_) return false;

  const int record_line = line_;
  out.line = record_line;
  std::size_t n = 0;  // fields read so far
  for (;;) {
    if (n == out.fields.size()) {
      out.fields.emplace_back();
      out.field_lines.push_back(0);
    }
    std::string& field = out.fields[n];
    out.field_lines[n] = line_;
    const int column = static_cast<int>(++n);

    if (pos_ < end_ && *pos_ == '"') {
      const int quote_line = line_;
      ++pos_;
      field.clear();
      for (;;) {
        auto q = static_cast<const char*>(
            pos_ < end_ ? std::memchr(pos_, '"', static_cast<std::size_t>(end_ - pos_)) : nullptr);
        if (q == nullptr)
          fail(record_line, column, fmt::format("unterminated quoted field (started on line {})", quote_line), false);
        line_ += count_line_breaks(pos_, q);
        field.append(pos_, q);
        pos_ = q + 1;
        if (pos_ < end_ && *pos_ == '"') {  // "" is one quote
          field += '"';
          ++pos_;
          continue;
        }
        break;
      }
      if (pos_ < end_ && *pos_ != delimiter_ && *pos_ != '\n' && *pos_ != '\r')
        fail(record_line, column, "unexpected text after closing quote", true);
    } else {
      const char* start = pos_;
      while (pos_ < end_ && !special_[static_cast<unsigned char>(*pos_)]) ++pos_;
      if (pos_ < end_ && *pos_ == '"') fail(record_line, column, stray_quote_message, true);
      field.assign(start, pos_);
    }

    if (pos_ == end_) break;
    if (*pos_ == delimiter_) {
      ++pos_;
      continue;  // a delimiter at the very end still opens an (empty) field
    }
    pos_ += (*pos_ == '\r' && pos_ + 1 < end_ && pos_[1] == '\n') ? 2 : 1;
    ++line_;
    break;
  }
  out.fields.resize(n);
  out.field_lines.resize(n);
  return true;
}

CsvTable read_csv(std::string_view text, Delimiter d, std::string file) {
  CsvReader reader(text, d, std::move(file));
  CsvTable table;
  table.delimiter = reader.delimiter();
  table.header = reader.header().fields;
  table.header_line = reader.header().line;
  std::vector<Diagnostic> errors;
  CsvRecord record;
  for (;;) {
    try {
      if (!reader.next(record)) break;
    } catch (const Error& e) {
      errors.insert(errors.end(), e.diagnostics().begin(), e.diagnostics().end());
      if (errors.size() >= max_reported_errors) break;
      continue;
    }
    if (errors.empty()) table.rows.push_back(std::move(record));  // rows are useless once it failed
  }
  if (!errors.empty()) {
    if (errors.size() > max_reported_errors) errors.resize(max_reported_errors);
    throw Error(ExitCode::invalid, std::move(errors));
  }
  return table;
}

std::string normalize_header(std::string_view name) {
  while (!name.empty() && is_blank(name.front())) name.remove_prefix(1);
  while (!name.empty() && is_blank(name.back())) name.remove_suffix(1);
  std::string out(name);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace competition
