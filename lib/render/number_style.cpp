#include "render/number_style.hpp"

#include <algorithm>

#include "render/words.hpp"

namespace competition {

namespace {

struct NumberStyle {
  const char* group;  // between thousands
  char point;         // before the decimals
  const char* hryvnia;
};

constexpr PerLang<NumberStyle> number_style{
    .uk = {.group = " ", .point = ',', .hryvnia = "грн"},
    .en = {.group = ",", .point = '.', .hryvnia = "UAH"},
};

// `plain` (`-1470.90`, as Money::to_string and Rational::to_fixed write it) in the language's style.
void append_styled(std::string& out, std::string_view plain, Lang lang) {
  const NumberStyle& s = number_style[lang];
  if (plain.starts_with('-')) {
    out += '-';
    plain.remove_prefix(1);
  }
  auto point = plain.find('.');
  append_grouped(out, plain.substr(0, point), s.group);
  if (point == std::string_view::npos) return;
  out += s.point;
  out += plain.substr(point + 1);
}

}  // namespace

std::string money_text(Money m, Lang lang) {
  std::string out;
  append_money(out, m, lang);
  return out;
}

void append_money(std::string& out, Money m, Lang lang) { append_styled(out, m.to_string(), lang); }

std::string_view currency_word(std::string_view currency, Lang lang) {
  return currency == "UAH" ? std::string_view(number_style[lang].hryvnia) : currency;
}

std::string money_with_currency(Money m, std::string_view currency, Lang lang) {
  std::string out = money_text(m, lang);
  out += ' ';
  out += currency_word(currency, lang);
  return out;
}

std::string fixed_text(const Rational& v, int places, Lang lang) {
  std::string out;
  append_fixed(out, v, places, lang);
  return out;
}

void append_fixed(std::string& out, const Rational& v, int places, Lang lang) {
  append_styled(out, v.to_fixed(places), lang);
}

std::string integer_text(std::int64_t v, Lang lang) {
  std::string out;
  append_styled(out, std::to_string(v), lang);
  return out;
}

std::string with_decimal_separator(std::string text, Lang lang) {
  char separator = number_style[lang].point;
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '.' || c == ','; }, separator);
  return text;
}

}  // namespace competition
