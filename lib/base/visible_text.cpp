#include "base/visible_text.hpp"

#include <fmt/format.h>

namespace competition {

std::size_t control_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == '\n' || c == '\t') return 0;
  if (c < 0x20 || c == 0x7f) return 1;
  if (c == 0xc2 && i + 1 < s.size()) {
    const auto next = static_cast<unsigned char>(s[i + 1]);
    if (next >= 0x80 && next <= 0x9f) return 2;
  }
  return 0;
}

bool has_control(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i)
    if (control_length(s, i) > 0) return true;
  return false;
}

void append_visible(std::string& out, std::string_view s) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = control_length(s, i);
    if (n == 0) {
      ++i;
      continue;
    }
    out.append(s.substr(start, i - start));
    if (n == 1)
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(s[i]));
    else
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(s[i + 1]));
    i += n;
    start = i;
  }
  out.append(s.substr(start));
}

bool plain_line(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s[i] == '\n' || s[i] == '\r' || s[i] == '\t' || control_length(s, i) > 0) return false;
  return true;
}

void append_visible_line(std::string& out, std::string_view s) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\n' && s[i] != '\r' && s[i] != '\t') continue;
    append_visible(out, s.substr(start, i - start));
    out += ' ';
    start = i + 1;
  }
  append_visible(out, s.substr(start));
}

std::string visible(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_visible(out, s);
  return out;
}

}  // namespace competition
