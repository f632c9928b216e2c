// Markdown tables of the people forms (`score` and `allocate --format md`):
// cells kept on one line with the characters that would end the cell or start
// formatting escaped, rows written straight into the output.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/output_sink.hpp"
#include "render/text_table.hpp"

namespace competition {

// A cell, or any text of the document, escaped: `a|b` -> `a\|b`, line breaks
// and tabs -> spaces, other control characters shown visibly (`ESC` -> `\\x1b`,
// which Markdown shows as `\x1b`): one line, nothing a terminal or a renderer
// acts on. The one Markdown escaper of every Markdown output.
std::string md_cell(std::string_view s);
void append_md_cell(std::string& out, std::string_view s);

// `| h1 | h2 |`, the rule (`---:` under `r` columns of `align`), then `count`
// rows made by `make`, one at a time.
void render_md_table(OutputSink& out, const std::vector<std::string>& header, std::string_view align, std::size_t count,
                     const RowMaker& make);

}  // namespace competition
