#include "formats/bundle_inputs.hpp"

#include <string>
#include <tuple>

#include "values/conflicts.hpp"
#include "values/edrpou.hpp"
#include "values/organisation_name.hpp"

namespace competition {

namespace {

// Name key -> the position of the application whose code that name belongs to:
// the earliest imported application with that name and a code (the store,
// too, takes the first coded organisation created with that name). With
// `wanted`, only the names it holds.
StringIndex<std::uint32_t> coded_by_name(const std::vector<Application>& applications,
                                         const StringIndex<bool>* wanted = nullptr) {
  StringIndex<std::uint32_t> out;
  for (std::size_t i = 0; i < applications.size(); ++i) {
    const Application& a = applications[i];
    if (a.edrpou.empty()) continue;
    const std::string key = organisation_name_key(a.organisation);
    if (wanted && !wanted->find(key)) continue;
    auto [first, fresh] = out.emplace(key, static_cast<std::uint32_t>(i));
    const Application& b = applications[*first];
    if (!fresh && std::tie(a.input_order, a.id) < std::tie(b.input_order, b.id)) *first = static_cast<std::uint32_t>(i);
  }
  return out;
}

}  // namespace

// docs/formats.md "Organisations", organisation identity.
void assign_organisations(std::vector<Application>& applications) {
  const StringIndex<std::uint32_t> by_name = coded_by_name(applications);
  for (auto& a : applications) {
    if (!a.edrpou.empty()) {
      a.organisation_key = "code:" + a.edrpou;
      continue;
    }
    std::string key = organisation_name_key(a.organisation);
    const std::uint32_t* coded = by_name.find(key);
    a.organisation_key = coded ? "code:" + applications[*coded].edrpou : "name:" + key;
  }
}

// docs/formats.md "reviews.csv", conflicts of interest (as the import decides them).
Conflicts::Conflicts(const std::vector<Application>& applications, const std::vector<Reviewer>& reviewers)
    : applications_(applications) {
  application_.reserve(applications.size());
  for (std::size_t i = 0; i < applications.size(); ++i)
    application_.emplace(applications[i].id, static_cast<std::uint32_t>(i));
  // The coded organisations of the names the conflicts give. A name no coded
  // application has is the organisation `name:` + it: assign_organisations
  // gave that key to every application of that name.
  StringIndex<bool> named;
  for (const Reviewer& r : reviewers)
    for (const std::string& c : r.conflicts) named.emplace(organisation_name_key(c), true);
  const StringIndex<std::uint32_t> by_name = coded_by_name(applications, &named);

  for (const Reviewer& r : reviewers) {
    if (!reviewer_.emplace(r.id, static_cast<std::uint32_t>(ties_.size())).second) continue;
    Ties t;
    for (const std::string& c : r.conflicts) {
      auto code = normalize_edrpou(c);
      if (code) t.codes.insert(*code);
      std::string key = organisation_name_key(c);
      // An entry of digits that is a valid code names an organisation by code
      // only; anything else by name (store/organisations.cpp find_organisation).
      if (is_code_entry(c) && code) {
        t.organisations.insert("code:" + *code);
      } else {
        const std::uint32_t* coded = by_name.find(key);
        t.organisations.insert(coded ? "code:" + applications[*coded].edrpou : "name:" + key);
      }
      t.names.insert(std::move(key));
    }
    ties_.push_back(std::move(t));
  }
}

bool Conflicts::excluded(std::string_view application, std::string_view reviewer) const {
  const std::uint32_t* a = application_.find(application);
  const std::uint32_t* r = reviewer_.find(reviewer);
  if (!a || !r) return false;
  const Application& app = applications_[*a];
  const Ties& t = ties_[*r];
  return t.organisations.count(app.organisation_key) > 0 || (!app.edrpou.empty() && t.codes.count(app.edrpou) > 0) ||
         (!t.names.empty() && t.names.count(organisation_name_key(app.organisation)) > 0);
}

}  // namespace competition
