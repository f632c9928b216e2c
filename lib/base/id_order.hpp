// Rows visited in the byte order of their ids: std::string's `<`, which is
// SQLite's BINARY collation, so the order of the tables' keys. Storing a
// national round's scores or decision in key order appends to the B-tree
// instead of inserting all over it; sorting a million ids as strings was a
// quarter of that. Here they are sorted on their first eight bytes as one
// integer, the strings compared only when those are equal.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace competition {

// The first eight bytes of `id` as a big-endian integer, zero-padded: it orders
// ids as their bytes do wherever it differs (ids hold no NUL byte: a shorter id
// that begins a longer one still comes first).
inline std::uint64_t id_prefix(std::string_view id) {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < 8; ++i) key = key << 8 | (i < id.size() ? static_cast<unsigned char>(id[i]) : 0u);
  return key;
}

// Calls `visit(row)` for every row of `rows` in the order of `id_of(row)`.
template <class T, class IdOf, class Visit>
void each_in_id_order(const std::vector<T>& rows, IdOf id_of, Visit visit) {
  struct Key {
    std::uint64_t prefix;
    const T* row;
  };
  std::vector<Key> keys;
  keys.reserve(rows.size());
  for (const T& r : rows) keys.push_back({id_prefix(id_of(r)), &r});
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    return std::string_view(id_of(*a.row)) < std::string_view(id_of(*b.row));
  });
  for (const Key& k : keys) visit(*k.row);
}

}  // namespace competition
