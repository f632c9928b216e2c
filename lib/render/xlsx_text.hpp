// Text for a workbook cell (docs/report.md "xlsx"): XML 1.0 cannot hold C0
// control characters other than tab, line feed and carriage return, nor
// U+FFFE and U+FFFF, and a workbook holding one raw does not open. Such a
// character is written the way Excel writes it, `_xHHHH_` (ECMA-376 Part 1,
// 22.9.2.19 ST_Xstring), and a literal `_xHHHH_` in the text has its
// underscore escaped (`_x005F_x0041_`) so that it reads back as written (any
// `_xHHHH`, closed or not: an escape may follow it).
#pragma once
#include <string>
#include <string_view>

namespace competition {

// `s` with every character XML cannot hold escaped as above (carriage return
// too, as Excel does: a parser would turn it into a line feed); a byte that is
// not part of a UTF-8 character becomes U+FFFD. Valid XML character data for
// any input (the XML markup characters themselves are the writer's job).
[[nodiscard]] std::string xlsx_text(std::string_view s);

}  // namespace competition
