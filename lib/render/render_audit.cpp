#include "render/render_audit.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>

namespace competition {

namespace {

using ojson = nlohmann::ordered_json;

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

// Per-application fields of the three stored forms (docs/audit.md).
std::string application_field(const std::string& f, bool en) {
  if (f == "present") return en ? "listed in the allocations table" : "рядок у таблиці розподілу";
  if (f == "status") return en ? "status" : "статус";
  if (f == "rank") return en ? "rank" : "місце";
  if (f == "award") return en ? "award" : "сума";
  if (f == "lot") return en ? "lot" : "лот";
  if (f == "reasons") return en ? "reasons" : "причини";
  return f;
}

}  // namespace

// docs/audit.md: every field token in words.
std::string field_in_words(const std::string& f, bool en) {
  static const std::set<std::string> per_application = {"present", "status", "rank", "award", "lot", "reasons"};
  if (per_application.count(f)) return application_field(f, en);
  if (starts_with(f, "record.") && per_application.count(f.substr(7)))
    return f == "record.present"
               ? (en ? "listed in the decision record" : "рядок у записі рішення")
               : application_field(f.substr(7), en) + (en ? " (decision record)" : " (запис рішення)");
  if (f == "score.present") return en ? "listed in the scores table" : "рядок у таблиці оцінок";
  if (f == "score.status") return en ? "score status" : "статус оцінювання";
  if (f == "score.rank") return en ? "score rank" : "місце в рейтингу";
  if (f == "score.total") return en ? "total score" : "загальний бал";
  if (starts_with(f, "score.criteria."))
    return fmt::format(fmt::runtime(en ? "score for criterion {}" : "бал за критерієм {}"), f.substr(15));
  if (f == "score.reviews") return en ? "valid reviews" : "дійсних оцінок";
  if (f == "score.flags") return en ? "flags" : "позначки";
  if (f == "score.reasons") return en ? "reasons of the score" : "причини (оцінювання)";
  if (f == "rules_sha256")
    return en ? "rules hash (SHA-256 of the stored rules text)" : "хеш правил (SHA-256 збереженого тексту правил)";
  if (f == "record.rules_sha256") return en ? "rules hash in the decision record" : "хеш правил у записі рішення";
  if (starts_with(f, "inputs."))
    return fmt::format(fmt::runtime(en ? "hash of {} in the decision record" : "хеш {} у записі рішення"), f.substr(7));
  if (f == "record.round") return en ? "round in the decision record" : "конкурс у записі рішення";
  if (f == "record.decisions")
    return en ? "commission decisions in the decision record" : "рішення комісії у записі рішення";
  if (f == "record.budget") return en ? "budget (decision record)" : "бюджет (запис рішення)";
  if (f == "record.awarded") return en ? "awarded (decision record)" : "розподілено (запис рішення)";
  if (f == "record.leftover") return en ? "leftover (decision record)" : "залишок (запис рішення)";
  if (f == "record.lots.order") return en ? "order of the lots (decision record)" : "порядок лотів (запис рішення)";
  if (f == "record.order") return en ? "order of the applications (decision record)" : "порядок заявок (запис рішення)";
  if (starts_with(f, "record.lots.")) {
    std::string rest = f.substr(12);
    auto dot = rest.rfind('.');
    std::string what = dot == std::string::npos ? "" : rest.substr(dot + 1);
    if (what == "budget" || what == "awarded")
      return fmt::format(fmt::runtime(en ? "lot {}: {} (decision record)" : "лот {}: {} (запис рішення)"),
                         rest.substr(0, dot),
                         what == "budget" ? (en ? "amount" : "сума") : (en ? "awarded" : "розподілено"));
    return fmt::format(fmt::runtime(en ? "lot {} (decision record)" : "лот {} (запис рішення)"), rest);
  }
  if (f == "record.fingerprint")
    return en ? "fingerprint of the stored record (recomputed from its own content)"
              : "відбиток збереженого запису (перераховано з його вмісту)";
  if (f == "fingerprint") return en ? "decision fingerprint" : "відбиток рішення";
  if (f == "record")
    return en ? "decision record (the last allocate entry of the log)"
              : "запис рішення (останній запис allocate у журналі)";
  if (starts_with(f, "record."))
    return fmt::format(fmt::runtime(en ? "member {} of the decision record" : "поле {} запису рішення"), f.substr(7));
  if (f == "round.budget") return en ? "budget in the rounds table" : "бюджет у таблиці конкурсів";
  if (f == "round.year") return en ? "year in the rounds table" : "рік у таблиці конкурсів";
  if (f == "round.title") return en ? "title in the rounds table" : "назва в таблиці конкурсів";
  if (f == "round.currency") return en ? "currency in the rounds table" : "валюта в таблиці конкурсів";
  if (f == "stage") return en ? "stage of the round" : "етап конкурсу";
  if (f == "scores") return en ? "stored scores" : "збережені оцінки";
  if (f == "rules") return en ? "stored rules" : "збережені правила";
  if (f == "reviews") return en ? "stored reviews" : "збережені оцінки експертів";
  if (f == "scoring") return en ? "scoring" : "оцінювання";
  if (f == "allocation") return en ? "allocation" : "розподіл";
  if (f == "decisions") return en ? "commission decisions in the log" : "рішення комісії в журналі";
  if (f == "log_head") return en ? "log head (hash of the newest log entry)" : "голова журналу (хеш останнього запису)";
  if (f == "log_count") return en ? "number of log entries" : "кількість записів журналу";
  if (f == "log") return en ? "decision log" : "журнал рішень";
  if (starts_with(f, "log.")) {
    std::string rest = f.substr(4);
    auto dot = rest.find('.');
    std::string seq = rest.substr(0, dot), what = dot == std::string::npos ? "" : rest.substr(dot + 1);
    std::string part = what == "hash" ? (en ? "hash" : "хеш")
                       : what == "prev_hash" ? (en ? "hash of the entry before it" : "хеш попереднього запису")
                       : what == "payload"   ? (en ? "payload (SHA-256)" : "вміст (SHA-256)")
                       : what == "round"     ? (en ? "round" : "конкурс")
                       : what == "seq"       ? (en ? "number" : "номер")
                       : what == "decisions" ? (en ? "commission decisions in this allocation's record"
                                                   : "рішення комісії в записі цього розподілу")
                       : what == "fingerprint" ? (en ? "fingerprint of this allocation" : "відбиток цього розподілу")
                       : what == "allocation" ? (en ? "this allocation" : "цей розподіл")
                                              : what;
    return fmt::format(fmt::runtime(en ? "log entry {}: {}" : "запис журналу {}: {}"), seq, part);
  }
  if (starts_with(f, "files.")) return fmt::format(fmt::runtime(en ? "file {}" : "файл {}"), f.substr(6));
  if (starts_with(f, "canonical."))
    return fmt::format(fmt::runtime(en ? "{} in canonical form (SHA-256: as it is, canonical)"
                                       : "{} у канонічній формі (SHA-256: як є, канонічний)"),
                       f.substr(10));
  if (f == "manifest.fingerprint")
    return en ? "fingerprint in manifest.json (manifest, decision.json)"
              : "відбиток у manifest.json (маніфест, decision.json)";
  if (f == "manifest.tool_version")
    return en ? "tool version in manifest.json (bundle, this program)"
              : "версія програми в manifest.json (пакет, ця програма)";
  return f;
}

std::string difference_in_words(const Difference& d, bool en) {
  std::string prefix = d.application ? *d.application + ": " : "";
  std::string label = field_in_words(d.field, en);
  // A problem: what could not be read or does not belong, in its own words.
  if (d.problem) {
    // A located diagnostic (`applications.csv:3:7: requested: …`) names its file itself.
    if (d.stored && starts_with(*d.stored, d.field + ":")) return prefix + *d.stored;
    return fmt::format("{}{}: {}", prefix, label, d.stored.value_or(""));
  }
  if (starts_with(d.field, "files.")) {
    std::string name = d.field.substr(6);
    if (!d.stored)
      return fmt::format(fmt::runtime(en ? "file {}: not listed in manifest.json (an extra file, SHA-256 {})"
                                         : "файл {}: немає в manifest.json (зайвий файл, SHA-256 {})"),
                         name, d.computed.value_or(""));
    if (!d.computed)
      return fmt::format(fmt::runtime(en ? "file {}: listed in manifest.json, but missing"
                                         : "файл {}: є в manifest.json, але його немає"),
                         name);
    return fmt::format(fmt::runtime(en ? "file {}: SHA-256 in manifest.json {}, of the file {}"
                                       : "файл {}: SHA-256 у manifest.json {}, файлу {}"),
                       name, *d.stored, *d.computed);
  }
  auto value = [&](const std::optional<std::string>& v) {
    if (!v) return std::string(en ? "none" : "немає");
    if (v->empty()) return std::string("—");
    return *v;
  };
  return fmt::format(fmt::runtime(en ? "{}{}: stored {}, computed {}" : "{}{}: збережено {}, обчислено {}"), prefix,
                     label, value(d.stored), value(d.computed));
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

std::string stage_words(Stage stage, bool en) {
  switch (stage) {
    case Stage::open:
      return en ? "open" : "відкритий";
    case Stage::scored:
      return en ? "scored" : "оцінено";
    case Stage::allocated:
      return en ? "allocated" : "розподілено";
  }
  return std::string(to_string(stage));
}

}  // namespace

// cli.md "audit", JSON.
std::string render_audit_json(const AuditResult& result) {
  ojson rounds = ojson::array();
  for (const RoundAudit& r : result.rounds)
    rounds.push_back({{"round", r.round},
                      {"ok", r.ok()},
                      {"chain", r.chain},
                      {"pending_decisions", r.pending_decisions},
                      {"differences", differences_json(r.differences)}});
  for (std::size_t i = 0; i < result.rounds.size(); ++i)
    if (!result.rounds[i].notes.empty()) rounds[i]["notes"] = result.rounds[i].notes;
  ojson out = {{"ok", result.ok()}, {"rounds", rounds}};
  return out.dump() + "\n";
}

// cli.md "audit", for people.
std::string render_audit_text(const AuditResult& result, bool en, bool quiet) {
  std::string out;
  if (quiet) {
    for (const RoundAudit& r : result.rounds)
      for (const Difference& d : r.differences) out += r.round + ": " + difference_in_words(d, en) + "\n";
    return out;
  }
  if (result.rounds.empty()) return en ? "No rounds to audit.\n" : "Конкурсів для перевірки немає.\n";
  for (const RoundAudit& r : result.rounds) {
    out += en ? fmt::format("Round {} ({}): ", r.round, stage_words(r.stage, en))
              : fmt::format("Конкурс {} ({}): ", r.round, stage_words(r.stage, en));
    if (!r.ok()) {
      out += en ? fmt::format("{} difference(s)\n", r.differences.size())
                : fmt::format("розбіжностей: {}\n", r.differences.size());
      for (const Difference& d : r.differences) out += "  " + difference_in_words(d, en) + "\n";
    } else if (r.allocated) {
      out += en ? "everything matches: the stored decision follows from the stored inputs and rules.\n"
                : "усе збігається: збережене рішення випливає зі збережених вхідних даних і правил.\n";
    } else if (r.scored) {
      out += en ? "not allocated yet; the stored scores follow from the stored inputs and rules.\n"
                : "бюджет ще не розподілено; збережені оцінки випливають зі збережених вхідних даних і правил.\n";
    } else {
      out += en ? "not scored or allocated yet; the rules match their stored hash.\n"
                : "ще не оцінено й не розподілено; правила відповідають збереженому хешу.\n";
    }
    if (r.fingerprint)
      out += fmt::format("  {}: {}\n", en ? "Decision fingerprint" : "Відбиток рішення", *r.fingerprint);
    out += en ? fmt::format("  Decision log: entries {}, chain {}; commission decisions not applied yet: {}.\n",
                            r.log_entries, r.chain == "ok" ? "intact" : "broken", r.pending_decisions)
              : fmt::format("  Журнал рішень: записів {}, ланцюжок {}; рішень комісії, ще не застосованих: {}.\n",
                            r.log_entries, r.chain == "ok" ? "цілий" : "порушено", r.pending_decisions);
    for (const std::string& note : r.notes) out += fmt::format("  {}: {}\n", en ? "Note" : "Примітка", note);
  }
  if (result.rounds.size() > 1)
    out += result.ok() ? (en ? "Audit: everything matches.\n" : "Аудит: усе збігається.\n")
                       : (en ? "Audit: differences found.\n" : "Аудит: знайдено розбіжності.\n");
  return out;
}

// docs/audit.md "audit bundle", JSON.
std::string render_bundle_audit_json(const BundleAudit& a) {
  ojson out = {{"ok", a.ok()},
               {"bundle", a.path},
               {"round", a.round ? ojson(*a.round) : ojson(nullptr)},
               {"fingerprint", a.fingerprint ? ojson(*a.fingerprint) : ojson(nullptr)},
               {"differences", differences_json(a.differences)}};
  return out.dump() + "\n";
}

std::string render_bundle_audit_text(const BundleAudit& a, bool en, bool quiet) {
  std::string out;
  if (quiet) {
    for (const Difference& d : a.differences) out += difference_in_words(d, en) + "\n";
    return out;
  }
  std::string round = a.round ? *a.round : "?";
  out += en ? fmt::format("Bundle {} (round {}, {} files): ", a.path, round, a.files)
            : fmt::format("Пакет {} (конкурс {}, файлів: {}): ", a.path, round, a.files);
  if (a.ok()) {
    out += en ? "everything matches: the manifest holds, and the decision follows from the bundle's rules and inputs.\n"
              : "усе збігається: маніфест правильний, і рішення випливає з правил і вхідних даних пакета.\n";
  } else {
    out += en ? fmt::format("{} difference(s)\n", a.differences.size())
              : fmt::format("розбіжностей: {}\n", a.differences.size());
    for (const Difference& d : a.differences) out += "  " + difference_in_words(d, en) + "\n";
  }
  if (a.fingerprint) out += fmt::format("  {}: {}\n", en ? "Decision fingerprint" : "Відбиток рішення", *a.fingerprint);
  return out;
}

}  // namespace competition
