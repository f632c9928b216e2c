#include "commands/score_sheets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>

#include "commands/commission_decisions.hpp"
#include "commands/read_snapshot.hpp"
#include "formats/output_file.hpp"
#include "formats/score_sheet_name.hpp"
#include "render/render_score_sheet.hpp"
#include "store/assignment_store.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_not_dir{
    .uk = "{}: існує й не є каталогом (оцінювальні листи записують у новий або порожній каталог)",
    .en = "{}: exists and is not a directory (score sheets are written into a new or empty directory)"};
constexpr PerLang<const char*> w_not_empty{
    .uk = "{}: каталог не порожній (оцінювальні листи записують у новий або порожній каталог)",
    .en = "{}: the directory is not empty (score sheets are written into a new or empty directory)"};
constexpr PerLang<const char*> w_no_assignment{.uk = "конкурс {} не має призначення експертів",
                                               .en = "round {} has no reviewer assignment"};
constexpr PerLang<const char*> w_not_assigned{.uk = "--reviewer {}: не експерт призначення конкурсу {}",
                                              .en = "--reviewer {}: not a reviewer of round {}'s assignment"};
constexpr PerLang<const char*> w_same_file{
    .uk = "експертів {} і {} було б записано в один файл {}: перейменуйте одного з них",
    .en = "reviewers {} and {} would both be written to {}: rename one of them"};
constexpr PerLang<const char*> w_mkdir{.uk = "{}: не вдається створити каталог: {}",
                                       .en = "{}: cannot make the directory: {}"};
constexpr PerLang<const char*> w_exists{.uk = "він існує", .en = "it exists"};

namespace {

namespace fs = std::filesystem;

// docs/cli.md "sheets": DIR must not exist, or be an empty directory. True when it must be made.
bool check_directory(const std::string& dir) {
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(dir, ec);
  if (st.type() == fs::file_type::not_found) return true;
  if (ec) throw Error(ErrorKind::io, fmt::format("{}: {}", dir, ec.message()));
  if (!fs::is_directory(dir, ec)) throw Error(ErrorKind::conflict, say(w_not_dir, dir));
  if (!fs::is_empty(dir, ec) || ec) throw Error(ErrorKind::conflict, say(w_not_empty, dir));
  return false;
}

// The files written so far, and the directory if made here, removed unless committed.
class WrittenFiles {
 public:
  WrittenFiles(std::string dir, bool made) : dir_(std::move(dir)), made_(made) {}
  ~WrittenFiles() {
    if (committed_) return;
    std::error_code ec;
    for (const auto& p : paths_) fs::remove(p, ec);
    if (made_) fs::remove(dir_, ec);
  }
  WrittenFiles(const WrittenFiles&) = delete;
  WrittenFiles& operator=(const WrittenFiles&) = delete;
  void add(std::string path) { paths_.push_back(std::move(path)); }
  std::vector<std::string> commit() {
    committed_ = true;
    return paths_;
  }

 private:
  std::string dir_;
  bool made_;
  bool committed_ = false;
  std::vector<std::string> paths_;
};

void write_text_file(const std::string& path, const std::string& text, const std::string& database) {
  OutputFile out(path, database);
  if (std::fwrite(text.data(), 1, text.size(), out.stream()) != text.size()) out.fail(errno);
  out.commit();
}

}  // namespace

std::vector<std::string> write_score_sheets(Store& store, const std::optional<std::string>& round_id,
                                            const SheetsOptions& o) {
  std::map<std::string, ScoreSheet> sheets;  // by reviewer id
  {
    ReadSnapshot snapshot(store);
    const RoundRecord round = store.resolve_round(round_id);
    const Rules rules = Store::rules_of(round);
    const std::vector<NamedPair> pairs = stored_assignment(store, round.id);
    if (pairs.empty()) throw Error(ErrorKind::conflict, say(w_no_assignment, round.id), Remedy::assign_first);
    for (const auto& [app, reviewer] : pairs) sheets[reviewer];
    for (const std::string& r : o.reviewers)
      if (!sheets.count(r)) throw Error(ErrorKind::invalid, say(w_not_assigned, r, round.id));
    if (!o.reviewers.empty())
      std::erase_if(sheets, [&](const auto& s) {
        return std::find(o.reviewers.begin(), o.reviewers.end(), s.first) == o.reviewers.end();
      });
    const std::set<std::string> withdrawn = standing_decisions(store, round.id).applied.withdrawn;
    std::map<std::string, Application> apps;
    for (Application& a : store.applications(round.id)) apps.emplace(a.id, std::move(a));
    std::map<NamedPair, Review> reviews;
    for (Review& rv : store.reviews(round.id, rules)) reviews.emplace(NamedPair{rv.application, rv.reviewer}, rv);
    for (auto& [reviewer, sheet] : sheets) {
      sheet.round = round.id;
      sheet.reviewer = reviewer;
      sheet.criteria = rules.criteria;
    }
    for (const auto& pair : pairs) {  // by application, then reviewer
      auto sheet = sheets.find(pair.second);
      auto app = apps.find(pair.first);
      if (sheet == sheets.end() || app == apps.end() || withdrawn.count(pair.first)) continue;
      const Application& a = app->second;
      ScoreSheetRow row{a.id, a.organisation, a.title, a.category, a.requested, a.cofinancing, {}, {}};
      if (auto rv = reviews.find(pair); rv != reviews.end()) {
        row.scores = rv->second.scores;
        row.comment = rv->second.comment;
      }
      sheet->second.rows.push_back(std::move(row));
    }
  }
  const char* extension = o.csv ? "csv" : "xlsx";
  std::map<std::string, std::string> names;  // file name -> reviewer
  for (const auto& [reviewer, sheet] : sheets) {
    auto [it, fresh] = names.emplace(score_sheet_name(sheet.round, reviewer, extension), reviewer);
    if (!fresh) throw Error(ErrorKind::invalid, say(w_same_file, it->second, reviewer, it->first));
  }
  const bool make = check_directory(o.directory);
  std::error_code ec;
  if (make && !fs::create_directory(o.directory, ec))
    throw Error(ErrorKind::io, say(w_mkdir, o.directory, ec ? Message(ec.message()) : say(w_exists)));
  WrittenFiles written(o.directory, make);
  const std::string prefix = !o.directory.empty() && o.directory.back() == '/' ? o.directory : o.directory + "/";
  for (const auto& [reviewer, sheet] : sheets) {
    const std::string path = prefix + score_sheet_name(sheet.round, reviewer, extension);
    written.add(path);
    if (o.csv)
      write_text_file(path, render_score_sheet_csv(sheet), o.database);
    else
      write_score_sheet_xlsx(sheet, o.lang, path, o.database);
  }
  return written.commit();
}

}  // namespace competition
