#include "store/pabulib_round_writer.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "base/sha256.hpp"
#include "base/text.hpp"
#include "store/bind_optional.hpp"
#include "store/stale_scores.hpp"
#include "values/common_words.hpp"
#include "values/message.hpp"
#include "values/organisation_name.hpp"
#include "values/rules.hpp"
#include "values/upsert.hpp"

namespace competition {

constexpr PerLang<const char*> w_other_version{
    .uk = "конкурс {} містить іншу версію цього набору даних (відрізняються: {}); щоб замінити, додайте --replace",
    .en = "round {} holds another version of this instance ({} differ); use --replace to replace it"};
constexpr PerLang<const char*> w_not_in_file{
    .uk = "проєкту \"{}\" конкурсу {} немає в цьому файлі; щоб вилучити його, додайте --replace",
    .en = "project \"{}\" of round {} is not in this file; use --replace to remove it"};
constexpr PerLang<const char*> w_allocated{.uk = "конкурс {} розподілено: його заявки зафіксовано рішенням",
                                           .en = "round {} is allocated: its applications are frozen by the decision"};
constexpr PerLang<const char*> w_not_pabulib{
    .uk = "конкурс {} уже існує й не був імпортований з файлу pabulib (вкажіть інший id через --round)",
    .en = "round {} exists and was not imported from a pabulib file (give another id with --round)"};

namespace {

// ----- applying a planned round to the store ----------------------------------

// The columns whose cells differ between two `cells` objects (either side
// may lack a column), in the order of `now`, then of `before`.
std::vector<std::string> changed_cells(const std::string& before, const std::string& now) {
  auto a = nlohmann::ordered_json::parse(before), b = nlohmann::ordered_json::parse(now);
  std::vector<std::string> out;
  for (const auto& [key, value] : b.items())
    if (!a.contains(key) || a[key] != value) out.push_back(key);
  for (const auto& [key, value] : a.items())
    if (!b.contains(key)) out.push_back(key);
  return out;
}

struct StoredProject {
  std::optional<std::int64_t> selected;
  std::string cells;
};

struct Writer {
  Store& store;
  const PabulibRound& r;
  const PabulibSource& source;
  ImportSummary& s;
  std::vector<Diagnostic>& diags;

  SQLite::Database& db() { return store.db(); }

  void conflict(int line, int column, std::string field, Message message) {
    if (diags.size() < max_reported_errors)
      diags.push_back(Diagnostic{source.file, line, column, std::move(field), std::move(message), ErrorKind::conflict});
  }

  // Each project is its own organisation, named by its id. Its identity is
  // the round and the project (name_key `pabulib:ROUND/ID`), so that project
  // "12" of one city is never merged with project "12" of another.
  std::int64_t organisation_of(const std::string& id) {
    std::string key = pabulib_organisation_key(r.id, id);
    // `+edrpou`: keeps SQLite on the name_key index (organisation.cpp explains).
    SQLite::Statement q(db(),
                        "SELECT id FROM organisations WHERE name_key = ? AND +edrpou IS NULL ORDER BY id LIMIT 1");
    q.bind(1, key);
    if (q.executeStep()) return q.getColumn(0).getInt64();
    SQLite::Statement ins(db(), "INSERT INTO organisations (edrpou, name, name_key) VALUES (NULL, ?, ?)");
    ins.bind(1, id);
    ins.bind(2, key);
    ins.exec();
    return db().getLastInsertRowid();
  }

  void write_round(bool insert) {
    SQLite::Statement st(db(), insert ? "INSERT INTO rounds (id, year, title, currency, budget, rules_text, "
                                        "rules_sha256, stage, meta) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'open', ?8)"
                                      : "UPDATE rounds SET year = ?2, title = ?3, currency = ?4, budget = ?5, "
                                        "rules_text = ?6, rules_sha256 = ?7, meta = ?8 WHERE id = ?1");
    st.bind(1, r.id);
    st.bind(2, r.year);
    st.bind(3, r.title);
    st.bind(4, r.currency);
    st.bind(5, r.budget.kopiykas());
    st.bind(6, r.rules_text);
    st.bind(7, sha256_hex(r.rules_text));
    st.bind(8, r.meta);
    st.exec();
  }

  void write_meta_only() {
    SQLite::Statement st(db(), "UPDATE rounds SET meta = ? WHERE id = ?");
    st.bind(1, r.meta);
    st.bind(2, r.id);
    st.exec();
  }

  void write_source() {
    SQLite::Statement st(db(),
                         "INSERT OR REPLACE INTO pabulib_sources (round_id, file, sha256, vote_type, projects_header, "
                         "votes_header) VALUES (?, ?, ?, ?, ?, ?)");
    st.bind(1, r.id);
    st.bind(2, pabulib_source_name(source.file));
    st.bind(3, source.sha256);
    st.bind(4, r.vote_type);
    st.bind(5, r.projects_header);
    st.bind(6, r.votes_header);
    st.exec();
  }

  void write_project(const PabulibRoundProject& p, bool insert) {
    const Application& a = p.application;
    SQLite::Statement st(db(), insert ? "INSERT INTO applications (round_id, id, organisation_id, organisation, "
                                        "edrpou, sector, title, category, requested, cofinancing, planned_clients, "
                                        "planned_jobs, planned_volunteers, submitted_at, submitted_key, votes, "
                                        "input_order) VALUES (?1, ?2, ?3, ?4, NULL, 'ngo', ?5, ?6, ?7, 0, 0, 0, 0, "
                                        "'', '', ?8, ?9)"
                                      : "UPDATE applications SET organisation_id = ?3, organisation = ?4, edrpou = "
                                        "NULL, sector = 'ngo', title = ?5, category = ?6, requested = ?7, "
                                        "cofinancing = 0, planned_clients = 0, planned_jobs = 0, planned_volunteers "
                                        "= 0, submitted_at = '', submitted_key = '', votes = ?8, input_order = ?9 "
                                        "WHERE round_id = ?1 AND id = ?2");
    st.bind(1, r.id);
    st.bind(2, a.id);
    st.bind(3, organisation_of(a.id));
    st.bind(4, a.organisation);
    st.bind(5, a.title);
    st.bind(6, a.category);
    st.bind(7, a.requested.kopiykas());
    st.bind(8, *a.votes);
    st.bind(9, a.input_order);
    st.exec();
    SQLite::Statement pp(db(),
                         "INSERT OR REPLACE INTO pabulib_projects (round_id, application, selected, cells) "
                         "VALUES (?, ?, ?, ?)");
    pp.bind(1, r.id);
    pp.bind(2, a.id);
    bind_optional(pp, 3, p.selected);
    pp.bind(4, p.cells);
    pp.exec();
  }

  void remove_project(const Application& a) {
    for (const char* sql : {"DELETE FROM pabulib_projects WHERE round_id = ? AND application = ?",
                            "DELETE FROM applications WHERE round_id = ? AND id = ?"}) {
      SQLite::Statement st(db(), sql);
      st.bind(1, r.id);
      st.bind(2, a.id);
      st.exec();
    }
    SQLite::Statement org(db(),
                          "DELETE FROM organisations WHERE name_key = ? AND NOT EXISTS (SELECT 1 FROM applications "
                          "WHERE organisation_id = organisations.id)");
    org.bind(1, pabulib_organisation_key(r.id, a.id));
    org.exec();
  }

  void write_ballots() {
    SQLite::Statement del(db(), "DELETE FROM pabulib_votes WHERE round_id = ?");
    del.bind(1, r.id);
    del.exec();
    SQLite::Statement ins(db(),
                          "INSERT INTO pabulib_votes (round_id, position, voter_id, vote, points, extra) "
                          "VALUES (?, ?, ?, ?, ?, ?)");
    std::int64_t position = 0;
    for (const auto& b : r.ballots) {
      ins.reset();
      ins.bind(1, r.id);
      ins.bind(2, ++position);
      ins.bind(3, b.voter_id);
      ins.bind(4, b.vote);
      bind_optional(ins, 5, b.points);
      ins.bind(6, b.extra);
      ins.exec();
    }
  }

  bool ballots_equal() {
    SQLite::Statement q(db(),
                        "SELECT voter_id, vote, points, extra FROM pabulib_votes WHERE round_id = ? ORDER BY position");
    q.bind(1, r.id);
    std::size_t i = 0;
    while (q.executeStep()) {
      if (i == r.ballots.size()) return false;
      const auto& b = r.ballots[i++];
      std::optional<std::string> points;
      if (!q.getColumn(2).isNull()) points = q.getColumn(2).getString();
      if (q.getColumn(0).getString() != b.voter_id || q.getColumn(1).getString() != b.vote || points != b.points ||
          q.getColumn(3).getString() != b.extra)
        return false;
    }
    return i == r.ballots.size();
  }

  // A new round: everything is added.
  void create() {
    write_round(true);
    write_source();
    for (const auto& p : r.projects) {
      write_project(p, true);
      ++s.added;
    }
    write_ballots();
  }

  // What the file decides about the round, compared with the stored round
  // (whose rules may have been edited with `init` since).
  struct RoundChanges {
    std::vector<std::string> names;  // in the order the conflict message lists them
    bool rules = false, meta = false, ballots = false;
  };
  RoundChanges round_changes(const RoundRecord& round) {
    std::string stored_meta, votes_header, projects_header;
    {
      SQLite::Statement q(db(),
                          "SELECT COALESCE(r.meta, ''), s.votes_header, s.projects_header FROM rounds r "
                          "JOIN pabulib_sources s ON s.round_id = r.id WHERE r.id = ?");
      q.bind(1, r.id);
      q.executeStep();
      stored_meta = q.getColumn(0).getString();
      votes_header = q.getColumn(1).getString();
      projects_header = q.getColumn(2).getString();
    }
    Rules current = Store::rules_of(round);
    RoundChanges c;
    auto differs = [&](bool same, const char* name) {
      if (!same) c.names.emplace_back(name);
    };
    differs(round.title == r.title, "title");
    differs(round.year == r.year, "year");
    differs(round.currency == r.currency, "currency");
    differs(round.budget == r.budget, "budget");
    differs(current.rule == r.rule, "rule");
    differs(current.source == ScoreSource::votes, "scoring source");
    c.rules = !c.names.empty();
    c.meta = stored_meta != r.meta;
    differs(!c.meta, "META");
    c.ballots = votes_header != r.votes_header || !ballots_equal();
    differs(!c.ballots, "VOTES");
    differs(projects_header == r.projects_header, "PROJECTS columns");
    if (!c.names.empty() && !source.replace) conflict(0, 0, "", say(w_other_version, r.id, join(c.names, ", ")));
    return c;
  }

  std::map<std::string, StoredProject> stored_projects() {
    std::map<std::string, StoredProject> stored;
    SQLite::Statement q(db(), "SELECT application, selected, cells FROM pabulib_projects WHERE round_id = ?");
    q.bind(1, r.id);
    while (q.executeStep()) {
      StoredProject sp;
      if (!q.getColumn(1).isNull()) sp.selected = q.getColumn(1).getInt64();
      sp.cells = q.getColumn(2).getString();
      stored.emplace(q.getColumn(0).getString(), std::move(sp));
    }
    return stored;
  }

  // The fields of project `p` that differ from the stored application `b` and
  // its pabulib row `sp` (nullptr when none), then the file's cells whose
  // change no field already names; compared like the rows of applications.csv.
  std::string project_changes(const PabulibRoundProject& p, const Application& b, const StoredProject* sp) {
    const Application& a = p.application;
    std::string diff = changed_fields(
        {{"organisation", a.organisation == b.organisation && b.edrpou.empty() && b.sector == Sector::ngo},
         {"title", a.title == b.title},
         {"category", a.category == b.category},
         {"requested", a.requested == b.requested},
         {"cofinancing", b.cofinancing.is_zero()},
         {"planned_clients", b.planned_clients == 0},
         {"planned_jobs", b.planned_jobs == 0},
         {"planned_volunteers", b.planned_volunteers == 0},
         {"submitted_at", b.submitted_key == 0},
         {"votes", a.votes == b.votes},
         {"input_order", a.input_order == b.input_order},
         {"selected", sp && sp->selected == p.selected}});
    for (const auto& column : changed_cells(sp ? sp->cells : std::string("{}"), p.cells)) {
      bool named = column == "project_id" || column == "selected" || (column == "cost" && a.requested != b.requested) ||
                   (column == r.total_column && a.votes != b.votes) || (column == "name" && a.title != b.title) ||
                   (column == "category" && a.category != b.category);
      if (!named) diff += (diff.empty() ? "" : ", ") + column;
    }
    return diff;
  }

  // The projects to write (with whether each is new) and to remove.
  struct ProjectChanges {
    std::vector<std::pair<const PabulibRoundProject*, bool>> write;  // (project, is new)
    std::vector<const Application*> remove;
  };

  // Projects compared with the stored ones, counted in `s`. A changed project
  // without --replace is a conflict, still counted as updated.
  void classify_projects(const std::map<std::string, Application>& existing, ProjectChanges& out) {
    const std::map<std::string, StoredProject> stored = stored_projects();
    for (const auto& p : r.projects) {
      const Application& a = p.application;
      std::optional<std::string> changed;
      if (auto it = existing.find(a.id); it != existing.end()) {
        auto sp = stored.find(a.id);
        changed = project_changes(p, it->second, sp == stored.end() ? nullptr : &sp->second);
      }
      Upsert u = classify_upsert(changed, source.replace);
      if (u == Upsert::conflict) {
        conflict(p.line, r.project_id_column, "PROJECTS project_id", say(already_in_round_words, a.id, r.id, *changed));
        u = Upsert::updated;
      }
      s.count(u);
      if (u != Upsert::unchanged) out.write.emplace_back(&p, u == Upsert::added);
    }
  }

  // Stored projects that the file no longer has: removed with --replace, else a conflict.
  void find_removed(const std::map<std::string, Application>& existing, ProjectChanges& out) {
    std::map<std::string, bool> in_file;
    for (const auto& p : r.projects) in_file.emplace(p.application.id, true);
    for (const auto& [id, a] : existing) {
      if (in_file.count(id)) continue;
      if (!source.replace) conflict(0, 0, "PROJECTS", say(w_not_in_file, id, r.id));
      out.remove.push_back(&a);
    }
  }

  // Makes the round exactly this file. The stored scores no longer hold: the
  // round goes back to `open`.
  void write_changes(const RoundChanges& round, const ProjectChanges& projects) {
    discard_scores(store, r.id);
    if (round.rules)
      write_round(false);  // the rules are generated anew; edits made with `init` are replaced
    else if (round.meta)
      write_meta_only();
    write_source();
    for (const Application* a : projects.remove) remove_project(*a);
    for (const auto& [p, is_new] : projects.write) write_project(*p, is_new);
    if (round.ballots) write_ballots();
  }

  // An existing round imported from a pabulib file: compare, then (with
  // --replace) make the round exactly this file.
  void update(const RoundRecord& round) {
    const std::size_t conflicts_before = diags.size();
    const RoundChanges round_diff = round_changes(round);
    std::map<std::string, Application> existing;
    for (auto& a : store.applications(r.id)) existing.emplace(a.id, std::move(a));
    ProjectChanges projects;
    classify_projects(existing, projects);
    find_removed(existing, projects);
    // Unchanged: nothing is written. Without --replace only new projects can
    // be written (anything else is a conflict above, and then nothing is).
    bool changed = !round_diff.names.empty() || !projects.write.empty() || !projects.remove.empty();
    if (!changed || diags.size() > conflicts_before) return;
    write_changes(round_diff, projects);
  }
};

// Whether the round was imported from a pabulib file.
bool is_pabulib_round(Store& store, const std::string& id) {
  SQLite::Statement q(store.db(), "SELECT count(*) FROM pabulib_sources WHERE round_id = ?");
  q.bind(1, id);
  q.executeStep();
  return q.getColumn(0).getInt() > 0;
}

}  // namespace

void write_pabulib_round(Store& store, const PabulibRound& r, const PabulibSource& source, ImportSummary& s,
                         std::vector<Diagnostic>& diags) {
  Writer w{store, r, source, s, diags};
  auto existing = store.find_round(r.id);
  if (!existing)
    w.create();
  else if (existing->stage == Stage::allocated)
    w.conflict(0, 0, "", say(w_allocated, r.id));
  else if (!is_pabulib_round(store, r.id))
    w.conflict(0, 0, "", say(w_not_pabulib, r.id));
  else
    w.update(*existing);
}

}  // namespace competition
