// What the store adds to the inputs, derived again from a bundle's files alone
// (`audit bundle` has no database): the identity of organisations, for
// `max_awards_per_organisation`, and the conflicts of interest that exclude
// reviews (docs/decisions.md: excluded reviews stay in the canonical
// reviews.csv; the conflict follows from reviewers.csv). Pure: no database.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/string_index.hpp"
#include "values/model.hpp"

namespace competition {

// docs/formats.md "Organisations": an organisation is identified by its ЄДРПОУ
// when given, else by its name with case and spaces normalised; a row without
// a code whose normalised name is that of an organisation known with a code
// (here: another application of the bundle) is that organisation. Sets every
// application's organisation_key. Within one round this is what the store
// resolves; across rounds the store may know more (docs/audit.md).
void assign_organisations(std::vector<Application>& applications);

// docs/formats.md "reviews.csv": a review is excluded when its reviewer's
// `conflicts` name the application's organisation: by code, by name
// (normalised), or as another name or the code of the same organisation.
// Made once from the bundle's applications (assign_organisations must have
// run) and reviewers, then asked review by review, so that a national round's
// reviews need not be held.
class Conflicts {
 public:
  // `applications` is kept by reference and must outlive this.
  Conflicts(const std::vector<Application>& applications, const std::vector<Reviewer>& reviewers);
  Conflicts(const std::vector<Application>&&, const std::vector<Reviewer>&) = delete;

  // False for an unknown application or reviewer (such a review is left as it is).
  [[nodiscard]] bool excluded(std::string_view application, std::string_view reviewer) const;
  // Whether the id is that of one of the applications or reviewers given.
  [[nodiscard]] bool knows_application(std::string_view id) const { return application_.find(id) != nullptr; }
  [[nodiscard]] bool knows_reviewer(std::string_view id) const { return reviewer_.find(id) != nullptr; }

 private:
  // What one reviewer's conflicts name.
  struct Ties {
    std::set<std::string> organisations, codes, names;
  };
  const std::vector<Application>& applications_;
  StringIndex<std::uint32_t> application_;  // id -> position in applications_ (the first with that id)
  StringIndex<std::uint32_t> reviewer_;     // id -> position in ties_ (the first with that id)
  std::vector<Ties> ties_;
};

}  // namespace competition
