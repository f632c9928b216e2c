#include "formats/encoding.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

#include "values/common_words.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_nul{.uk = "байт NUL у файлі (поле не може містити байтів NUL)",
                                     .en = "NUL byte in the file (a field must not contain NUL bytes)"};
constexpr PerLang<const char*> w_invalid_utf8{.uk = "неправильний байт UTF-8 0x{:02X} ({})",
                                              .en = "invalid UTF-8 byte 0x{:02X} ({})"};
constexpr PerLang<const char*> w_bom{.uk =
                                         "файл у кодуванні {} (починається з позначки порядку байтів {}); збережіть "
                                         "його як UTF-8 (в Excel: \"CSV UTF-8\") або як Windows-1251",
                                     .en =
                                         "the file is {} (it starts with a {} byte order mark); save it as UTF-8 (in "
                                         "Excel: \"CSV UTF-8\") or as Windows-1251"};
constexpr PerLang<const char*> w_utf16{
    .uk =
        "файл схожий на UTF-16 {} без позначки порядку байтів (кожен другий байт його першого рядка — NUL); збережіть "
        "його як UTF-8 (в Excel: \"CSV UTF-8\") або як Windows-1251",
    .en =
        "the file looks like UTF-16 {} without a byte order mark (every other byte of its first line is NUL); save it "
        "as UTF-8 (in Excel: \"CSV UTF-8\") or as Windows-1251"};
constexpr PerLang<const char*> w_hint_cp1251{
    .uk = "байт 0x{:02X} не визначено в Windows-1251 (спробуйте --encoding utf-8)",
    .en = "byte 0x{:02X} is undefined in Windows-1251 (try --encoding utf-8)"};
constexpr PerLang<const char*> w_hint_bom{
    .uk = "файл починається з позначки порядку байтів UTF-8, тож увесь має бути в UTF-8",
    .en = "the file starts with a UTF-8 byte order mark, so it must be UTF-8 throughout"};
constexpr PerLang<const char*> w_hint_mostly{
    .uk =
        "файл у UTF-8, крім цього байта (щонайменше 90 % його не-ASCII байтів — UTF-8); виправте чи вилучіть його або "
        "збережіть файл як UTF-8 ще раз",
    .en =
        "the file is UTF-8 but for this byte (at least 90 % of its non-ASCII bytes are UTF-8); correct or remove it, "
        "or save the file as UTF-8 again"};
constexpr PerLang<const char*> w_hint_neither{
    .uk =
        "неправильний байт 0x{:02X} (файл не в UTF-8, а в Windows-1251 цей байт не визначено; збережіть файл як UTF-8)",
    .en =
        "invalid byte 0x{:02X} (the file is not UTF-8, and the byte is undefined in Windows-1251; save the file as "
        "UTF-8)"};
constexpr PerLang<const char*> w_no_hint{.uk = "", .en = ""};
constexpr PerLang<const char*> w_to_cp1251{
    .uk = "не вдається перетворити в Windows-1251: неправильний байт UTF-8 0x{:02X}",
    .en = "cannot convert to Windows-1251: invalid UTF-8 byte 0x{:02X}"};
constexpr PerLang<const char*> w_not_in_cp1251{.uk = "символ U+{:04X} не можна записати в Windows-1251",
                                               .en = "character U+{:04X} cannot be written in Windows-1251"};

namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";

// Windows-1251 bytes 0x80..0xFF as Unicode code points (0 = undefined: only 0x98).
constexpr std::array<char32_t, 128> cp1251_high = {
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A,
    0x040C, 0x040B, 0x040F, 0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x0000, 0x2122,
    0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, 0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6,
    0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407, 0x00B0, 0x00B1, 0x0406, 0x0456,
    0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457, 0x0410,
    0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D,
    0x041E, 0x041F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427, 0x0428, 0x0429, 0x042A,
    0x042B, 0x042C, 0x042D, 0x042E, 0x042F, 0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437,
    0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0444,
    0x0445, 0x0446, 0x0447, 0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
};

// The UTF-8 form of each high byte, precomputed so decoding is a table copy.
struct Utf8Char {
  std::array<char, 3> bytes{};  // every code point above is < U+10000
  std::uint8_t size = 0;
};

constexpr std::array<Utf8Char, 128> make_cp1251_utf8() {
  std::array<Utf8Char, 128> out{};
  for (std::size_t i = 0; i < out.size(); ++i) {
    char32_t cp = cp1251_high[i];
    if (cp == 0) continue;
    if (cp < 0x800) {
      out[i].bytes = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F)), 0};
      out[i].size = 2;
    } else {
      out[i].bytes = {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                      static_cast<char>(0x80 | (cp & 0x3F))};
      out[i].size = 3;
    }
  }
  return out;
}

constexpr std::array<Utf8Char, 128> cp1251_utf8 = make_cp1251_utf8();

// Length of the well-formed UTF-8 sequence at p (Unicode Table 3-7), or 0 when
// the bytes there are not one.
std::size_t sequence_length(const unsigned char* p, const unsigned char* end) {
  unsigned char c = p[0];
  if (c < 0x80) return 1;
  auto avail = static_cast<std::size_t>(end - p);
  auto cont = [](unsigned char b) { return b >= 0x80 && b <= 0xBF; };
  if (c >= 0xC2 && c <= 0xDF) return avail >= 2 && cont(p[1]) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (avail < 3) return 0;
    unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
    unsigned char hi = c == 0xED ? 0x9F : 0xBF;
    return p[1] >= lo && p[1] <= hi && cont(p[2]) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (avail < 4) return 0;
    unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
    unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
    return p[1] >= lo && p[1] <= hi && cont(p[2]) && cont(p[3]) ? 4 : 0;
  }
  return 0;
}

// Decodes the well-formed sequence of length n at p.
char32_t decode_sequence(const unsigned char* p, std::size_t n) {
  switch (n) {
    case 1:
      return p[0];
    case 2:
      return (char32_t(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3:
      return (char32_t(p[0] & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    default:
      return (char32_t(p[0] & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) | (char32_t(p[2] & 0x3F) << 6) |
             (p[3] & 0x3F);
  }
}

// Index just past the leading ASCII run of [p, end), eight bytes at a time.
const unsigned char* skip_ascii(const unsigned char* p, const unsigned char* end) {
  while (end - p >= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    if (word & 0x8080808080808080ULL) break;
    p += 8;
  }
  while (p < end && *p < 0x80) ++p;
  return p;
}

// Collects the diagnostics of one decoding pass: at most one per physical line
// (a mis-declared Cyrillic file would otherwise give one per letter), at most
// max_reported_errors in all.
class Problems {
 public:
  explicit Problems(std::string_view file) : file_(file) {}
  void add(int line, int column, Message message) {
    if (line == last_line_ || full()) return;
    last_line_ = line;
    list_.push_back(Diagnostic{std::string(file_), line, column, "", std::move(message)});
  }
  bool full() const { return list_.size() >= max_reported_errors; }
  void throw_if_any() {
    if (!list_.empty()) throw Error(ErrorKind::invalid, std::move(list_));
  }

 private:
  std::string_view file_;
  std::vector<Diagnostic> list_;
  int last_line_ = 0;
};

// Walks UTF-8 text and reports NULs and ill-formed bytes with their line and
// character column. Only run when the fast checks found a problem.
void report_utf8(std::string_view s, std::string_view file, const PerLang<const char*>& hint) {
  Problems problems(file);
  auto p = reinterpret_cast<const unsigned char*>(s.data());
  auto end = p + s.size();
  int line = 1, column = 1;
  while (p < end && !problems.full()) {
    unsigned char c = *p;
    if (c == '\n' || c == '\r') {
      p += (c == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
      ++line;
      column = 1;
      continue;
    }
    std::size_t n = c == 0 ? 0 : sequence_length(p, end);
    if (c == 0) {
      problems.add(line, column, say(w_nul));
      n = 1;
    } else if (n == 0) {
      problems.add(line, column, say(w_invalid_utf8, c, hint));
      n = 1;  // resynchronise at the next byte; the bad byte counts as one character
    }
    p += n;
    ++column;
  }
  problems.throw_if_any();
}

// `valid`: the caller already ran is_valid_utf8 on s (auto-detection), so the
// large common case is validated once.
// UTF-8 needs no conversion: the result views `s` (no copy of a large file).
DecodedView decode_utf8(std::string_view s, std::string_view file, const PerLang<const char*>& hint,
                        bool valid = false) {
  bool has_nul = !s.empty() && std::memchr(s.data(), 0, s.size()) != nullptr;
  if (has_nul || !(valid || is_valid_utf8(s))) report_utf8(s, file, hint);
  return DecodedView{{}, s, Encoding::utf8};
}

// Walks Windows-1251 bytes and reports NULs and undefined bytes with their line
// and column (one byte is one character). Only run when a problem is known.
void report_cp1251(std::string_view s, std::string_view file, const PerLang<const char*>& undefined_message) {
  Problems problems(file);
  int line = 1, column = 1;
  for (std::size_t i = 0; i < s.size() && !problems.full(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      ++line;
      column = 1;
      continue;
    }
    if (c == 0) problems.add(line, column, say(w_nul));
    if (c == 0x98) problems.add(line, column, say(undefined_message, c));
    ++column;
  }
  problems.throw_if_any();
}

// UTF-8 length of each Windows-1251 byte; 0 for the two bytes refused (NUL, 0x98).
constexpr std::array<std::uint8_t, 256> make_cp1251_lengths() {
  std::array<std::uint8_t, 256> out{};
  for (std::size_t b = 1; b < 0x80; ++b) out[b] = 1;
  for (std::size_t b = 0x80; b < 0x100; ++b) out[b] = cp1251_utf8[b - 0x80].size;
  return out;
}

constexpr std::array<std::uint8_t, 256> cp1251_lengths = make_cp1251_lengths();

// Two passes: the exact output size (which also finds refused bytes), then a
// fill through a raw pointer, with no per-character append.
DecodedView decode_cp1251(std::string_view s, std::string_view file, const PerLang<const char*>& undefined_message) {
  std::size_t size = 0;
  bool refused = false;
  for (char ch : s) {
    std::uint8_t n = cp1251_lengths[static_cast<unsigned char>(ch)];
    size += n;
    refused |= n == 0;
  }
  if (refused) report_cp1251(s, file, undefined_message);

  std::string out(size, '\0');
  char* o = out.data();
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      *o++ = static_cast<char>(c);
    } else {
      const Utf8Char& u = cp1251_utf8[c - 0x80];
      o[0] = u.bytes[0];
      o[1] = u.bytes[1];
      if (u.size == 3) o[2] = u.bytes[2];
      o += u.size;
    }
  }
  return DecodedView{std::move(out), {}, Encoding::cp1251};
}

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view s) {
  if (s == "auto") return Encoding::auto_detect;
  if (s == "utf-8") return Encoding::utf8;
  if (s == "cp1251") return Encoding::cp1251;
  return std::nullopt;
}

std::string_view to_string(Encoding e) {
  switch (e) {
    case Encoding::auto_detect:
      return "auto";
    case Encoding::utf8:
      return "utf-8";
    case Encoding::cp1251:
      return "cp1251";
  }
  return "auto";
}

bool is_valid_utf8(std::string_view s) {
  auto p = reinterpret_cast<const unsigned char*>(s.data());
  auto end = p + s.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      p = skip_ascii(p, end);
      continue;
    }
    // Two-byte sequences (all of Cyrillic) inline: they are most of a Ukrainian file.
    if (c >= 0xC2 && c <= 0xDF && end - p >= 2 && (p[1] & 0xC0) == 0x80) {
      p += 2;
      continue;
    }
    std::size_t n = sequence_length(p, end);
    if (n == 0) return false;
    p += n;
  }
  return true;
}

Decoded decode_input(std::string_view bytes, Encoding requested, std::string_view file) {
  DecodedView v = decode_input_view(bytes, requested, file);
  if (v.used == Encoding::cp1251) return Decoded{std::move(v.converted), Encoding::cp1251};
  return Decoded{std::string(v.view), Encoding::utf8};
}

namespace {

// "LE" or "BE" when the file starts like UTF-16 text without a byte order mark:
// in its first line (up to 32 code units, at least 2), every high byte NUL and
// every low byte not (an ASCII header such as `id,name`). Text in any 8-bit
// encoding has no NULs there; the NUL check would otherwise report every other byte.
std::optional<std::string_view> utf16_without_mark(std::string_view bytes) {
  auto ascii_line = [&](std::size_t low, std::size_t high) {
    std::size_t units = 0;
    for (std::size_t i = 0; i + 1 < bytes.size() && units < 32; i += 2, ++units) {
      if (bytes[i + high] != '\0' || bytes[i + low] == '\0') return false;
      if (bytes[i + low] == '\n') break;
    }
    return units >= 2;
  };
  if (ascii_line(0, 1)) return "LE";
  if (ascii_line(1, 0)) return "BE";
  return std::nullopt;
}

// True when at least 90 % of the bytes >= 0x80 belong to well-formed UTF-8
// sequences (docs/formats.md "CSV inputs"). Only run on text that is not UTF-8.
bool mostly_utf8(std::string_view bytes) {
  auto p = reinterpret_cast<const unsigned char*>(bytes.data());
  auto end = p + bytes.size();
  // Each count is at most bytes.size() (far below 2^60 in a process), so ten times it fits.
  std::size_t high = 0, in_utf8 = 0;
  while (p < end) {
    if (*p < 0x80) {
      p = skip_ascii(p, end);
      continue;
    }
    std::size_t n = sequence_length(p, end);
    if (n == 0) {
      ++high;
      ++p;
      continue;
    }
    high += n;
    in_utf8 += n;
    p += n;
  }
  return in_utf8 * 10 >= high * 9;
}

}  // namespace

DecodedView decode_input_view(std::string_view bytes, Encoding requested, std::string_view file) {
  // A UTF-16 or UTF-32 file (Excel's "Unicode text", Notepad's "Unicode") would
  // otherwise be read as Windows-1251 garbage or as a stream of NUL bytes; its
  // byte order mark says what it is, in every mode (no CSV header starts with "яю").
  for (auto [mark, name] :
       {std::pair<std::string_view, std::string_view>{std::string_view("\xFF\xFE\0\0", 4), "UTF-32"},
        {std::string_view("\0\0\xFE\xFF", 4), "UTF-32"},
        {"\xFF\xFE", "UTF-16"},
        {"\xFE\xFF", "UTF-16"}}) {
    if (bytes.substr(0, mark.size()) == mark)
      throw Error(ErrorKind::invalid, {Diagnostic{std::string(file), 1, 1, "", say(w_bom, name, name)}});
  }
  if (auto order = utf16_without_mark(bytes))
    throw Error(ErrorKind::invalid, {Diagnostic{std::string(file), 1, 1, "", say(w_utf16, *order)}});
  bool has_bom = bytes.substr(0, bom.size()) == bom;
  switch (requested) {
    case Encoding::utf8:
      if (has_bom) bytes.remove_prefix(bom.size());
      return decode_utf8(bytes, file, utf8_hint_words);
    case Encoding::cp1251:
      return decode_cp1251(bytes, file, w_hint_cp1251);
    case Encoding::auto_detect:
      break;
  }
  if (has_bom) {
    bytes.remove_prefix(bom.size());
    return decode_utf8(bytes, file, w_hint_bom);
  }
  if (is_valid_utf8(bytes)) return decode_utf8(bytes, file, w_no_hint, true);
  // docs/formats.md "CSV inputs": a UTF-8 file with a few stray bytes stays
  // UTF-8 (and the stray bytes are errors); Windows-1251 Ukrainian text has
  // pairs such as "Рі" (D0 B3) that happen to be UTF-8, but far fewer than 90 %.
  if (mostly_utf8(bytes)) return decode_utf8(bytes, file, w_hint_mostly, false);
  return decode_cp1251(bytes, file, w_hint_neither);
}

std::string to_cp1251(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  auto p = reinterpret_cast<const unsigned char*>(utf8.data());
  auto end = p + utf8.size();
  while (p < end) {
    std::size_t n = sequence_length(p, end);
    if (n == 0) throw Error(ErrorKind::invalid, say(w_to_cp1251, *p));
    char32_t cp = decode_sequence(p, n);
    p += n;
    if (cp < 0x80) {
      out += static_cast<char>(cp);
      continue;
    }
    if (cp >= 0x0410 && cp <= 0x044F) {  // А..я: the bulk of Ukrainian text
      out += static_cast<char>(0xC0 + (cp - 0x0410));
      continue;
    }
    std::size_t i = 0;
    while (i < cp1251_high.size() && cp1251_high[i] != cp) ++i;
    if (i == cp1251_high.size()) throw Error(ErrorKind::invalid, say(w_not_in_cp1251, static_cast<std::uint32_t>(cp)));
    out += static_cast<char>(0x80 + i);
  }
  return out;
}

}  // namespace competition
