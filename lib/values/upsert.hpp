// The classification every import shares (docs/cli.md "import"): a row read from a
// file, compared with the stored row of its key, is added, unchanged, updated
// (--replace) or a conflict. Pure: the callers read the stored row and write.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace competition {

enum class Upsert { added, unchanged, updated, conflict };

// One field of a row compared with its stored value.
struct FieldComparison {
  std::string_view name;
  bool same = true;
};

// The names of the fields that differ, in the given order, joined by ", "
// (empty when none does): what a conflict message lists.
std::string changed_fields(std::initializer_list<FieldComparison> fields);

// `changed`: nullopt when no row of the key is stored, else the changed_fields
// of the stored row. Added when none is stored; unchanged when no field
// differs; updated when some do and `replace` was given; a conflict otherwise.
Upsert classify_upsert(const std::optional<std::string>& changed, bool replace);

}  // namespace competition
