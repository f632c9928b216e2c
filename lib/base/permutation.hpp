// Reordering a big vector in place by an index order, without a second copy
// of it (a national round's scores are hundreds of megabytes).
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

namespace competition {

// Afterwards items[k] is what items[order[k]] was; `order` is a permutation of
// 0..items.size()-1.
template <class T>
void permute_in_place(std::vector<T>& items, const std::vector<std::uint32_t>& order) {
  std::vector<bool> placed(items.size(), false);
  for (std::size_t start = 0; start < items.size(); ++start) {
    if (placed[start]) continue;
    T first = std::move(items[start]);
    std::size_t k = start;
    while (true) {  // follow the cycle through `start`
      placed[k] = true;
      std::size_t from = order[k];
      if (from == start) {
        items[k] = std::move(first);
        break;
      }
      items[k] = std::move(items[from]);
      k = from;
    }
  }
}

}  // namespace competition
