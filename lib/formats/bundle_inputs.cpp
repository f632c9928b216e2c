#include "formats/bundle_inputs.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "values/conflicts.hpp"
#include "values/edrpou.hpp"
#include "values/organisation_name.hpp"

namespace competition {

namespace {

// Name key -> the coded organisation that name belongs to: the one of the
// earliest imported application with that name and a code (the store, too,
// takes the first coded organisation created with that name).
std::map<std::string, std::string> coded_by_name(const std::vector<Application>& applications) {
  std::vector<const Application*> coded;
  for (const auto& a : applications)
    if (!a.edrpou.empty()) coded.push_back(&a);
  std::sort(coded.begin(), coded.end(), [](const Application* x, const Application* y) {
    return x->input_order != y->input_order ? x->input_order < y->input_order : x->id < y->id;
  });
  std::map<std::string, std::string> out;
  for (const Application* a : coded) out.emplace(organisation_name_key(a->organisation), "code:" + a->edrpou);
  return out;
}

}  // namespace

// docs/formats.md "Organisations", organisation identity.
void assign_organisations(std::vector<Application>& applications) {
  const std::map<std::string, std::string> by_name = coded_by_name(applications);
  for (auto& a : applications) {
    if (!a.edrpou.empty()) {
      a.organisation_key = "code:" + a.edrpou;
      continue;
    }
    std::string key = organisation_name_key(a.organisation);
    auto it = by_name.find(key);
    a.organisation_key = it != by_name.end() ? it->second : "name:" + key;
  }
}

// docs/formats.md "reviews.csv", conflicts of interest (as the import decides them).
void mark_conflicts(const std::vector<Application>& applications, const std::vector<Reviewer>& reviewers,
                    std::vector<Review>& reviews) {
  const std::map<std::string, std::string> by_name = coded_by_name(applications);
  // Every other name an organisation is known by in the bundle.
  std::map<std::string, std::set<std::string>> names_of;
  for (const auto& a : applications) names_of[a.organisation_key].insert(organisation_name_key(a.organisation));
  // The other way round: each name to the first organisation (in key order)
  // known by it, looked up once per conflict instead of a walk over every
  // organisation (a national round has 100 000s).
  std::map<std::string, std::string> org_of_name;
  for (const auto& [org, names] : names_of)
    for (const std::string& name : names) org_of_name.emplace(name, org);
  auto organisation_named = [&](const std::string& key) -> std::string {
    auto it = by_name.find(key);
    if (it != by_name.end()) return it->second;
    auto named = org_of_name.find(key);
    if (named != org_of_name.end()) return named->second;
    return "name:" + key;
  };

  struct Ties {
    std::set<std::string> organisations, codes, names;
  };
  std::map<std::string, Ties> ties;
  for (const Reviewer& r : reviewers) {
    Ties t;
    for (const std::string& c : r.conflicts) {
      auto code = normalize_edrpou(c);
      if (code) t.codes.insert(*code);
      std::string key = organisation_name_key(c);
      t.names.insert(key);
      // An entry of digits that is a valid code names an organisation by code
      // only; anything else by name (store/organisations.cpp find_organisation).
      t.organisations.insert(is_code_entry(c) && code ? "code:" + *code : organisation_named(key));
    }
    ties.emplace(r.id, std::move(t));
  }
  std::map<std::string, const Application*> apps;
  for (const auto& a : applications) apps.emplace(a.id, &a);
  for (Review& rv : reviews) {
    auto a = apps.find(rv.application);
    auto t = ties.find(rv.reviewer);
    if (a == apps.end() || t == ties.end()) continue;
    const Application& app = *a->second;
    rv.excluded = t->second.organisations.count(app.organisation_key) > 0 ||
                  (!app.edrpou.empty() && t->second.codes.count(app.edrpou) > 0) ||
                  t->second.names.count(organisation_name_key(app.organisation)) > 0;
  }
}

}  // namespace competition
