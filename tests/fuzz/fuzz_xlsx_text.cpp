// libFuzzer target: the workbook's text escaping (render/xlsx_text.hpp) on
// arbitrary bytes. The result is always XML 1.0 character data (well-formed
// UTF-8 of allowed characters only), and for UTF-8 input reading it back as
// Excel does (`_xHHHH_` -> the character) gives the input exactly.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "render/xlsx_text.hpp"

using namespace competition;

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

// The code points of well-formed UTF-8, or false.
bool decode(std::string_view s, std::u32string& out) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t n = b0 < 0x80                  ? 1
                    : b0 >= 0xc2 && b0 <= 0xdf ? 2
                    : b0 >= 0xe0 && b0 <= 0xef ? 3
                    : b0 >= 0xf0 && b0 <= 0xf4 ? 4
                                               : 0;
    if (n == 0 || i + n > s.size()) return false;
    char32_t cp = n == 1 ? b0 : n == 2 ? (b0 & 0x1fu) : n == 3 ? (b0 & 0x0fu) : (b0 & 0x07u);
    for (std::size_t k = 1; k < n; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xc0u) != 0x80u) return false;
      cp = (cp << 6) | (b & 0x3fu);
    }
    const char32_t min = n == 1 ? 0 : n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    out += cp;
    i += n;
  }
  return true;
}

bool xml_char(char32_t c) {
  return c == 0x9 || c == 0xa || c == 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) ||
         (c >= 0x10000 && c <= 0x10ffff);
}

int hex(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

// ECMA-376 ST_Xstring read back: every `_xHHHH_` is the character HHHH.
std::u32string unescape(const std::u32string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '_' && i + 7 <= s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
      int v = 0;
      bool ok = true;
      for (std::size_t k = i + 2; k < i + 6; ++k) {
        int h = hex(s[k]);
        ok = ok && h >= 0;
        v = v * 16 + h;
      }
      if (ok) {
        out += static_cast<char32_t>(v);
        i += 6;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string escaped = xlsx_text(text);
  std::u32string chars;
  require(decode(escaped, chars));
  for (char32_t c : chars) require(xml_char(c) && c != 0xd);
  std::u32string input;
  if (decode(text, input)) require(unescape(chars) == input);
  return 0;
}
