#include "base/canonical_json.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace competition {

namespace {

// Decodes UTF-8 into code points; throws on malformed input (overlong forms,
// surrogates and values above U+10FFFF are malformed too).
std::vector<char32_t> decode_utf8(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  std::size_t i = 0;
  auto bad = [] { throw std::invalid_argument("canonical JSON: a string is not valid UTF-8"); };
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    int extra = 0;
    char32_t cp = 0;
    if (c < 0x80) {
      cp = c;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      bad();
    }
    if (i + static_cast<std::size_t>(extra) >= s.size()) bad();  // truncated sequence
    for (int k = 1; k <= extra; ++k) {
      auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((cc & 0xC0) != 0x80) bad();
      cp = (cp << 6) | (cc & 0x3F);
    }
    static const char32_t min_of[] = {0, 0x80, 0x800, 0x10000};
    if (cp < min_of[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) bad();
    out.push_back(cp);
    i += static_cast<std::size_t>(extra) + 1;
  }
  return out;
}

std::vector<char16_t> utf16_units(std::string_view s) {
  std::vector<char16_t> out;
  for (char32_t cp : decode_utf8(s)) {
    if (cp < 0x10000) {
      out.push_back(static_cast<char16_t>(cp));
    } else {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    }
  }
  return out;
}

// RFC 8785 §3.2.2.2 (ECMAScript JSON.stringify's QuoteJSONString).
void write_string(std::string& out, std::string_view s) {
  // Validation only; the usual ASCII string needs no decoding (a decision
  // record holds hundreds of thousands of strings).
  if (std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) decode_utf8(s);
  static const char* hex = "0123456789abcdef";
  out += '"';
  for (std::size_t i = 0; i < s.size(); ++i) {
    // Runs that need no escape are copied in one piece.
    std::size_t j = i;
    while (j < s.size() && static_cast<unsigned char>(s[j]) >= 0x20 && s[j] != '"' && s[j] != '\\') ++j;
    out.append(s, i, j - i);
    if (j == s.size()) break;
    i = j;
    char ch = s[i];
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

template <class Json>
void write(std::string& out, const Json& v) {
  using T = nlohmann::json::value_t;
  switch (v.type()) {
    case T::null:
      out += "null";
      return;
    case T::boolean:
      out += v.template get<bool>() ? "true" : "false";
      return;
    case T::number_integer:
      out += std::to_string(v.template get<std::int64_t>());
      return;
    case T::number_unsigned:
      out += std::to_string(v.template get<std::uint64_t>());
      return;
    case T::string:
      write_string(out, v.template get_ref<const std::string&>());
      return;
    case T::array: {
      out += '[';
      bool first = true;
      for (const auto& e : v) {
        if (!first) out += ',';
        first = false;
        write(out, e);
      }
      out += ']';
      return;
    }
    case T::object: {
      // The members sorted by their keys (`first`), duplicates refused.
      auto write_sorted = [&out](auto& members) {
        std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t i = 1; i < members.size(); ++i)
          if (members[i].first == members[i - 1].first)
            throw std::invalid_argument("canonical JSON: duplicate member name \"" + members[i].second.key() + "\"");
        out += '{';
        bool first = true;
        for (const auto& member : members) {
          if (!first) out += ',';
          first = false;
          write_string(out, member.second.key());
          out += ':';
          write(out, member.second.value());
        }
        out += '}';
      };
      // RFC 8785 §3.2.3 sorts by UTF-16 code units. Names without a character
      // above U+FFFF (no 4-byte UTF-8 sequence; every name this program writes)
      // sort the same by bytes: then no conversion is needed. Same order, same errors.
      bool bmp = true;
      for (auto it = v.begin(); it != v.end() && bmp; ++it)
        bmp = std::none_of(it.key().begin(), it.key().end(),
                           [](char c) { return static_cast<unsigned char>(c) >= 0xF0; });
      if (bmp) {
        std::vector<std::pair<std::string_view, typename Json::const_iterator>> named;
        named.reserve(v.size());
        for (auto it = v.begin(); it != v.end(); ++it) {
          if (std::any_of(it.key().begin(), it.key().end(),
                          [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
            decode_utf8(it.key());  // a malformed name fails as it always has
          named.emplace_back(it.key(), it);
        }
        write_sorted(named);
        return;
      }
      std::vector<std::pair<std::vector<char16_t>, typename Json::const_iterator>> members;
      for (auto it = v.begin(); it != v.end(); ++it) members.emplace_back(utf16_units(it.key()), it);
      write_sorted(members);
      return;
    }
    case T::number_float:
      throw std::invalid_argument("canonical JSON: floating-point numbers are not used (write decimals as strings)");
    case T::binary:
    case T::discarded:
      break;
  }
  throw std::invalid_argument("canonical JSON: unsupported value");
}

}  // namespace

bool utf16_less(std::string_view a, std::string_view b) { return utf16_units(a) < utf16_units(b); }

std::string canonical_json(const nlohmann::json& value) {
  std::string out;
  write(out, value);
  return out;
}

std::string canonical_json(const nlohmann::ordered_json& value) {
  std::string out;
  write(out, value);
  return out;
}

void append_canonical_json(std::string& out, const nlohmann::ordered_json& value) { write(out, value); }

void append_canonical_string(std::string& out, std::string_view s) { write_string(out, s); }

}  // namespace competition
