#include "engine/audit_report.hpp"

namespace competition {

bool AuditResult::ok() const {
  for (const auto& r : rounds)
    if (!r.ok()) return false;
  return true;
}

}  // namespace competition
