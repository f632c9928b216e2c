// The layouts of the minutes (docs/decisions.md "The minutes" (`competition minutes`)): Markdown, and one
// self-contained HTML page (inline style sheet, no scripts, nothing loaded from
// elsewhere) laid out for printing on A4.
#pragma once
#include <string>

#include "render/minutes_document.hpp"

namespace competition {

std::string render_minutes_md(const MinutesDocument& doc);
std::string render_minutes_html(const MinutesDocument& doc);

}  // namespace competition
