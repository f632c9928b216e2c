// An open-addressing hash map from strings to small values, for the lookups a
// bulk import makes once or twice per row (ids seen in the file, the round's
// applications and reviewers, organisations by name or code). Keys are copied
// into one arena and slots sit in one array, so a lookup costs one or two cache
// misses instead of std::unordered_map's three or four (bucket, node, key) —
// at a million rows that was a fifth of an import. Insert and find only (a
// caller that must forget a key stores a sentinel value).
#pragma once
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace competition {

template <class V>
class StringIndex {
 public:
  StringIndex() { rehash(16); }

  std::size_t size() const { return size_; }

  // Room for `n` keys without growing.
  void reserve(std::size_t n) {
    std::size_t want = slots_.size();
    while (n * 10 > want * 7) want *= 2;
    if (want != slots_.size()) rehash(want);
  }

  V* find(std::string_view key) {
    const std::uint64_t full = hash(key);
    const std::uint32_t h = tag(full);
    for (std::size_t i = full & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.mark == 0) return nullptr;
      if (s.mark == h && key_of(s) == key) return &s.value;
    }
  }
  const V* find(std::string_view key) const { return const_cast<StringIndex*>(this)->find(key); }

  // The value stored under `key` and true, after storing `value` there; or the
  // value already stored and false (like std::unordered_map::emplace).
  std::pair<V*, bool> emplace(std::string_view key, V value) {
    if ((size_ + 1) * 10 > slots_.size() * 7) rehash(slots_.size() * 2);  // load factor <= 0.7
    const std::uint64_t full = hash(key);
    const std::uint32_t h = tag(full);
    for (std::size_t i = full & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.mark == 0) {
        if (arena_.size() + key.size() > UINT32_MAX) throw std::length_error("StringIndex: keys exceed 4 GiB");
        s.mark = h;
        s.offset = static_cast<std::uint32_t>(arena_.size());
        s.length = static_cast<std::uint32_t>(key.size());
        s.value = std::move(value);
        arena_.append(key);
        ++size_;
        return {&s.value, true};
      }
      if (s.mark == h && key_of(s) == key) return {&s.value, false};
    }
  }

 private:
  struct Slot {
    std::uint32_t mark = 0;  // tag(): the high half of the hash, never 0; 0 marks an empty slot
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
    V value{};
  };

  // The low bits of the hash choose the slot, the high half (tag) rejects most
  // non-matching slots without touching the arena.
  static std::uint64_t hash(std::string_view key) { return std::hash<std::string_view>{}(key); }
  static std::uint32_t tag(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32) | 1u; }
  std::string_view key_of(const Slot& s) const { return std::string_view(arena_).substr(s.offset, s.length); }

  void rehash(std::size_t n) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(n, Slot{});
    mask_ = n - 1;
    for (Slot& s : old) {
      if (s.mark == 0) continue;
      std::size_t i = hash(key_of(s)) & mask_;
      while (slots_[i].mark != 0) i = (i + 1) & mask_;
      slots_[i] = std::move(s);
    }
  }

  std::vector<Slot> slots_;
  std::string arena_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace competition
