#include "store/organisations.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <charconv>
#include <limits>
#include <stdexcept>

#include "base/string_index.hpp"
#include "store/bulk_statement.hpp"
#include "values/edrpou.hpp"
#include "values/organisation_name.hpp"

namespace competition {

namespace {

constexpr const char* by_code_sql = "SELECT id FROM organisations WHERE edrpou = ?";
// A coded organisation with this name first, else a name-only one (the lowest
// id in each). Two index lookups rather than `ORDER BY edrpou IS NULL, id`,
// which builds a temporary sort tree on every call.
constexpr const char* by_name_sql =
    "SELECT COALESCE((SELECT id FROM organisations WHERE name_key = ?1 AND +edrpou IS NOT NULL ORDER BY id LIMIT 1), "
    "(SELECT id FROM organisations WHERE name_key = ?1 ORDER BY id LIMIT 1))";
// `+edrpou`: without it SQLite answers `edrpou IS NULL` from the UNIQUE index on
// edrpou and scans every organisation without a code, once per applicant
// (quadratic in the round); the unary + leaves it the name_key index.
constexpr const char* by_name_only_sql =
    "SELECT id FROM organisations WHERE name_key = ? AND +edrpou IS NULL ORDER BY id";
constexpr const char* set_code_sql = "UPDATE organisations SET edrpou = ? WHERE id = ?";
constexpr const char* insert_sql = "INSERT INTO organisations (edrpou, name, name_key) VALUES (?, ?, ?)";

std::int64_t first_id(SQLite::Statement& q, std::string_view value) {
  q.reset();
  q.bind(1, std::string(value));
  std::int64_t id = q.executeStep() && !q.getColumn(0).isNull() ? q.getColumn(0).getInt64() : -1;
  q.reset();
  return id;
}

void set_code(SQLite::Statement& u, std::string_view edrpou, std::int64_t id) {
  u.reset();
  u.bind(1, std::string(edrpou));
  u.bind(2, id);
  u.exec();
}

std::int64_t insert(SQLite::Database& db, SQLite::Statement& ins, std::string_view name, std::string_view edrpou,
                    const std::string& key) {
  ins.reset();
  if (edrpou.empty())
    ins.bind(1);
  else
    ins.bind(1, std::string(edrpou));
  ins.bind(2, std::string(name));
  ins.bind(3, key);
  ins.exec();
  return db.getLastInsertRowid();
}

}  // namespace

static std::int64_t find_by_code(SQLite::Database& db, std::string_view code) {
  SQLite::Statement q(db, by_code_sql);
  return first_id(q, code);
}

static std::int64_t find_by_name(SQLite::Database& db, const std::string& key, bool name_only) {
  SQLite::Statement q(db, name_only ? by_name_only_sql : by_name_sql);
  return first_id(q, key);
}

std::int64_t resolve_organisation(SQLite::Database& db, std::string_view name, std::string_view edrpou) {
  std::string key = organisation_name_key(name);
  if (!edrpou.empty()) {
    if (auto id = find_by_code(db, edrpou); id >= 0) return id;
    if (auto id = find_by_name(db, key, true); id >= 0) {
      SQLite::Statement u(db, set_code_sql);
      set_code(u, edrpou, id);
      return id;
    }
  } else if (auto id = find_by_name(db, key, false); id >= 0) {
    return id;
  }
  SQLite::Statement ins(db, insert_sql);
  return insert(db, ins, name, edrpou, key);
}

std::int64_t stored_organisation_id(const Application& application) {
  const std::string_view key = application.organisation_key, prefix = "org:";
  std::int64_t id = 0;
  if (key.starts_with(prefix)) {
    const char* end = key.data() + key.size();
    if (auto [p, ec] = std::from_chars(key.data() + prefix.size(), end, id); ec == std::errc{} && p == end) return id;
  }
  throw std::logic_error("application " + application.id +
                         " has no stored organisation key: " + application.organisation_key);
}

std::int64_t find_organisation(SQLite::Database& db, std::string_view code_or_name) {
  if (is_code_entry(code_or_name)) {
    if (auto code = normalize_edrpou(code_or_name)) return find_by_code(db, *code);
  }
  return find_by_name(db, organisation_name_key(code_or_name), false);
}

std::vector<StoredOrganisation> organisations_of_round(SQLite::Database& db, const std::string& round) {
  SQLite::Statement q(db,
                      "SELECT a.id, o.name, o.name_key FROM applications a JOIN organisations o ON o.id = "
                      "a.organisation_id WHERE a.round_id = ? ORDER BY a.id");
  q.bind(1, round);
  std::vector<StoredOrganisation> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()});
  return out;
}

std::vector<UnknownConflict> unknown_conflicts(SQLite::Database& db, const std::vector<Reviewer>& reviewers) {
  std::vector<UnknownConflict> out;
  for (const Reviewer& r : reviewers)
    for (const std::string& entry : r.conflicts)
      if (find_organisation(db, entry) < 0) out.push_back({r.id, entry});
  return out;
}

struct OrganisationResolver::Impl {
  explicit Impl(SQLite::Database& d)
      : db(d),
        by_code(d, by_code_sql),
        by_name(d, by_name_sql),
        by_name_only(d, by_name_only_sql),
        set_code(d, set_code_sql),
        insert(d, "INSERT OR FAIL INTO organisations (id, edrpou, name, name_key)", 4) {
    SQLite::Statement q(d, "SELECT NOT EXISTS (SELECT 1 FROM organisations), COALESCE(MAX(id), 0) FROM organisations");
    q.executeStep();
    all_known = q.getColumn(0).getInt() != 0;
    last_id = q.getColumn(1).getInt64();
  }
  SQLite::Database& db;
  SQLite::Statement by_code, by_name, by_name_only, set_code;
  // New organisations are written in batches with the ids SQLite would give
  // them one by one (the largest id + 1: the table has no AUTOINCREMENT and we
  // are its only writer); every query first writes what is pending.
  BatchInsert insert;
  std::int64_t last_id = 0;
  StringIndex<std::int64_t> code_answer;  // code -> organisation (codes never move)
  // name key -> the answer for a row without a code, or -1 when it must be
  // asked again (an organisation with that name gained a code or came with one).
  StringIndex<std::int64_t> name_answer;
  // The table was empty at the start, so every organisation in it was written
  // here and is in the maps above: a name or code they lack is in no row, and
  // the query that would say so is skipped (the first import into a new
  // database, i.e. every national round's first, costs no lookups at all).
  bool all_known = false;
};

OrganisationResolver::OrganisationResolver(SQLite::Database& db) : impl_(std::make_unique<Impl>(db)) {}
OrganisationResolver::~OrganisationResolver() = default;

void OrganisationResolver::flush() { impl_->insert.flush(); }
void OrganisationResolver::write_in_background(BackgroundWriter& writer) { impl_->insert.write_in_background(writer); }

namespace {

std::int64_t ask(OrganisationResolver::Impl& m, SQLite::Statement& q, std::string_view value) {
  m.insert.flush();
  return first_id(q, value);
}

std::int64_t add(OrganisationResolver::Impl& m, std::string_view name, std::string_view edrpou, std::string_view key) {
  if (m.last_id == std::numeric_limits<std::int64_t>::max()) {  // SQLite would pick a random id: let it
    m.insert.flush();
    SQLite::Statement one(m.db, insert_sql);
    return competition::insert(m.db, one, name, edrpou, std::string(key));
  }
  m.insert.integer(++m.last_id);
  if (edrpou.empty())
    m.insert.null();
  else
    m.insert.text(edrpou);
  m.insert.text(name).text(key).end_row();
  return m.last_id;
}

}  // namespace

// resolve_organisation's steps, with the answers remembered. A name's answer
// (coded organisations first, then the lowest id) changes only when an
// organisation with that name gains a code or is inserted with one: both
// make it -1 (ask again).
std::int64_t OrganisationResolver::resolve(std::string_view name, std::string_view edrpou) {
  Impl& m = *impl_;
  std::string key = organisation_name_key(name);
  std::int64_t* known = m.name_answer.find(key);
  if (edrpou.empty()) {
    if (known && *known >= 0) return *known;
    std::int64_t id = known || !m.all_known ? ask(m, m.by_name, key) : -1;
    if (id < 0) id = add(m, name, edrpou, key);
    if (known)
      *known = id;
    else
      m.name_answer.emplace(key, id);
    return id;
  }
  if (const std::int64_t* answer = m.code_answer.find(edrpou)) return *answer;
  std::int64_t id = m.all_known ? -1 : ask(m, m.by_code, edrpou);
  if (id < 0) {
    id = known || !m.all_known ? ask(m, m.by_name_only, key) : -1;
    if (id >= 0)
      competition::set_code(m.set_code, edrpou, id);  // `ask` wrote what was pending
    else
      id = add(m, name, edrpou, key);
    if (known)
      *known = -1;
    else
      m.name_answer.emplace(key, -1);
  }
  m.code_answer.emplace(edrpou, id);
  return id;
}

}  // namespace competition
