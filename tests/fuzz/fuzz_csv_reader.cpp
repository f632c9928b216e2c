// libFuzzer target: arbitrary bytes through auto-detected decoding and the CSV
// reader. Input errors (competition::Error) are expected; anything else, a crash,
// a hang or a broken invariant is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "formats/csv_reader.hpp"
#include "formats/encoding.hpp"
#include "values/diagnostic.hpp"

using namespace competition;

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

void check_record(const CsvRecord& r, int previous_line) {
  require(!r.fields.empty());
  require(r.fields.size() == r.field_lines.size());
  require(r.line > previous_line);
  require(r.field_lines.front() == r.line);
  for (std::size_t i = 1; i < r.field_lines.size(); ++i) require(r.field_lines[i] >= r.field_lines[i - 1]);
  // Fields are cut at ASCII bytes of valid UTF-8, so they stay valid UTF-8.
  for (const auto& f : r.fields) require(is_valid_utf8(f));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Decoded decoded;
  try {
    decoded = decode_input(bytes, Encoding::auto_detect, "fuzz.csv");
  } catch (const Error& e) {
    require(!e.diagnostics().empty() && e.diagnostics().size() <= max_reported_errors);
    return 0;
  }
  require(is_valid_utf8(decoded.text));
  // Windows-1251 decoding is lossless: it must convert back to the same bytes.
  if (decoded.used == Encoding::cp1251) require(to_cp1251(decoded.text) == bytes);

  try {
    CsvReader reader(decoded.text, Delimiter::auto_detect, "fuzz.csv");
    check_record(reader.header(), 0);
    int line = reader.header().line;
    CsvRecord record;
    for (;;) {
      try {
        if (!reader.next(record)) break;
        check_record(record, line);
        line = record.line;
      } catch (const Error& e) {
        require(e.diagnostics().size() == 1);
        require(e.diagnostics().front().line > line);
        line = e.diagnostics().front().line;
      }
    }
    require(reader.position() == decoded.text.size());
  } catch (const Error&) {
    // A bad header or an empty file: the constructor refused the text.
  }
  return 0;
}
