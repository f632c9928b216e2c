#include "render/render_import.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "render/conflict_words.hpp"
#include "render/warning_cap.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

struct CountWords {
  const char* counts;  // read, added, updated, unchanged, blank, dry run note
  const char* added;
  const char* to_add;
  const char* updated;
  const char* to_update;
  const char* blank;
  const char* dry_run;
  const char* files;    // directory, files, counts
  const char* refused;  // a dry run's note when files have errors: files with errors, files
  const char* row;      // the noun after one row read, and after any other number
  const char* rows;
};

constexpr PerLang<CountWords> count_words{
    .uk = {.counts = "прочитано рядків: {0}, {1}: {2}, {3}: {4}, без змін: {5}{6}{7}",
           .added = "додано",
           .to_add = "буде додано",
           .updated = "оновлено",
           .to_update = "буде оновлено",
           .blank = ", порожніх: {}",
           .dry_run = " (пробний запуск: нічого не записано)",
           .files = "{}: файлів: {}, {}\n",
           .refused = " (пробний запуск: помилки у {} з {} файлів: каталог буде відхилено, нічого не записано)",
           .row = "",
           .rows = ""},
    .en = {.counts = "{0} {8} read, {2} {1}, {4} {3}, {5} unchanged{6}{7}",
           .added = "added",
           .to_add = "to add",
           .updated = "updated",
           .to_update = "to update",
           .blank = ", {} blank",
           .dry_run = " (dry run: nothing written)",
           .files = "{}: {} files, {}\n",
           .refused = " (dry run: errors in {} of {} files: the directory would be refused, nothing written)",
           .row = "row",
           .rows = "rows"},
};

// `N rows read, A added, U updated, K unchanged[, B blank]` (blank rows when
// there are any, or always: the files of a directory show the same counts).
// `after`: a dry run's note, the plain one when not given.
std::string counts_text(const ImportSummary& s, bool dry_run, Lang lang, bool every_count = false,
                        const std::string& after = {}) {
  const CountWords& w = count_words[lang];
  std::string blank = s.blank > 0 || every_count ? fmt::format(fmt::runtime(w.blank), s.blank) : std::string();
  const std::string note = !dry_run ? std::string() : after.empty() ? std::string(w.dry_run) : after;
  return fmt::format(fmt::runtime(w.counts), s.read, dry_run ? w.to_add : w.added, s.added,
                     dry_run ? w.to_update : w.updated, s.updated, s.unchanged, blank, note,
                     s.read == 1 ? w.row : w.rows);
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
  // docs/cli.md "import": payment references --replace gave to another application.
  if (!s.moved_payments.empty()) {
    nlohmann::ordered_json moved = nlohmann::ordered_json::array();
    for (const MovedPayment& m : s.moved_payments)
      moved.push_back({{"line", m.line}, {"reference", m.reference}, {"from", m.from}, {"to", m.to}});
    out["moved"] = moved;
  }
  // docs/cli.md "import": payments dated after today (kept, counted from their date on).
  if (!s.later_payments.empty()) {
    nlohmann::ordered_json later = nlohmann::ordered_json::array();
    for (const LaterPayment& p : s.later_payments)
      later.push_back({{"line", p.line}, {"column", p.column}, {"reference", p.reference}, {"paid_on", p.paid_on}});
    out["after_today"] = later;
  }
  // docs/cli.md "import": dates kept that look wrong (received_on, signed_on).
  if (!s.date_warnings.empty()) {
    nlohmann::ordered_json dates = nlohmann::ordered_json::array();
    for (const Diagnostic& d : s.date_warnings)
      dates.push_back({{"line", d.line}, {"column", d.column}, {"field", d.field}, {"message", d.message.en}});
    out["date_warnings"] = dates;
  }
  return out;
}

}  // namespace

std::string render_import_text(const ImportSummary& s, bool dry_run, Lang lang) {
  return fmt::format("{}: {}\n", s.file, counts_text(s, dry_run, lang));
}

std::string render_import_json(const ImportSummary& s) { return summary_json(s).dump() + "\n"; }

std::string render_directory_import_text(const DirectoryImport& d, bool dry_run, Lang lang) {
  std::string out;
  std::size_t refused = 0;  // files with errors: they add nothing, and the directory would be refused
  for (const ImportSummary& s : d.files) {
    out += fmt::format("{}: {}\n", s.file, counts_text(s, dry_run, lang, true));
    refused += !s.errors.empty();
  }
  const std::string after =
      refused == 0 ? std::string() : fmt::format(fmt::runtime(count_words[lang].refused), refused, d.files.size());
  out += fmt::format(fmt::runtime(count_words[lang].files), d.directory, d.files.size(),
                     counts_text(d.total(), dry_run, lang, true, after));
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

constexpr PerLang<const char*> moved_payment_words{
    .uk = "{}:{}: попередження: платіж {} перенесено із заявки {} до заявки {}\n",
    .en = "{}:{}: warning: payment {} moves from {} to {}\n",
};

constexpr PerLang<const char*> later_payment_words{
    .uk =
        "{}:{}:{}: попередження: paid_on: платіж {} датовано {}, пізніше за сьогодні ({}); `ledger` і `report` "
        "враховують його від цього дня\n",
    .en =
        "{}:{}:{}: warning: paid_on: payment {} is dated {}, after today ({}); `ledger` and `report` count it "
        "from that day on\n",
};

constexpr PerLang<const char*> date_warning_words{.uk = "{}: попередження: {}: {}\n", .en = "{}: warning: {}: {}\n"};

}  // namespace

std::string render_import_warnings(const ImportSummary& s, Lang lang) {
  const std::size_t conflicts = s.unknown_conflicts.size();
  const std::size_t votes = conflicts + s.repeated_votes.size();
  const std::size_t moved = votes + s.moved_payments.size();
  const std::size_t later = moved + s.later_payments.size();
  auto line = [&](std::size_t i) {
    if (i < conflicts) return unknown_conflict_warning(s.unknown_conflicts[i], lang) + '\n';
    if (i >= later) {
      const Diagnostic& d = s.date_warnings[i - later];
      return fmt::format(fmt::runtime(date_warning_words[lang]), d.location(), d.field, d.message[lang]);
    }
    if (i >= moved) {
      const LaterPayment& p = s.later_payments[i - moved];
      return fmt::format(fmt::runtime(later_payment_words[lang]), s.file, p.line, p.column, p.reference, p.paid_on,
                         p.today);
    }
    if (i >= votes) {
      const MovedPayment& m = s.moved_payments[i - votes];
      return fmt::format(fmt::runtime(moved_payment_words[lang]), s.file, m.line, m.reference, m.from, m.to);
    }
    const RepeatedVote& v = s.repeated_votes[i - conflicts];
    return fmt::format(fmt::runtime(repeated_vote_words[lang]), s.file, v.line, v.voter, v.project);
  };
  return capped_warnings(later + s.date_warnings.size(), line, lang);
}

}  // namespace competition
