// Writing a workbook with libxlsxwriter (docs/report.md "xlsx", docs/cli.md
// "sheets"): text cells escaped and cut to what a cell holds, and the file
// written as every output file is (formats/output_file.hpp).
#pragma once
#include <xlsxwriter.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace competition {

// The most characters an xlsx cell holds (Excel's limit; libxlsxwriter refuses a longer string).
inline constexpr std::size_t xlsx_cell_chars = 32767;

// The number of UTF-8 characters of `s`.
[[nodiscard]] std::size_t utf8_length(std::string_view s);

// Every text cell: escaped for XML (render/xlsx_text.hpp), cut to
// xlsx_cell_chars ending with `…`, a string cell, never a formula.
void xlsx_write_text(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, std::string_view text, lxw_format* f);

// Makes a workbook at `path` with `build` (through a temporary file beside it
// renamed into place, never over `database`), so that a failed run leaves no
// half-written workbook. Error(io) naming `path` when it cannot be written.
void write_workbook(const std::string& path, const std::string& database,
                    const std::function<void(lxw_workbook*)>& build);

}  // namespace competition
