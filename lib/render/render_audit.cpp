#include "render/render_audit.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "base/text.hpp"
#include "render/audit_field_words.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

using ojson = nlohmann::ordered_json;

struct AuditWords {
  const char* none;             // a value that is not there
  const char* stored_computed;  // prefix, field, stored, computed
  const char* table_logged;     // prefix, field, the table's hash now, the logged one (agreements, payments, outcomes)
  const char* no_agreement;     // application, payment reference
  const char* file_extra;       // name, SHA-256
  const char* file_missing;     // name
  const char* file_hash;        // name, SHA-256 listed, SHA-256 of the file
  const char* row_added;        // the row's label, its canonical line
  const char* row_changed;      // the row's label, its canonical line
  const char* row_removed;      // the row's label
  const char* no_rounds;
  const char* round_heading;  // round, stage
  const char* differences;    // count
  const char* allocated_matches;
  const char* scored_matches;
  const char* open_matches;
  const char* fingerprint;
  const char* log_state;  // entries, chain, decisions pending
  const char* chain_intact;
  const char* chain_broken;
  const char* note;
  const char* report_overdue;  // application
  const char* checks_facts_changed;
  const char* checks_cut_off;  // the date
  const char* flag_dropped;    // application, flag
  const char* flag_added;
  const char* bundle_flag;  // application, flag
  const char* all_match;
  const char* differences_found;
  const char* bundle_heading;  // path, round, files
  const char* bundle_matches;
  const char* manifest_only;  // the files
  const char* stage_open;
  const char* stage_scored;
  const char* stage_allocated;
};

constexpr PerLang<AuditWords> audit_words{
    .uk =
        {
            .none = "немає",
            .stored_computed = "{}{}: збережено {}, обчислено {}",
            .table_logged = "{}{}: у таблиці тепер {}, в останньому грошовому записі журналу {}",
            .no_agreement = "{} не має договору (виплата {})",
            .file_extra = "файл {}: немає в manifest.json (зайвий файл, SHA-256 {})",
            .file_missing = "файл {}: є в manifest.json, але його немає",
            .file_hash = "файл {}: SHA-256 у manifest.json {}, файлу {}",
            .row_added = "{}: рядок додано поза імпортом (грошові записи журналу його не мають): `{}`",
            .row_changed = "{}: рядок змінено після імпорту, записаного в журналі; тепер `{}`",
            .row_removed = "{}: рядок вилучено після імпорту, записаного в журналі",
            .no_rounds = "Конкурсів для перевірки немає.\n",
            .round_heading = "Конкурс {} ({}): ",
            .differences = "розбіжностей: {}\n",
            .allocated_matches = "усе збігається: збережене рішення випливає зі збережених вхідних даних і правил.\n",
            .scored_matches =
                "бюджет ще не розподілено; збережені оцінки випливають зі збережених вхідних даних і правил.\n",
            .open_matches = "ще не оцінено й не розподілено; правила відповідають збереженому хешу.\n",
            .fingerprint = "Відбиток рішення",
            .log_state = "  Журнал рішень: записів {}, ланцюжок {}; рішень комісії, ще не застосованих: {}.\n",
            .chain_intact = "цілий",
            .chain_broken = "порушено",
            .note = "Примітка",
            .report_overdue = "{}: звіт не надійшов у строк",
            .checks_facts_changed = "відомості про попередні конкурси сьогодні інші, ніж ті, з якими його оцінено "
                                    "([checks]); рішення від них не змінюється",
            .checks_cut_off = "  Перевірки попередніх конкурсів ([checks]): дата відсікання {}.\n",
            .flag_dropped = "{}: за сьогоднішніми відомостями позначки «{}» не було б",
            .flag_added = "{}: за сьогоднішніми відомостями була б позначка «{}»",
            .bundle_flag = "  Позначка з history.json: {}: {}\n",
            .all_match = "Аудит: усе збігається.\n",
            .differences_found = "Аудит: знайдено розбіжності.\n",
            .bundle_heading = "Пакет {} (конкурс {}, файлів: {}): ",
            .bundle_matches =
                "усе збігається: маніфест правильний, і рішення випливає з правил і вхідних даних пакета.\n",
            .manifest_only = "  Лише за маніфестом (після рішення, відбиток їх не покриває; з базою їх звіряє "
                             "`competition audit`): {}\n",
            .stage_open = "відкритий",
            .stage_scored = "оцінено",
            .stage_allocated = "розподілено",
        },
    .en =
        {
            .none = "none",
            .stored_computed = "{}{}: stored {}, computed {}",
            .table_logged = "{}{}: now in the table {}, in the log's last money entry {}",
            .no_agreement = "{} has no agreement (payment {})",
            .file_extra = "file {}: not listed in manifest.json (an extra file, SHA-256 {})",
            .file_missing = "file {}: listed in manifest.json, but missing",
            .file_hash = "file {}: SHA-256 in manifest.json {}, of the file {}",
            .row_added = "{}: row added outside an import (no money entry of the log has it): `{}`",
            .row_changed = "{}: row changed after the import the log records; now `{}`",
            .row_removed = "{}: row removed after the import the log records",
            .no_rounds = "No rounds to audit.\n",
            .round_heading = "Round {} ({}): ",
            .differences = "{} difference(s)\n",
            .allocated_matches = "everything matches: the stored decision follows from the stored inputs and rules.\n",
            .scored_matches = "not allocated yet; the stored scores follow from the stored inputs and rules.\n",
            .open_matches = "not scored or allocated yet; the rules match their stored hash.\n",
            .fingerprint = "Decision fingerprint",
            .log_state = "  Decision log: entries {}, chain {}; commission decisions not applied yet: {}.\n",
            .chain_intact = "intact",
            .chain_broken = "broken",
            .note = "Note",
            .report_overdue = "{}: the final report is overdue",
            .checks_facts_changed = "the facts of earlier rounds differ today from those it was scored with "
                                    "([checks]); the decision does not change with them",
            .checks_cut_off = "  Checks on earlier rounds ([checks]): cut-off date {}.\n",
            .flag_dropped = "{}: today's facts would not give the flag \"{}\"",
            .flag_added = "{}: today's facts would give the flag \"{}\"",
            .bundle_flag = "  Flag from history.json: {}: {}\n",
            .all_match = "Audit: everything matches.\n",
            .differences_found = "Audit: differences found.\n",
            .bundle_heading = "Bundle {} (round {}, {} files): ",
            .bundle_matches =
                "everything matches: the manifest holds, and the decision follows from the bundle's rules and "
                "inputs.\n",
            .manifest_only = "  Checked against the manifest only (after the decision, not under its fingerprint; "
                             "`competition audit` checks them in the database): {}\n",
            .stage_open = "open",
            .stage_scored = "scored",
            .stage_allocated = "allocated",
        },
};

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

// A bundle's file: not listed, missing, or with another SHA-256 than listed.
std::string file_difference(const Difference& d, const AuditWords& w) {
  std::string name = d.field.substr(6);
  if (!d.stored) return fmt::format(fmt::runtime(w.file_extra), name, d.computed.value_or(""));
  if (!d.computed) return fmt::format(fmt::runtime(w.file_missing), name);
  return fmt::format(fmt::runtime(w.file_hash), name, *d.stored, *d.computed);
}

// docs/audit.md "Agreements and payments": a row of agreements, outcomes or
// payments that differs from the `money` entry, and how.
bool is_money_row(const Difference& d) {
  for (std::string_view table : {"agreements.", "outcomes.", "payments."})
    if (starts_with(d.field, table) && d.field.ends_with(".row")) return true;
  return false;
}

std::string money_row_difference(const Difference& d, const std::string& label, const AuditWords& w) {
  if (!d.stored) return fmt::format(fmt::runtime(w.row_removed), label);
  return fmt::format(fmt::runtime(d.computed ? w.row_changed : w.row_added), label, *d.stored);
}

}  // namespace

std::string difference_in_words(const Difference& d, Lang lang, std::string_view currency) {
  const AuditWords& w = audit_words[lang];
  std::string prefix = d.application ? *d.application + ": " : "";
  std::string label = field_in_words(d.field, lang);
  // A problem: what could not be read or does not belong, in its own words.
  if (d.problem) {
    // In `lang` when the finding has its words (`stored` is their English, for JSON).
    const std::string said = d.said.empty() ? d.stored.value_or("") : d.said[lang];
    // A located diagnostic (`applications.csv:3:7: requested: …`) names its file itself.
    if (starts_with(said, d.field + ":")) return prefix + said;
    return fmt::format("{}{}: {}", prefix, label, said);
  }
  if (starts_with(d.field, "files.")) return file_difference(d, w);
  if (is_money_row(d)) return prefix + money_row_difference(d, label, w);
  // docs/audit.md "Agreements and payments": a payment of an application without an agreement.
  if (d.application && !d.stored && d.field.starts_with("payments.") && d.field.ends_with(".agreement"))
    return fmt::format(fmt::runtime(w.no_agreement), *d.application,
                       d.field.substr(9, d.field.size() - 9 - std::string_view(".agreement").size()));
  auto value = [&](const std::optional<std::string>& v) {
    if (!v) return std::string(w.none);
    if (v->empty()) return std::string("—");
    return value_in_words(d.field, *v, lang, currency);
  };
  const bool money_table = d.field == "agreements" || d.field == "payments" || d.field == "outcomes";
  return fmt::format(fmt::runtime(money_table ? w.table_logged : w.stored_computed), prefix, label, value(d.stored),
                     value(d.computed));
}

namespace {

ojson differences_json(const std::vector<Difference>& diffs) {
  ojson out = ojson::array();
  for (const Difference& d : diffs)
    out.push_back({{"application", d.application ? ojson(*d.application) : ojson(nullptr)},
                   {"field", d.field},
                   {"stored", d.stored ? ojson(*d.stored) : ojson(nullptr)},
                   {"computed", d.computed ? ojson(*d.computed) : ojson(nullptr)}});
  return out;
}

std::string stage_words(Stage stage, const AuditWords& w) {
  switch (stage) {
    case Stage::open:
      return w.stage_open;
    case Stage::scored:
      return w.stage_scored;
    case Stage::allocated:
      return w.stage_allocated;
  }
  return std::string(to_string(stage));
}

// One round for people: the heading with the verdict, the differences, the log's state.
std::string round_text(const RoundAudit& r, Lang lang) {
  const AuditWords& w = audit_words[lang];
  std::string out = fmt::format(fmt::runtime(w.round_heading), r.round, stage_words(r.stage, w));
  if (!r.ok()) {
    out += fmt::format(fmt::runtime(w.differences), r.differences.size());
    for (const Difference& d : r.differences) out += "  " + difference_in_words(d, lang, r.currency) + "\n";
  } else if (r.allocated) {
    out += w.allocated_matches;
  } else if (r.scored) {
    out += w.scored_matches;
  } else {
    out += w.open_matches;
  }
  if (r.fingerprint) out += fmt::format("  {}: {}\n", w.fingerprint, *r.fingerprint);
  out += fmt::format(fmt::runtime(w.log_state), r.log_entries, r.chain == "ok" ? w.chain_intact : w.chain_broken,
                     r.pending_decisions);
  if (r.checks_cut_off) out += fmt::format(fmt::runtime(w.checks_cut_off), *r.checks_cut_off);
  for (const Message& note : r.notes) out += fmt::format("  {}: {}\n", w.note, note[lang]);
  for (const std::string& application : r.overdue)
    out += fmt::format("  {}: {}\n", w.note, fmt::format(fmt::runtime(w.report_overdue), application));
  if (r.checks_facts_changed) out += fmt::format("  {}: {}\n", w.note, w.checks_facts_changed);
  for (const FlagChange& f : r.changed_flags)
    out += fmt::format("  {}: {}\n", w.note,
                       fmt::format(fmt::runtime(f.added ? w.flag_added : w.flag_dropped), f.application,
                                   value_in_words("score.flags", f.flag, lang, r.currency)));
  return out;
}

}  // namespace

// docs/cli.md "audit", JSON.
std::string render_audit_json(const AuditResult& result) {
  ojson rounds = ojson::array();
  for (const RoundAudit& r : result.rounds)
    rounds.push_back({{"round", r.round},
                      {"ok", r.ok()},
                      {"chain", r.chain},
                      {"pending_decisions", r.pending_decisions},
                      {"differences", differences_json(r.differences)}});
  // docs/cli.md "audit": notes in words stay text; an overdue report is
  // {"application", "note": "report_overdue"}; changed facts of the [checks]
  // {"note": "checks_facts_changed"} (year.md §5).
  for (std::size_t i = 0; i < result.rounds.size(); ++i) {
    ojson notes = ojson::array();
    for (const Message& note : result.rounds[i].notes) notes.push_back(note.en);
    for (const std::string& application : result.rounds[i].overdue)
      notes.push_back({{"application", application}, {"note", "report_overdue"}});
    if (result.rounds[i].checks_facts_changed) {
      ojson note = {{"note", "checks_facts_changed"}};
      ojson flags = ojson::array();
      for (const FlagChange& f : result.rounds[i].changed_flags)
        flags.push_back({{"application", f.application}, {"flag", f.flag}, {"change", f.added ? "added" : "dropped"}});
      if (!flags.empty()) note["flags"] = flags;
      notes.push_back(note);
    }
    if (!notes.empty()) rounds[i]["notes"] = notes;
    if (result.rounds[i].checks_cut_off) rounds[i]["checks_cut_off"] = *result.rounds[i].checks_cut_off;
  }
  ojson out = {{"ok", result.ok()}, {"rounds", rounds}};
  return out.dump() + "\n";
}

// docs/cli.md "audit", for people.
std::string render_audit_text(const AuditResult& result, Lang lang, AuditText shown) {
  const AuditWords& w = audit_words[lang];
  std::string out;
  if (shown == AuditText::differences_only) {
    for (const RoundAudit& r : result.rounds)
      for (const Difference& d : r.differences) out += r.round + ": " + difference_in_words(d, lang, r.currency) + "\n";
    return out;
  }
  if (result.rounds.empty()) return w.no_rounds;
  for (const RoundAudit& r : result.rounds) out += round_text(r, lang);
  if (result.rounds.size() > 1) out += result.ok() ? w.all_match : w.differences_found;
  return out;
}

// docs/audit.md "audit bundle", JSON.
std::string render_bundle_audit_json(const BundleAudit& a) {
  ojson out = {{"ok", a.ok()},
               {"bundle", a.path},
               {"round", a.round ? ojson(*a.round) : ojson(nullptr)},
               {"fingerprint", a.fingerprint ? ojson(*a.fingerprint) : ojson(nullptr)},
               {"differences", differences_json(a.differences)}};
  if (!a.manifest_only.empty()) out["manifest_only"] = a.manifest_only;
  // year.md §5: the cut-off date and the flags history.json gives (docs/audit.md "Bundles").
  if (a.checks_cut_off || !a.flags.empty()) {
    ojson flags = ojson::array();
    for (const ApplicationFlag& f : a.flags) flags.push_back({{"application", f.application}, {"flag", f.flag}});
    out["checks"] = {{"cut_off", a.checks_cut_off ? ojson(*a.checks_cut_off) : ojson(nullptr)}, {"flags", flags}};
  }
  return out.dump() + "\n";
}

std::string render_bundle_audit_text(const BundleAudit& a, Lang lang, AuditText shown) {
  const AuditWords& w = audit_words[lang];
  std::string out;
  if (shown == AuditText::differences_only) {
    for (const Difference& d : a.differences) out += difference_in_words(d, lang, a.currency) + "\n";
    return out;
  }
  out += fmt::format(fmt::runtime(w.bundle_heading), a.path, a.round ? *a.round : "?", a.files);
  if (a.ok()) {
    out += w.bundle_matches;
  } else {
    out += fmt::format(fmt::runtime(w.differences), a.differences.size());
    for (const Difference& d : a.differences) out += "  " + difference_in_words(d, lang, a.currency) + "\n";
  }
  if (a.fingerprint) out += fmt::format("  {}: {}\n", w.fingerprint, *a.fingerprint);
  if (!a.manifest_only.empty()) out += fmt::format(fmt::runtime(w.manifest_only), join(a.manifest_only, ", "));
  if (a.checks_cut_off) out += fmt::format(fmt::runtime(w.checks_cut_off), *a.checks_cut_off);
  for (const ApplicationFlag& f : a.flags)
    out += fmt::format(fmt::runtime(w.bundle_flag), f.application,
                       value_in_words("score.flags", f.flag, lang, a.currency));
  return out;
}

}  // namespace competition
