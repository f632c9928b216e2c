#include "values/lang.hpp"

namespace competition {

std::optional<Lang> parse_lang(std::string_view text) {
  if (text == "uk") return Lang::uk;
  if (text == "en") return Lang::en;
  return std::nullopt;
}

std::string_view to_string(Lang lang) {
  switch (lang) {
    case Lang::uk:
      return "uk";
    case Lang::en:
      return "en";
  }
  return "uk";
}

}  // namespace competition
