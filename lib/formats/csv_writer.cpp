#include "formats/csv_writer.hpp"

#include <algorithm>
#include <charconv>

namespace competition {

CsvStyle CsvStyle::people(bool excel) {
  CsvStyle s;
  if (excel) {
    s.delimiter = ';';
    s.bom = true;
    s.decimal_comma = true;
  }
  return s;
}

CsvStyle CsvStyle::canonical() {
  CsvStyle s;
  s.neutralise_formulas = false;
  return s;
}

CsvWriter::CsvWriter(CsvStyle style) : CsvWriter(style, own_) {}

CsvWriter::CsvWriter(CsvStyle style, OutputSink& out) : style_(style), sink_(out), out_(out.text()) {
  if (style_.bom) out_ += "\xEF\xBB\xBF";
}

void CsvWriter::separator() {
  if (row_started_) out_ += style_.delimiter;
  row_started_ = true;
}

void CsvWriter::raw(std::string_view cell) {
  const char d = style_.delimiter;  // one pass, no temporary: exports write millions of cells
  bool quote =
      std::any_of(cell.begin(), cell.end(), [d](char c) { return c == d || c == '"' || c == '\n' || c == '\r'; });
  if (!quote) {
    out_ += cell;
    return;
  }
  out_ += '"';
  for (char c : cell) {
    if (c == '"') out_ += '"';
    out_ += c;
  }
  out_ += '"';
}

CsvWriter& CsvWriter::text(std::string_view cell) {
  separator();
  if (style_.neutralise_formulas && !cell.empty() &&
      (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t' || cell[0] == '\r')) {
    raw("'" + std::string(cell));
  } else {
    raw(cell);
  }
  return *this;
}

CsvWriter& CsvWriter::number(std::string_view cell) {
  separator();
  if (!style_.decimal_comma) {
    raw(cell);
  } else {
    std::string s(cell);
    for (auto& c : s)
      if (c == '.') c = ',';
    raw(s);
  }
  return *this;
}

CsvWriter& CsvWriter::integer(std::int64_t n) {
  separator();
  char digits[24];
  out_.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
  return *this;
}

CsvWriter& CsvWriter::empty() {
  separator();
  return *this;
}

CsvWriter& CsvWriter::end_row() {
  out_ += '\n';
  row_started_ = false;
  sink_.row_done();
  return *this;
}

}  // namespace competition
