// Applications by id for the renderers, which look one up per printed row (a
// national round prints 100 000s): a StringIndex (one or two cache misses a
// lookup; std::unordered_map's were a tenth of `score`). The first application
// of an id wins; the vector must outlive the index.
#pragma once
#include <string_view>
#include <vector>

#include "base/string_index.hpp"
#include "values/model.hpp"

namespace competition {

inline StringIndex<const Application*> applications_by_id(const std::vector<Application>& applications) {
  StringIndex<const Application*> out;
  out.reserve(applications.size());
  for (const auto& a : applications) out.emplace(a.id, &a);
  return out;
}

// The application with `id`, or nullptr.
inline const Application* find_application(const StringIndex<const Application*>& index, std::string_view id) {
  const Application* const* a = index.find(id);
  return a ? *a : nullptr;
}

// Its organisation's name as written in the application, or "".
inline std::string_view organisation_name(const StringIndex<const Application*>& index, std::string_view id) {
  const Application* a = find_application(index, id);
  return a ? std::string_view(a->organisation) : std::string_view();
}

}  // namespace competition
