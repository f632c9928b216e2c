#include "render/number_style.hpp"

#include <algorithm>

#include "render/words.hpp"

namespace competition {

namespace {

constexpr PerLang<char> decimal_separator{.uk = ',', .en = '.'};

}  // namespace

std::string money_text(Money m, Lang lang) {
  std::string out;
  append_money(out, m, lang);
  return out;
}

void append_money(std::string& out, Money m, Lang lang) {
  switch (lang) {
    case Lang::uk:
      m.append_ukrainian(out);
      return;
    case Lang::en:
      m.append_to(out);
      return;
  }
}

std::string fixed_text(const Rational& v, int places, Lang lang) {
  std::string out;
  append_fixed(out, v, places, lang);
  return out;
}

void append_fixed(std::string& out, const Rational& v, int places, Lang lang) {
  switch (lang) {
    case Lang::uk:
      v.append_fixed_ukrainian(out, places);
      return;
    case Lang::en:
      v.append_fixed(out, places);
      return;
  }
}

std::string with_decimal_separator(std::string text, Lang lang) {
  char separator = decimal_separator[lang];
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '.' || c == ','; }, separator);
  return text;
}

}  // namespace competition
