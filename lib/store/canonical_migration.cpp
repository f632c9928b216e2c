#include "store/canonical_migration.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <array>
#include <map>

#include "base/sha256.hpp"
#include "formats/canonical_csv.hpp"
#include "values/conflicts.hpp"
#include "values/dates.hpp"
#include "values/edrpou.hpp"
#include "values/organisation_name.hpp"

namespace competition {

namespace {

struct AllocatedRound {
  std::string id;
  std::string rules_text;
  std::int64_t logged_through = 0;
  std::map<std::string, std::string> signed_hashes;  // file -> hex, before the rewrite
};

// The hashes of the two inputs whose canonical CSV the rewrite can change
// (reviews' scores were stored canonical already). Nothing when the stored
// rules no longer parse: `audit` reports that round anyway.
std::map<std::string, std::string> input_hashes(Store& store, const AllocatedRound& r) {
  std::map<std::string, std::string> out;
  Rules rules;
  try {
    rules = load_rules(r.rules_text, "rules of round " + r.id);
  } catch (const std::exception&) {
    return out;
  }
  Sha256 sha;
  write_canonical_applications_csv(rules, store.applications(r.id), [&](std::string_view p) { sha.update(p); });
  out["applications.csv"] = sha.hex();
  out["reviewers.csv"] = sha256_hex(canonical_reviewers_csv(store.reviewers(r.id)));
  return out;
}

std::vector<AllocatedRound> allocated_rounds(SQLite::Database& db) {
  SQLite::Statement q(db,
                      "SELECT r.id, r.rules_text, MAX(l.seq) FROM rounds r JOIN decision_log l ON l.round_id = r.id "
                      "GROUP BY r.id HAVING SUM(l.kind = 'allocate') > 0 ORDER BY r.id");
  std::vector<AllocatedRound> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt64(), {}});
  return out;
}

// submitted_at and edrpou of every application; a value that no longer
// parses (edited by hand) is left as it is.
void rewrite_applications(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT round_id, id, submitted_at, COALESCE(edrpou, '') FROM applications");
  SQLite::Statement u(db,
                      "UPDATE applications SET submitted_at = ?3, edrpou = NULLIF(?4, '') WHERE round_id = ?1 "
                      "AND id = ?2");
  std::vector<std::array<std::string, 4>> changed;
  while (q.executeStep()) {
    std::string at = q.getColumn(2).getString(), code = q.getColumn(3).getString();
    std::string new_at = at.empty() ? at : canonical_submitted_at(at).value_or(at);
    std::string new_code = code.empty() ? code : normalize_edrpou(code).value_or(code);
    if (new_at != at || new_code != code)
      changed.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), new_at, new_code});
  }
  for (const auto& c : changed) {
    u.reset();
    for (int i = 0; i < 4; ++i) u.bind(i + 1, c[static_cast<std::size_t>(i)]);
    u.exec();
  }
}

// Conflicts in canonical form; a code that fails the check (accepted before)
// stays, sorted in with the rest: it matches nothing, and `score` warns of it.
void rewrite_conflicts(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT round_id, id, conflicts FROM reviewers");
  SQLite::Statement u(db, "UPDATE reviewers SET conflicts = ?3 WHERE round_id = ?1 AND id = ?2");
  std::vector<std::array<std::string, 3>> changed;
  while (q.executeStep()) {
    std::string old = q.getColumn(2).getString();
    ConflictList list = parse_conflicts(old);
    std::vector<std::string> entries = list.entries;
    entries.insert(entries.end(), list.invalid_codes.begin(), list.invalid_codes.end());
    std::sort(entries.begin(), entries.end());
    std::string joined = join_conflicts(entries);
    if (joined != old) changed.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), joined});
  }
  for (const auto& c : changed) {
    u.reset();
    for (int i = 0; i < 3; ++i) u.bind(i + 1, c[static_cast<std::size_t>(i)]);
    u.exec();
  }
}

// New name keys; organisations without a code whose new key is that of another
// organisation are merged into it, as an import would now resolve them
// (store/organisations.hpp): a coded one with that key first (the lowest id),
// else the lowest id. The organisations of pabulib projects are keyed by
// round and project (`pabulib:ROUND/ID`, store/pabulib_round_writer.cpp), not
// by name: they stay as they are.
void rekey_organisations(SQLite::Database& db) {
  struct Org {
    std::int64_t id;
    bool coded;
    std::string name;
  };
  std::map<std::string, std::vector<Org>> by_key;  // new key -> organisations in id order
  {
    SQLite::Statement q(db,
                        "SELECT id, edrpou IS NOT NULL, name FROM organisations "
                        "WHERE substr(name_key, 1, 8) != 'pabulib:' ORDER BY id");
    while (q.executeStep())
      by_key[organisation_name_key(q.getColumn(2).getString())].push_back(
          {q.getColumn(0).getInt64(), q.getColumn(1).getInt() != 0, q.getColumn(2).getString()});
  }
  SQLite::Statement key(db, "UPDATE organisations SET name_key = ? WHERE id = ?");
  SQLite::Statement move(db, "UPDATE applications SET organisation_id = ? WHERE organisation_id = ?");
  SQLite::Statement note(db, "INSERT INTO organisation_merges (merged_id, into_id, name) VALUES (?, ?, ?)");
  SQLite::Statement drop(db, "DELETE FROM organisations WHERE id = ?");
  for (const auto& [k, orgs] : by_key) {
    const Org* into = &orgs.front();
    for (const Org& o : orgs)
      if (o.coded) {
        into = &o;
        break;
      }
    for (const Org& o : orgs) {
      if (o.coded || o.id == into->id) {
        key.reset();
        key.bind(1, k);
        key.bind(2, o.id);
        key.exec();
        continue;
      }
      move.reset();
      move.bind(1, into->id);
      move.bind(2, o.id);
      move.exec();
      note.reset();
      note.bind(1, o.id);
      note.bind(2, into->id);
      note.bind(3, o.name);
      note.exec();
      drop.reset();
      drop.bind(1, o.id);
      drop.exec();
    }
  }
}

}  // namespace

void migrate_to_canonical_forms(Store& store) {
  SQLite::Database& db = store.db();
  std::vector<AllocatedRound> rounds = allocated_rounds(db);
  for (AllocatedRound& r : rounds) r.signed_hashes = input_hashes(store, r);
  rewrite_applications(db);
  rewrite_conflicts(db);
  rekey_organisations(db);
  SQLite::Statement put(db,
                        "INSERT INTO signed_inputs (round_id, file, logged_through, signed_sha256, migrated_sha256) "
                        "VALUES (?, ?, ?, ?, ?)");
  for (const AllocatedRound& r : rounds) {
    std::map<std::string, std::string> now = input_hashes(store, r);
    for (const auto& [file, signed_hash] : r.signed_hashes) {
      put.reset();
      put.bind(1, r.id);
      put.bind(2, file);
      put.bind(3, r.logged_through);
      put.bind(4, signed_hash);
      put.bind(5, now[file]);
      put.exec();
    }
  }
}

std::vector<SignedInput> signed_inputs(Store& store, const std::string& round) {
  SQLite::Statement q(store.db(),
                      "SELECT file, logged_through, signed_sha256, migrated_sha256 FROM signed_inputs "
                      "WHERE round_id = ? ORDER BY file");
  q.bind(1, round);
  std::vector<SignedInput> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                   q.getColumn(3).getString()});
  return out;
}

std::vector<std::pair<std::string, std::string>> merged_organisations(Store& store, const std::string& round) {
  SQLite::Statement q(store.db(),
                      "SELECT m.name, o.name FROM organisation_merges m JOIN organisations o ON o.id = m.into_id "
                      "WHERE m.into_id IN (SELECT organisation_id FROM applications WHERE round_id = ?) "
                      "ORDER BY m.merged_id");
  q.bind(1, round);
  std::vector<std::pair<std::string, std::string>> out;
  while (q.executeStep()) out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
  return out;
}

}  // namespace competition
