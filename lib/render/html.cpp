#include "render/html.hpp"

#include <fmt/format.h>

#include "render/words.hpp"

namespace competition {

std::string html_escape(std::string_view s, Apostrophe apostrophe) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += apostrophe == Apostrophe::escaped ? "&#39;" : "'";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

// `"{text} · Сторінка " counter(page) " з " counter(pages)`: the words around the counters.
struct FooterWords {
  const char* page;
  const char* of;
};
constexpr PerLang<FooterWords> footer_words{.uk = {.page = "Сторінка ", .of = " з "},
                                            .en = {.page = "Page ", .of = " of "}};

// A CSS string's text: `"` and `\` escaped, control characters and `<` as
// hex escapes (a `</style>` inside cannot end the style sheet).
std::string css_string_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\')
      out += std::string("\\") + c;
    else if (u < 0x20 || u == 0x7F || c == '<')
      out += fmt::format("\\{:X} ", u);
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string page_footer_style(std::string_view text, Lang lang) {
  const FooterWords& w = footer_words[lang];
  return fmt::format(
      "@page {{ @bottom-center {{ content: \"{} · {}\" counter(page) \"{}\" counter(pages); font: 7.5pt "
      "\"DejaVu Sans\", \"Liberation Sans\", Arial, sans-serif; color: #444; }} }}\n",
      css_string_text(text), w.page, w.of);
}

std::string html_page_start(std::string_view lang, std::string_view title, std::string_view style,
                            Apostrophe apostrophe) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"";
  out += lang;
  out +=
      "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n<title>";
  out += html_escape(title, apostrophe);
  out += "</title>\n<style>\n";
  out += style;
  out += "</style>\n</head>\n<body>\n<main>\n";
  return out;
}

}  // namespace competition
