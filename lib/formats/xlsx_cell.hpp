// Cell values of a workbook turned into the text a CSV cell would hold
// (docs/formats.md "Workbooks (.xlsx)"): numbers from their stored decimal
// text rounded as Excel shows them, dates from serial days. Exact decimal
// arithmetic on the text: no floating point.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace competition {

// The number stored as `text` (`-1.5`, `0.30000000000000004`, `3.2129E4`)
// rounded half away from zero to 15 significant digits and written without
// exponent or trailing fractional zeros (`0.3`, `32129`); nullopt when `text`
// is not a number.
std::optional<std::string> xlsx_number_text(std::string_view text);

// `number` (as xlsx_number_text gives it) with exactly `decimals` decimals,
// rounded half away from zero (`1.25`, 1 → `1.3`; `1`, 2 → `1.00`).
std::string xlsx_fixed_decimals(std::string_view number, int decimals);

// The decimals a number format shows (`0.0` → 1, built-in 2 and 4 → 2,
// `#,##0` → 0); -1 for General, percentages, exponents and text.
int xlsx_format_decimals(int id, std::string_view code);

// Whether a number format shows a date: the built-in date and date-time
// formats (14-17, 22, 27-36, 50-58), or a custom `code` made of date codes
// (y, d, or m not next to h or s), quoted literals and `[…]` sections
// ignored. A time-only format is not a date.
bool xlsx_is_date_format(int id, std::string_view code);

// Serial days (15-digit number text, as xlsx_number_text gives) as
// `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when the time of day (the fraction
// rounded to the nearest second) is not 00:00:00. 1900 system: 1 is
// 1900-01-01 and Excel's phantom 1900-02-29 (60) is counted; 1904 system: 0
// is 1904-01-01. nullopt for serial 0 (1900), 60 (1900), negatives and years
// after 9999.
std::optional<std::string> xlsx_serial_date(std::string_view number, bool date1904);

}  // namespace competition
