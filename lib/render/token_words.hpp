// The machine tokens of a result (reasons, flags) in words for people, each
// distinct token worded once: a national round repeats a handful of tokens
// hundreds of thousands of times (reason_words.hpp does the wording).
#pragma once
#include <map>
#include <string>
#include <string_view>

#include "values/lang.hpp"
#include "values/rules.hpp"

namespace competition {

class TokenWords {
 public:
  TokenWords(const Rules& rules, Lang lang) : rules_(rules), lang_(lang) {}
  // reason_in_words / flag_in_words; the views live as long as this object.
  std::string_view reason(std::string_view token);
  std::string_view flag(std::string_view token);

 private:
  const Rules& rules_;
  Lang lang_;
  std::map<std::string, std::string, std::less<>> reasons_, flags_;
};

}  // namespace competition
