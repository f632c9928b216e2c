// CSV output (cli.md): RFC 4180 quoting, and for files meant for people the
// formula neutralisation (a text cell starting with = + - @ tab or CR gets a
// leading apostrophe) and the `--excel` style (BOM, `;`, decimal comma).
// Files meant to be read back by the program use `canonical()`: verbatim text.
#pragma once
#include <string>
#include <string_view>

namespace competition {

struct CsvStyle {
  char delimiter = ',';
  bool bom = false;
  bool decimal_comma = false;
  bool neutralise_formulas = true;
  static CsvStyle people(bool excel);   // --format csv [--excel]
  static CsvStyle canonical();          // bundle files: `,`, verbatim, no BOM
};

class CsvWriter {
 public:
  explicit CsvWriter(CsvStyle style);
  CsvWriter& text(std::string_view cell);     // a text cell
  CsvWriter& number(std::string_view cell);   // a plain number `12500.00` (decimal comma with --excel)
  CsvWriter& empty();                         // an absent value
  CsvWriter& end_row();                       // LF line end
  const std::string& str() const { return out_; }

 private:
  void separator();
  void raw(std::string_view cell);
  CsvStyle style_;
  std::string out_;
  bool row_started_ = false;
};

}  // namespace competition
