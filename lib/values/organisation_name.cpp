#include "values/organisation_name.hpp"

namespace competition {

namespace {

char32_t lower(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0x0410 && cp <= 0x042F) return cp + 0x20;  // А..Я
  if (cp >= 0x0400 && cp <= 0x040F) return cp + 0x50;  // Ѐ..Џ (Є, І, Ї, ...)
  if (cp == 0x0490) return 0x0491;                     // Ґ
  return cp;
}

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F || cp == '\n' || cp == '\r'; }

// docs/formats.md "Organisations": the quote marks «»„“”"' count as spaces.
bool is_quote(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == 0x00AB || cp == 0x00BB || cp == 0x201E || cp == 0x201C || cp == 0x201D;
}

}  // namespace

std::string organisation_name_key(std::string_view s) {
  // Written in place into a buffer of the input's size: lower-casing never
  // lengthens a character here (every case pair has the same UTF-8 length) and
  // a run of spaces becomes at most one (one allocation per key; every
  // application of an import has one).
  std::string out(s.size(), '\0');
  char* const begin = out.data();
  char* o = begin;
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    std::size_t len;
    if (c < 0x80) {
      cp = c, len = 1;
    } else if ((c >> 5) == 0x6 && i + 1 < s.size()) {
      cp = static_cast<char32_t>(((c & 0x1F) << 6) | (s[i + 1] & 0x3F)), len = 2;
    } else if ((c >> 4) == 0xE && i + 2 < s.size()) {
      cp = static_cast<char32_t>(((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F)), len = 3;
    } else {
      *o++ = s[i];  // 4-byte sequences and stray bytes pass through
      ++i;
      continue;
    }
    i += len;
    if (is_space(cp) || is_quote(cp)) {
      pending_space = o != begin;
      continue;
    }
    if (pending_space) *o++ = ' ';
    pending_space = false;
    cp = lower(cp);
    if (cp < 0x80) {
      *o++ = static_cast<char>(cp);
    } else if (cp < 0x800) {
      *o++ = static_cast<char>(0xC0 | (cp >> 6));
      *o++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      *o++ = static_cast<char>(0xE0 | (cp >> 12));
      *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *o++ = static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  out.resize(static_cast<std::size_t>(o - begin));
  return out;
}

std::string pabulib_organisation_key(std::string_view round, std::string_view project) {
  std::string key = "pabulib:";
  key.append(round).append("/").append(project);
  return key;
}

}  // namespace competition
