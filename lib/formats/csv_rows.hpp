// One CSV input read row by row against a kind's columns (docs/formats.md "CSV
// inputs"), so that a national file is never held as records: only its bytes,
// once (UTF-8 input is not even copied). The diagnostics are kept apart while
// reading so that the report is the one a read-everything-then-validate pass
// gives: CSV syntax first, then the header, then the rows, and conflicts with
// stored rows only when nothing is invalid.
#pragma once
#include <algorithm>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "formats/csv_reader.hpp"
#include "formats/csv_row_reader.hpp"
#include "formats/diagnostic_sink.hpp"
#include "formats/encoding.hpp"
#include "formats/xlsx_reader.hpp"

namespace competition {

// Where an input comes from and how to read it (docs/cli.md `import`).
struct CsvSource {
  std::string file;  // as given on the command line (`<stdin>` for -): diagnostics name it
  Encoding encoding = Encoding::auto_detect;
  Delimiter delimiter = Delimiter::auto_detect;
  // Called now and then while reading (bytes read, total bytes).
  std::function<void(std::size_t, std::size_t)> progress;
};

class CsvRows {
 public:
  // Decodes `bytes` (which must outlive this) and reads and maps the header
  // (a workbook, recognised by its content, is read by xlsx_reader.hpp):
  // decoding errors and a header with a syntax error throw Error; problems
  // with the columns are kept for finish(). `source` must outlive this.
  CsvRows(std::string_view bytes, const CsvSource& source, std::vector<ColumnSpec> specs);
  CsvRows(const CsvRows&) = delete;
  CsvRows& operator=(const CsvRows&) = delete;

  // The next record with the header's number of fields, as a RowReader whose
  // problems are the rows' (valid until the next call); nullptr at the end,
  // or once syntax errors have reached the reporting limit. Records of a file
  // whose header has problems are read (and counted) but not handed out.
  RowReader* next();

  const std::vector<ColumnSpec>& specs() const { return specs_; }
  // A workbook's defined name holding a text constant (xlsx_reader.hpp),
  // matched case-insensitively as Excel does; nullopt for CSV input or when
  // the workbook has none by that name.
  std::optional<std::string> defined_text(std::string_view name) const;
  // Makes optional column k required after all (reported with the header's
  // problems, as a missing required column is); call before next().
  void require_column(std::size_t k);
  // Well-formed records read so far.
  long read() const { return read_; }
  bool any_invalid() const { return syntax_.any_invalid() || header_.any_invalid() || rows_.any_invalid(); }
  // Any problem found so far, invalid or a row's conflict with the round.
  bool any_problem() const { return any_invalid() || !rows_.empty(); }
  // Where conflicts with stored rows go (reported only when nothing is invalid).
  DiagnosticSink& conflicts() { return conflicts_; }

  // Moves the diagnostics to `out` in report order: syntax, header and rows
  // when any is invalid, else the rows' conflicts and then the stored rows'.
  // Returns any_invalid().
  bool finish(DiagnosticSink& out);

 private:
  const CsvSource& source_;
  std::optional<XlsxTable> table_;  // a workbook input, else:
  std::optional<DecodedView> decoded_;
  std::optional<CsvReader> reader_;  // reads decoded_: declared after it
  std::size_t table_next_ = 0;
  std::vector<ColumnSpec> specs_;
  DiagnosticSink syntax_, header_, rows_, conflicts_;
  std::vector<int> index_;
  CsvRecord rec_;
  std::optional<RowReader> row_;
  long read_ = 0;
  int header_line_ = 1;
  bool header_ok_ = false;
  bool stopped_ = false;
};

// The line ends of `bytes`: at least its rows after the header (a row may
// span lines), the room to reserve for them up front.
inline std::size_t line_count(std::string_view bytes) {
  return static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n'));
}

// The whole-file form of a kind's parser, for files the program wrote itself
// (UTF-8, `,`; the canonical CSVs of a bundle): `row(RowReader&)` sees each
// row; the problems (decoding, syntax, header, rows) are appended to
// `errors`, up to max_reported_errors. A `row` that returns bool may stop
// the reading by returning false: `errors` is then left as it was.
template <class Row>
void read_back_rows(std::string_view bytes, const std::string& file, std::vector<ColumnSpec> specs,
                    std::vector<Diagnostic>& errors, Row&& row) {
  const CsvSource source{file, Encoding::utf8, Delimiter::comma, {}};
  DiagnosticSink sink(file);
  std::optional<CsvRows> rows;
  try {
    rows.emplace(bytes, source, std::move(specs));
  } catch (const Error& e) {
    for (const auto& d : e.diagnostics()) sink.add(d.line, d.column, d.field, d.message);
    if (e.diagnostics().empty()) sink.add(0, 0, "", e.what());
  }
  if (rows) {
    while (RowReader* r = rows->next()) {
      if constexpr (std::is_same_v<std::invoke_result_t<Row&, RowReader&>, bool>) {
        if (!row(*r)) return;
      } else {
        row(*r);
      }
    }
    rows->finish(sink);
  }
  for (auto& d : sink.diagnostics())
    if (errors.size() < max_reported_errors) errors.push_back(std::move(d));
}

}  // namespace competition
