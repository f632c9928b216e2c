// Text from data shown to people (docs/reliability.md "Text that reaches a
// terminal"): a control character in a name or a note must not drive the
// terminal that shows a text or Markdown output (`\e[2J` clears the screen,
// `\e]0;…\a` retitles the window), so it is written as visible text instead.
// JSON, CSV and the bundle keep such characters as data.
#pragma once
#include <string>
#include <string_view>

namespace competition {

// The control character starting at s[i]: 0 when there is none, else its
// length in bytes (1 for C0 and DEL, 2 for C1, U+0080–U+009F, in UTF-8).
// Line feed and tab are not counted: text outputs are made of lines.
[[nodiscard]] std::size_t control_length(std::string_view s, std::size_t i);

// Appends `s` with every control character written visibly: C0 and DEL as
// `\x1b`, C1 as `\u009b`; everything else (line feeds, tabs, any other
// UTF-8 or stray byte) unchanged.
void append_visible(std::string& out, std::string_view s);
[[nodiscard]] std::string visible(std::string_view s);

// True when `s` holds a control character (nothing to escape otherwise).
[[nodiscard]] bool has_control(std::string_view s);

// A cell of a table (text or Markdown): one line, so line feeds, carriage
// returns and tabs become spaces, and other control characters are shown as
// by append_visible. `plain_line` tells when `s` is that already (no copy needed).
void append_visible_line(std::string& out, std::string_view s);
[[nodiscard]] bool plain_line(std::string_view s);

}  // namespace competition
