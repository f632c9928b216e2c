// The outputs of `competition status`: JSON and text.
#pragma once
#include <string>

#include "values/lang.hpp"
#include "values/status_report.hpp"

namespace competition {

std::string render_status_json(const StatusReport& s);
std::string render_status_text(const StatusReport& s, Lang lang);

}  // namespace competition
