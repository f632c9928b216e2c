// libFuzzer target: arbitrary bytes through the workbook reader
// (formats/xlsx_reader.hpp: zip, XML, cells). Input errors
// (competition::Error) are expected; anything else, a crash, a hang, memory
// beyond the inflation budget or a broken invariant is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "formats/xlsx_reader.hpp"
#include "values/diagnostic.hpp"

using namespace competition;

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    const XlsxTable t = read_xlsx_table(bytes, "fuzz.xlsx");
    // Every record has the header's width and follows the header; problems are located in the sheet.
    require(!t.header.fields.empty() && t.header.line == 1);
    for (const auto& r : t.rows) {
      require(r.fields.size() == t.header.fields.size() && r.field_lines.size() == r.fields.size());
      require(r.line > 1);
    }
    require(t.problems.size() <= max_reported_errors);
    for (const auto& d : t.problems) require(d.sheet == t.sheet && d.line >= 2 && d.column >= 1);
  } catch (const Error& e) {
    require(std::string_view(e.what()).substr(0, 9) == "fuzz.xlsx");
  }
  return 0;
}
