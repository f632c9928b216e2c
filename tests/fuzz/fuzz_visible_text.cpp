// libFuzzer target: text from data shown to people (base/visible_text.hpp and
// the Markdown cell of render/markdown_table.hpp) on arbitrary bytes. The
// visible form holds no control character but line feeds and tabs; a
// Markdown cell holds none at all, no line break, and no `|` that is not
// escaped, so one value can neither drive a terminal nor split a table row.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/visible_text.hpp"
#include "render/markdown_table.hpp"

using namespace competition;

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

// No C0 byte but those allowed, no DEL, no C1 character (C2 80–C2 9F).
bool no_controls(std::string_view s, bool lines_allowed) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (lines_allowed && (c == '\n' || c == '\t')) continue;
    if (c < 0x20 || c == 0x7f) return false;
    if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9f)
      return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string shown = visible(text);
  require(no_controls(shown, true));
  require(has_control(text) == (shown != text));

  std::string cell = md_cell(text);
  // A tab is allowed in a cell; every other control is shown.
  std::string no_tabs;
  for (char c : cell) no_tabs += c == '\t' ? ' ' : c;
  require(no_controls(no_tabs, false));
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '\\') {
      ++i;  // the escaped character
      continue;
    }
    require(cell[i] != '|');
  }
  return 0;
}
