#include "formats/score_sheet_name.hpp"

namespace competition {

namespace {

bool kept(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

}  // namespace

std::string score_sheet_name(std::string_view round, std::string_view reviewer, std::string_view extension) {
  std::string name;
  name.reserve(round.size() + reviewer.size() + extension.size() + 2);
  name.append(round).append("-").append(reviewer);
  for (char& c : name)
    if (!kept(c)) c = '_';
  return name.append(".").append(extension);
}

}  // namespace competition
