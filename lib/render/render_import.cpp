#include "render/render_import.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "render/conflict_words.hpp"
#include "render/warning_cap.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

// `N rows read, A added, U updated, K unchanged[, B blank]` (blank rows when
// there are any, or always: the files of a directory show the same counts).
std::string counts_text(const ImportSummary& s, bool dry_run, bool every_count = false,
                        std::string_view after = " (dry run: nothing written)") {
  std::string blank = s.blank > 0 || every_count ? fmt::format(", {} blank", s.blank) : std::string();
  return fmt::format("{} rows read, {} {}, {} {}, {} unchanged{}{}", s.read, s.added, dry_run ? "to add" : "added",
                     s.updated, dry_run ? "to update" : "updated", s.unchanged, blank, dry_run ? after : "");
}

nlohmann::ordered_json counts_json(const ImportSummary& s) {
  nlohmann::ordered_json out = {
      {"read", s.read}, {"added", s.added}, {"updated", s.updated}, {"unchanged", s.unchanged}};
  if (s.kind == ImportKind::reviews) out["blank"] = s.blank;
  return out;
}

nlohmann::ordered_json summary_json(const ImportSummary& s) {
  nlohmann::ordered_json errors = nlohmann::ordered_json::array();
  for (const auto& d : s.errors) {
    nlohmann::ordered_json e =
        d.sheet.empty() ? nlohmann::ordered_json{{"line", d.line}, {"column", d.column}}
                        : nlohmann::ordered_json{{"sheet", d.sheet}, {"cell", cell_reference(d.line, d.column)}};
    e["field"] = d.field;
    e["message"] = d.message.en;  // JSON is English (docs/cli.md)
    errors.push_back(e);
  }
  nlohmann::ordered_json out = {{"file", s.file}, {"kind", std::string(to_string(s.kind))}};
  out.update(counts_json(s));
  out["errors"] = errors;
  if (!s.round.empty()) out["round"] = s.round;
  return out;
}

}  // namespace

std::string render_import_text(const ImportSummary& s, bool dry_run) {
  return fmt::format("{}: {}\n", s.file, counts_text(s, dry_run));
}

std::string render_import_json(const ImportSummary& s) { return summary_json(s).dump() + "\n"; }

std::string render_directory_import_text(const DirectoryImport& d, bool dry_run) {
  std::string out;
  std::size_t refused = 0;  // files with errors: they add nothing, and the directory would be refused
  for (const ImportSummary& s : d.files) {
    out += fmt::format("{}: {}\n", s.file, counts_text(s, dry_run, true));
    refused += !s.errors.empty();
  }
  const std::string after = refused == 0 ? std::string(" (dry run: nothing written)")
                                         : fmt::format(
                                               " (dry run: errors in {} of {} files: the directory would be "
                                               "refused, nothing written)",
                                               refused, d.files.size());
  out += fmt::format("{}: {} files, {}\n", d.directory, d.files.size(), counts_text(d.total(), dry_run, true, after));
  return out;
}

std::string render_directory_import_json(const DirectoryImport& d) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const ImportSummary& s : d.files) files.push_back(summary_json(s));
  return nlohmann::ordered_json{{"files", files}, {"total", counts_json(d.total())}}.dump() + "\n";
}

namespace {

constexpr PerLang<const char*> repeated_vote_words{
    .uk = "{}:{}: попередження: виборець {} вказав проєкт {} у бюлетені двічі; голос зараховано один раз\n",
    .en = "{}:{}: warning: voter {} lists project {} twice in the ballot; the vote counts once\n",
};

}  // namespace

std::string render_import_warnings(const ImportSummary& s, Lang lang) {
  const std::size_t conflicts = s.unknown_conflicts.size();
  auto line = [&](std::size_t i) {
    if (i < conflicts) return unknown_conflict_warning(s.unknown_conflicts[i], lang) + '\n';
    const RepeatedVote& v = s.repeated_votes[i - conflicts];
    return fmt::format(fmt::runtime(repeated_vote_words[lang]), s.file, v.line, v.voter, v.project);
  };
  return capped_warnings(conflicts + s.repeated_votes.size(), line, lang);
}

}  // namespace competition
