#include "values/upsert.hpp"

namespace competition {

std::string changed_fields(std::initializer_list<FieldComparison> fields) {
  std::string out;
  for (const auto& f : fields) {
    if (f.same) continue;
    if (!out.empty()) out += ", ";
    out += f.name;
  }
  return out;
}

Upsert classify_upsert(const std::optional<std::string>& changed, bool replace) {
  if (!changed) return Upsert::added;
  if (changed->empty()) return Upsert::unchanged;
  return replace ? Upsert::updated : Upsert::conflict;
}

}  // namespace competition
