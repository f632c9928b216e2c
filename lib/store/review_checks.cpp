#include "store/review_checks.hpp"

#include <algorithm>

#include "store/bulk_statement.hpp"
#include "store/organisations.hpp"
#include "values/edrpou.hpp"
#include "values/organisation_name.hpp"

namespace competition {

// A conflict entry matches an application by the organisation it resolves
// to, by the application's code, or by the application's organisation name.
ReviewChecks::ReviewChecks(Store& store, const RoundRecord& round) {
  Named by_code, by_name;
  load_reviewers(store, store.reviewers(round.id), by_code, by_name);
  load_applications(store, round, by_code, by_name);
}

ReviewChecks::ReviewChecks(Store& store, const std::vector<Reviewer>& reviewers,
                           const std::vector<Application>& applications) {
  Named by_code, by_name;
  load_reviewers(store, reviewers, by_code, by_name);
  app_index_.reserve(applications.size());
  apps_.reserve(applications.size());
  for (const Application& a : applications)
    add_application(a.id, stored_organisation_id(a), a.edrpou, a.organisation, by_code, by_name);
}

void ReviewChecks::load_reviewers(Store& store, const std::vector<Reviewer>& reviewers, Named& by_code,
                                  Named& by_name) {
  for (const auto& rv : reviewers) {
    auto r = static_cast<std::uint32_t>(reviewers_.size());
    ReviewerInfo info;
    info.declares = !rv.conflicts.empty();
    for (const auto& c : rv.conflicts) {
      if (auto org = find_organisation(store.db(), c); org >= 0) info.orgs.push_back(org);
      if (auto code = normalize_edrpou(c)) by_code[*code].push_back(r);
      by_name[organisation_name_key(c)].push_back(r);
    }
    reviewer_index_.emplace(rv.id, r);
    reviewers_.push_back(std::move(info));
  }
}

void ReviewChecks::load_applications(Store& store, const RoundRecord& round, const Named& by_code,
                                     const Named& by_name) {
  BulkStatement q(
      store.db(),
      "SELECT id, organisation_id, COALESCE(edrpou, ''), organisation FROM applications WHERE round_id = ?");
  q.text(1, round.id);
  while (q.step())
    add_application(q.column_text(0), q.column_int64(1), q.column_text(2), q.column_text(3), by_code, by_name);
}

void ReviewChecks::add_application(std::string_view id, std::int64_t org, std::string_view edrpou,
                                   std::string_view organisation, const Named& by_code, const Named& by_name) {
  auto i = static_cast<std::uint32_t>(apps_.size());
  AppInfo info;
  info.org = org;
  if (!by_name.empty()) {  // by_code has entries only when by_name has
    std::vector<std::uint32_t> named;
    if (!edrpou.empty())
      if (auto it = by_code.find(std::string(edrpou)); it != by_code.end()) named = it->second;
    if (auto it = by_name.find(organisation_name_key(organisation)); it != by_name.end())
      named.insert(named.end(), it->second.begin(), it->second.end());
    if (!named.empty()) named_by_.emplace(i, std::move(named));
  }
  app_index_.emplace(id, i);
  apps_.push_back(info);
}

bool ReviewChecks::conflicted(std::uint32_t a, std::uint32_t r) const {
  const auto& orgs = reviewers_[r].orgs;
  if (std::find(orgs.begin(), orgs.end(), apps_[a].org) != orgs.end()) return true;
  auto it = named_by_.find(a);
  return it != named_by_.end() && std::find(it->second.begin(), it->second.end(), r) != it->second.end();
}

int ReviewChecks::first_line(std::int64_t a, std::int64_t r, const std::string& application,
                             const std::string& reviewer_id, int line) {
  if (a < 0 || r < 0) {
    auto [it, fresh] = other_seen_.emplace(application + "\x1f" + reviewer_id, line);
    return fresh ? 0 : it->second;
  }
  AppInfo& info = apps_[static_cast<std::size_t>(a)];
  const auto rv = static_cast<std::uint32_t>(r);
  for (std::uint8_t i = 0; i < info.seen_count; ++i)
    if (info.seen[i].first == rv) return info.seen[i].second;
  if (info.seen_count < info.seen.size()) {
    info.seen[info.seen_count++] = {rv, line};
    return 0;
  }
  auto [it, fresh] = more_seen_.emplace((static_cast<std::uint64_t>(a) << 32) | rv, line);
  return fresh ? 0 : it->second;
}

}  // namespace competition
