#include "render/html.hpp"

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
