// What every HTML page and SVG chart of the program shares: the escaping of
// text and the frame of a self-contained page (minutes, report).
#pragma once
#include <string>
#include <string_view>

#include "values/lang.hpp"

namespace competition {

// Whether `'` becomes `&#39;`. Element text and `"`-quoted attributes (all
// the program writes) need it as little as `>`; the minutes have always
// escaped it, the report and its charts never did, and their pages stay byte
// for byte what they were ("the competitions' decisions").
enum class Apostrophe { escaped, kept };

// `s` with `& < > "` (and `'`, as asked) as entities, so that it can stand in
// element text and attribute values (HTML and SVG alike).
[[nodiscard]] std::string html_escape(std::string_view s, Apostrophe apostrophe = Apostrophe::escaped);

// A self-contained page up to its open `<main>`: the doctype, the language
// `lang` (`uk`, `en`), UTF-8, the viewport for small screens, `title` (escaped
// here, `apostrophe` as for html_escape) and the inline style sheet `style`
// (nothing is loaded from elsewhere).
[[nodiscard]] std::string html_page_start(std::string_view lang, std::string_view title, std::string_view style,
                                          Apostrophe apostrophe);

// The style rules that print `text` and "Сторінка N з M" / "Page N of M" at
// the foot of every printed page (CSS page margin boxes); `text` is escaped
// for a CSS string.
[[nodiscard]] std::string page_footer_style(std::string_view text, Lang lang);

// What closes a page html_page_start opened.
inline constexpr std::string_view html_page_end = "</main>\n</body>\n</html>\n";

}  // namespace competition
