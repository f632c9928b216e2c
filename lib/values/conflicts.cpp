#include "values/conflicts.hpp"

#include <algorithm>
#include <map>

#include "base/text.hpp"
#include "values/edrpou.hpp"
#include "values/organisation_name.hpp"

namespace competition {

bool is_code_entry(std::string_view entry) {
  entry = trim(entry);
  return !entry.empty() && std::all_of(entry.begin(), entry.end(), [](char c) { return c >= '0' && c <= '9'; });
}

ConflictList parse_conflicts(std::string_view cell) {
  ConflictList out;
  // identity (`code:` + 8 digits, or `name:` + name key) -> the byte-smallest spelling
  std::map<std::string, std::string> kept;
  auto keep = [&kept](std::string identity, std::string spelling) {
    auto [it, fresh] = kept.emplace(std::move(identity), spelling);
    if (!fresh && spelling < it->second) it->second = std::move(spelling);
  };
  each_piped_entry(cell, [&](std::string_view part) {
    if (!is_code_entry(part))
      keep("name:" + organisation_name_key(part), std::string(part));
    else if (auto code = normalize_edrpou(part))
      keep("code:" + *code, *code);
    else
      out.invalid_codes.emplace_back(part);
  });
  for (auto& [identity, spelling] : kept) out.entries.push_back(std::move(spelling));
  std::sort(out.entries.begin(), out.entries.end());
  return out;
}

std::string join_conflicts(const std::vector<std::string>& entries) { return join(entries, "|"); }

}  // namespace competition
