// ЄДРПОУ codes (docs/formats.md "applications.csv" `edrpou`): 8 digits, the last a
// check digit computed as python-stdnum's `stdnum.ua.edrpou` does.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace competition {

// Surrounding spaces and tabs are ignored; the rest must be 1–8 ASCII digits,
// left-padded with zeros to 8 (Excel drops leading zeros: `32129` is
// `00032129`), with a valid check digit. Returns the 8-digit form, else nullopt.
std::optional<std::string> normalize_edrpou(std::string_view text);

}  // namespace competition
