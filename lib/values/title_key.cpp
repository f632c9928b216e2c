// ICU does the Unicode (normalisation, categories, case folding): no table of
// characters is written here.
#include "values/title_key.hpp"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <fmt/format.h>

#include <vector>

#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> not_utf8{.uk = "не UTF-8", .en = "not UTF-8"};
constexpr PerLang<const char*> case_folding{.uk = "зведення регістру", .en = "case folding"};
constexpr PerLang<const char*> to_utf8{.uk = "перетворення в UTF-8", .en = "to UTF-8"};
constexpr PerLang<const char*> nfc_words{.uk = "NFC", .en = "NFC"};

constexpr PerLang<const char*> title_key_failed{.uk = "ключ назви: {}: {}", .en = "title key: {}: {}"};

namespace {

void check(UErrorCode status, const PerLang<const char*>& what) {
  if (U_FAILURE(status)) throw Error(ErrorKind::invalid, say(title_key_failed, what, u_errorName(status)));
}

// ICU's two-pass convention: ask for the length, then fill.
template <class F>
std::u16string icu_call(F f, const PerLang<const char*>& what) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = f(nullptr, 0, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR) check(status, what);
  std::u16string out(static_cast<std::size_t>(n), u'\0');
  status = U_ZERO_ERROR;
  f(out.data(), n, &status);
  check(status, what);
  return out;
}

}  // namespace

// year.md §5 `double_funding`: NFC, P*/S*/ʼ to spaces, case fold, spaces collapsed.
std::string title_key(std::string_view title) {
  const auto length = static_cast<int32_t>(title.size());
  std::u16string text = icu_call(
      [&](UChar* d, int32_t cap, UErrorCode* e) {
        int32_t n = 0;
        u_strFromUTF8(d, cap, &n, title.data(), length, e);
        return n;
      },
      not_utf8);
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* nfc = unorm2_getNFCInstance(&status);
  check(status, nfc_words);
  text = icu_call(
      [&](UChar* d, int32_t cap, UErrorCode* e) {
        return unorm2_normalize(nfc, text.data(), static_cast<int32_t>(text.size()), d, cap, e);
      },
      nfc_words);
  std::u16string spaced;
  spaced.reserve(text.size());
  for (int32_t i = 0, n = static_cast<int32_t>(text.size()); i < n;) {
    UChar32 c = 0;
    const int32_t start = i;
    // ICU's macro mixes signed and unsigned internally.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wsign-conversion"
    U16_NEXT(text.data(), i, n, c);
#pragma GCC diagnostic pop
    if (c == 0x02BC || (U_GET_GC_MASK(c) & (U_GC_P_MASK | U_GC_S_MASK)) != 0)
      spaced.push_back(u' ');
    else
      spaced.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
  }
  std::u16string folded = icu_call(
      [&](UChar* d, int32_t cap, UErrorCode* e) {
        return u_strFoldCase(d, cap, spaced.data(), static_cast<int32_t>(spaced.size()), U_FOLD_CASE_DEFAULT, e);
      },
      case_folding);
  std::u16string collapsed;
  for (char16_t c : folded) {
    if (c == u' ' && (collapsed.empty() || collapsed.back() == u' ')) continue;
    collapsed.push_back(c);
  }
  if (!collapsed.empty() && collapsed.back() == u' ') collapsed.pop_back();
  std::string out(collapsed.size() * 3, '\0');
  status = U_ZERO_ERROR;
  int32_t written = 0;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &written, collapsed.data(),
              static_cast<int32_t>(collapsed.size()), &status);
  check(status, to_utf8);
  out.resize(static_cast<std::size_t>(written));
  return out;
}

}  // namespace competition
