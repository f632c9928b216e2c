#include "engine/assignment_check.hpp"

#include <algorithm>
#include <map>

namespace competition {

std::vector<AssignmentChange> assignment_changes(const AssignmentCheckInput& in) {
  using Kind = AssignmentChange::Kind;
  std::vector<AssignmentChange> out;
  if (in.pairs.empty()) return out;
  std::map<std::string, std::int64_t> per_application, per_reviewer;
  for (const auto& [application, reviewer] : in.pairs) {
    ++per_application[application];
    ++per_reviewer[reviewer];
  }
  const std::set<std::string> applications(in.applications.begin(), in.applications.end());
  std::map<std::string, std::optional<std::int64_t>> capacity(in.reviewers.begin(), in.reviewers.end());
  std::vector<std::string> sorted = in.applications;
  std::sort(sorted.begin(), sorted.end());
  for (const std::string& a : sorted) {
    const auto it = per_application.find(a);
    const std::int64_t has = it == per_application.end() ? 0 : it->second;
    if (!in.withdrawn.count(a) && has < in.per_application)
      out.push_back({Kind::uncovered, a, {}, has, in.per_application});
  }
  for (const auto& [a, count] : per_application)
    if (in.withdrawn.count(a)) out.push_back({Kind::withdrawn, a, {}, count, 0});
  for (const auto& [a, count] : per_application)
    if (!applications.count(a)) out.push_back({Kind::application_gone, a, {}, count, 0});
  for (const auto& [r, count] : per_reviewer)
    if (!capacity.count(r)) out.push_back({Kind::reviewer_gone, {}, r, count, 0});
  for (const auto& [a, r] : in.pairs)
    if (applications.count(a) && capacity.count(r) && !in.withdrawn.count(a) && in.conflicted(a, r))
      out.push_back({Kind::conflict, a, r, 0, 0});
  for (const auto& [r, count] : per_reviewer) {
    const auto it = capacity.find(r);
    if (it != capacity.end() && it->second && count > *it->second)
      out.push_back({Kind::over_capacity, {}, r, count, *it->second});
  }
  return out;
}

}  // namespace competition
