// A workbook written as every output file is (formats/output_file.hpp: a
// temporary file beside the path renamed into place), so that a failed run
// leaves no half-written workbook: docs/report.md "xlsx", docs/cli.md "ledger".
#pragma once
#include <xlsxwriter.h>

#include <functional>
#include <string>

namespace competition {

// Creates the workbook, lets `fill` add its sheets, and closes it at `path`
// (never the database at `database`); a failure is Error(io) naming the path.
void write_workbook(const std::string& path, const std::string& database,
                    const std::function<void(lxw_workbook*)>& fill);

}  // namespace competition
