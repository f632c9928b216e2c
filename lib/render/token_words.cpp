#include "render/token_words.hpp"

#include "render/reason_words.hpp"

namespace competition {

std::string_view TokenWords::reason(std::string_view token) {
  auto it = reasons_.find(token);
  if (it == reasons_.end()) it = reasons_.emplace(token, reason_in_words(rules_, token, lang_)).first;
  return it->second;
}

std::string_view TokenWords::flag(std::string_view token) {
  auto it = flags_.find(token);
  if (it == flags_.end()) it = flags_.emplace(token, flag_in_words(rules_, token, lang_)).first;
  return it->second;
}

}  // namespace competition
