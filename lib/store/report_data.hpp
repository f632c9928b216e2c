// docs/report.md: reads from the store what the yearly indicators need (rounds,
// their applications, latest decisions and outcomes, and the history table)
// and builds the report's table model. The only part of the report that
// touches the database.
#pragma once
#include "engine/category_report.hpp"
#include "engine/indicators.hpp"
#include "engine/service_report.hpp"
#include "store/store.hpp"

namespace competition {

// Every round (allocated ones with their decision lines, applications, the
// outcomes received by the end of `paid_as_of` (values/report_received.hpp;
// an outcome without `received_on` counts) and the payments made by then; the
// others with id, year and currency only) and the history rows.
[[nodiscard]] ReportInput load_report_input(Store& store, const std::string& paid_as_of);

// docs/report.md: the table for the years asked (default: every year known),
// `paid` as of the end of `paid_as_of` (YYYY-MM-DD).
[[nodiscard]] ReportTable build_report(Store& store, const ReportYears& asked, const std::string& paid_as_of);
// docs/report.md "By category" and "By service": the tables for the years asked.
[[nodiscard]] CategoryTable build_category_report(Store& store, const ReportYears& asked = {});
[[nodiscard]] ServiceTable build_service_report(Store& store, const ReportYears& asked = {});

}  // namespace competition
