// The file name of a reviewer's score sheet (docs/cli.md "sheets"):
// `<round>-<reviewer>.<extension>`, every character outside [A-Za-z0-9._-]
// (a `/` of an id, each byte of a non-ASCII one) replaced by `_`.
#pragma once
#include <string>
#include <string_view>

namespace competition {

[[nodiscard]] std::string score_sheet_name(std::string_view round, std::string_view reviewer,
                                           std::string_view extension);

}  // namespace competition
