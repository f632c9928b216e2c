// What the store adds to the inputs, derived again from a bundle's files alone
// (`audit bundle` has no database): the identity of organisations, for
// `max_awards_per_organisation`, and the conflicts of interest that exclude
// reviews (docs/decisions.md: excluded reviews stay in the canonical
// reviews.csv; the conflict follows from reviewers.csv). Pure functions.
#pragma once
#include <vector>

#include "values/model.hpp"

namespace competition {

// docs/formats.md "Organisations": an organisation is identified by its ЄДРПОУ
// when given, else by its name with case and spaces normalised; a row without
// a code whose normalised name is that of an organisation known with a code
// (here: another application of the bundle) is that organisation. Sets every
// application's organisation_key. Within one round this is what the store
// resolves; across rounds the store may know more (docs/audit.md).
void assign_organisations(std::vector<Application>& applications);

// docs/formats.md "reviews.csv": marks as excluded every review whose reviewer's
// `conflicts` name the application's organisation: by code, by name
// (normalised), or as another name or the code of the same organisation
// (assign_organisations must have run). Reviews of unknown applications or
// reviewers are left as they are.
void mark_conflicts(const std::vector<Application>& applications, const std::vector<Reviewer>& reviewers,
                    std::vector<Review>& reviews);

}  // namespace competition
