// An open-addressing hash index over positions 0..n-1 of a caller's table,
// keyed by strings the table already holds (`key_of(position)`): four bytes a
// slot, where StringIndex (string_index.hpp) copies every key into its arena.
// For the allocation's lookups over a round's applications (their ids, their
// organisations), which at a million rows are built at its memory peak.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace competition {

template <class KeyOf>  // std::string_view key_of(std::uint32_t position), stable while indexed
class PositionIndex {
 public:
  // Room for `n` positions (the index does not grow).
  PositionIndex(std::size_t n, KeyOf key_of) : key_of_(std::move(key_of)) {
    if (n >= UINT32_MAX / 2) throw std::length_error("PositionIndex: too many positions");
    std::size_t want = 16;
    while (n * 10 > want * 7) want *= 2;  // load factor <= 0.7
    slots_.assign(want, 0);
    mask_ = want - 1;
  }

  // The position whose key equals that of `position` if one was inserted
  // before, else `position`, now inserted.
  std::uint32_t insert(std::uint32_t position) {
    if ((size_ + 1) * 10 > slots_.size() * 7) throw std::length_error("PositionIndex: more positions than room");
    std::string_view key = key_of_(position);
    for (std::size_t i = hash(key) & mask_;; i = (i + 1) & mask_) {
      if (slots_[i] == 0) {
        slots_[i] = position + 1;
        ++size_;
        return position;
      }
      if (key_of_(slots_[i] - 1) == key) return slots_[i] - 1;
    }
  }

  std::optional<std::uint32_t> find(std::string_view key) const {
    for (std::size_t i = hash(key) & mask_;; i = (i + 1) & mask_) {
      if (slots_[i] == 0) return std::nullopt;
      if (key_of_(slots_[i] - 1) == key) return slots_[i] - 1;
    }
  }

 private:
  static std::size_t hash(std::string_view key) { return std::hash<std::string_view>{}(key); }
  KeyOf key_of_;
  std::vector<std::uint32_t> slots_;  // position + 1; 0 marks an empty slot
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace competition
