#include "formats/csv_reader.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>

#include "formats/input_file.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_stray_quote{
    .uk = "зайві лапки в полі без лапок (візьміть усе поле в лапки, а лапки всередині подвойте)",
    .en = "stray quote in unquoted field (quote the whole field and double the inner quotes)"};
constexpr PerLang<const char*> w_empty_file{.uk = "порожній файл (очікується рядок заголовків)",
                                            .en = "empty file (expected a header row)"};
constexpr PerLang<const char*> w_unterminated{.uk = "поле в лапках не закрито (почалося в рядку {})",
                                              .en = "unterminated quoted field (started on line {})"};
constexpr PerLang<const char*> w_after_quote{.uk = "зайвий текст після закривальних лапок",
                                             .en = "unexpected text after closing quote"};
constexpr PerLang<const char*> w_field_size{.uk = "поле з {} байтів — більше за {}, що їх може містити поле",
                                            .en = "a field of {} bytes, more than the {} a field may hold"};
constexpr PerLang<const char*> w_record_size{.uk = "запис довший за {} — найбільше, що може містити рядок",
                                             .en = "a record longer than {}, the most a line may hold"};

namespace {

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

// Nonzero when some byte of `word` equals the byte repeated in `pattern`
// (the classic "has zero byte" test applied to word ^ pattern).
inline std::uint64_t has_byte(std::uint64_t word, std::uint64_t pattern) {
  std::uint64_t x = word ^ pattern;
  return (x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL;
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
    if (p == end_) throw Error(ErrorKind::invalid, {Diagnostic{file_, 1, 0, "", say(w_empty_file)}});
    if (*p != '\n' && *p != '\r') break;
    pos_ = p + ((*p == '\r' && p + 1 < end_ && p[1] == '\n') ? 2 : 1);
    ++line_;
  }
  switch (d) {
    case Delimiter::auto_detect:
      delimiter_ = detect_delimiter(pos_, end_);
      break;
    case Delimiter::comma:
      delimiter_ = ',';
      break;
    case Delimiter::semicolon:
      delimiter_ = ';';
      break;
    case Delimiter::tab:
      delimiter_ = '\t';
      break;
  }
  for (unsigned char c : {static_cast<unsigned char>(delimiter_), static_cast<unsigned char>('\n'),
                          static_cast<unsigned char>('\r'), static_cast<unsigned char>('"')})
    special_[c] = true;
  next(header_);
}

void CsvReader::fail(int line, int column, Message message, bool skip_line) {
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
  throw Error(ErrorKind::invalid, {Diagnostic{file_, line, column, "", std::move(message)}});
}

// Whole on purpose: one scanning state machine whose cursor stays in locals; parts would pass it through memory.
bool CsvReader::next(CsvRecord& out) {
  // The cursor lives in locals while scanning: members written through `this`
  // may alias the char reads, which would force a store per byte.
  const char* p = pos_;
  const char* const end = end_;
  int line = line_;
  auto sync = [&] {
    pos_ = p;
    line_ = line;
  };

  // Empty lines (no characters at all) are skipped.
  while (p < end && (*p == '\n' || *p == '\r')) {
    p += (*p == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
    ++line;
  }
  if (p == end) {
    sync();
    return false;
  }

  const int record_line = line;
  const char* const record_start = p;
  out.line = record_line;
  std::size_t n = 0;  // fields read so far
  for (;;) {
    if (n == out.fields.size()) {
      out.fields.emplace_back();
      out.field_lines.push_back(0);
    }
    std::string& field = out.fields[n];
    out.field_lines[n] = line;
    const int column = static_cast<int>(++n);

    if (p < end && *p == '"') {
      const int quote_line = line;
      ++p;
      field.clear();
      for (;;) {
        auto q = static_cast<const char*>(p < end ? std::memchr(p, '"', static_cast<std::size_t>(end - p)) : nullptr);
        if (q == nullptr) {
          sync();
          fail(record_line, column, say(w_unterminated, quote_line), false);
        }
        line += count_line_breaks(p, q);
        field.append(p, q);
        p = q + 1;
        if (p < end && *p == '"') {  // "" is one quote
          field += '"';
          ++p;
          continue;
        }
        break;
      }
      if (p < end && *p != delimiter_ && *p != '\n' && *p != '\r') {
        sync();
        fail(record_line, column, say(w_after_quote), true);
      }
    } else {
      const char* start = p;
      // Eight bytes at a time until a word holds a special byte, then bytewise.
      const std::uint64_t delimiters = 0x0101010101010101ULL * static_cast<unsigned char>(delimiter_);
      while (end - p >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        if (has_byte(word, delimiters) | has_byte(word, 0x0101010101010101ULL * '"') |
            has_byte(word, 0x0101010101010101ULL * '\n') | has_byte(word, 0x0101010101010101ULL * '\r'))
          break;
        p += 8;
      }
      while (p < end && !special_[static_cast<unsigned char>(*p)]) ++p;
      if (p < end && *p == '"') {
        sync();
        fail(record_line, column, say(w_stray_quote), true);
      }
      field.assign(start, p);
    }
    // docs/formats.md "Limits": a cell or a record beyond them is a located
    // error, before a runaway quote or a binary file fills memory with rows.
    if (field.size() > max_field_bytes) {
      sync();
      fail(record_line, column, say(w_field_size, field.size(), limit_words(max_field_bytes)), true);
    }
    if (static_cast<std::size_t>(p - record_start) > max_record_bytes) {
      sync();
      fail(record_line, column, say(w_record_size, limit_words(max_record_bytes)), true);
    }

    if (p == end) break;
    if (*p == delimiter_) {
      ++p;
      continue;  // a delimiter at the very end still opens an (empty) field
    }
    p += (*p == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
    ++line;
    break;
  }
  sync();
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
    throw Error(ErrorKind::invalid, std::move(errors));
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
