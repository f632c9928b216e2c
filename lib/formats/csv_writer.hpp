// CSV output (docs/cli.md): RFC 4180 quoting, and for files meant for people the
// formula neutralisation (a text cell starting with = + - @ tab or CR gets a
// leading apostrophe) and the `--excel` style (BOM, `;`, decimal comma).
// Files meant to be read back by the program use `canonical()`: verbatim text.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/output_sink.hpp"
#include "base/token_list.hpp"

namespace competition {

struct CsvStyle {
  char delimiter = ',';
  bool bom = false;
  bool decimal_comma = false;
  bool neutralise_formulas = true;
  static CsvStyle people(bool excel);  // --format csv [--excel]
  static CsvStyle canonical();         // bundle files: `,`, verbatim, no BOM
};

class CsvWriter {
 public:
  explicit CsvWriter(CsvStyle style);  // collects the file: str()
  // Writes into `out` instead, which may send each finished row on (a national
  // export is hundreds of megabytes).
  CsvWriter(CsvStyle style, OutputSink& out);
  CsvWriter(const CsvWriter&) = delete;  // points into itself
  CsvWriter& operator=(const CsvWriter&) = delete;
  CsvWriter& text(std::string_view cell);    // a text cell
  CsvWriter& number(std::string_view cell);  // a plain number `12500.00` (decimal comma with --excel)
  // A text cell: the tokens joined with `|`.
  CsvWriter& list(const TokenList& items) { return text(items.joined()); }
  CsvWriter& integer(std::int64_t n);  // a whole number, without a temporary string
  CsvWriter& empty();                  // an absent value
  CsvWriter& end_row();                // LF line end
  const std::string& str() const { return out_; }

 private:
  void separator();
  void raw(std::string_view cell);
  CsvStyle style_;
  OutputSink own_;
  OutputSink& sink_;
  std::string& out_;  // sink_'s pending text
  bool row_started_ = false;
};

}  // namespace competition
