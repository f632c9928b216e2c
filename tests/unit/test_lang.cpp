// values/lang.hpp and render/words.hpp: the language of `--lang` and words picked by it.
#include <doctest/doctest.h>

#include "render/words.hpp"
#include "values/lang.hpp"

using namespace competition;

TEST_CASE("lang: `uk` and `en` parsed and written back, anything else refused") {
  CHECK(parse_lang("uk") == Lang::uk);
  CHECK(parse_lang("en") == Lang::en);
  CHECK_FALSE(parse_lang("").has_value());
  CHECK_FALSE(parse_lang("EN").has_value());
  CHECK_FALSE(parse_lang("ua").has_value());
  CHECK(to_string(Lang::uk) == "uk");
  CHECK(to_string(Lang::en) == "en");
}

TEST_CASE("words: a PerLang gives each language its own constant") {
  struct Labels {
    const char* yes;
    int order;
  };
  constexpr PerLang<Labels> labels{.uk = {.yes = "так", .order = 1}, .en = {.yes = "yes", .order = 2}};
  CHECK(std::string(labels[Lang::uk].yes) == "так");
  CHECK(std::string(labels[Lang::en].yes) == "yes");
  static_assert(labels[Lang::en].order == 2);
  static_assert(labels[Lang::uk].order == 1);
}
