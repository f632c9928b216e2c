#include "organisation.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <unordered_map>

#include "edrpou.hpp"

namespace competition {

namespace {

// Appends the UTF-8 encoding of code point cp.
void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

char32_t lower(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0x0410 && cp <= 0x042F) return cp + 0x20;  // А..Я
  if (cp >= 0x0400 && cp <= 0x040F) return cp + 0x50;  // Ѐ..Џ (Є, І, Ї, ...)
  if (cp == 0x0490) return 0x0491;                     // Ґ
  return cp;
}

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F || cp == '\n' || cp == '\r'; }

}  // namespace

std::string organisation_name_key(std::string_view s) {
  std::string out;
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    std::size_t len;
    if (c < 0x80) {
      cp = c, len = 1;
    } else if ((c >> 5) == 0x6 && i + 1 < s.size()) {
      cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F), len = 2;
    } else if ((c >> 4) == 0xE && i + 2 < s.size()) {
      cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F), len = 3;
    } else {
      out.append(s.substr(i, 1));  // 4-byte sequences and stray bytes pass through
      ++i;
      continue;
    }
    i += len;
    if (is_space(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    append_utf8(out, lower(cp));
  }
  return out;
}

namespace {

constexpr const char* by_code_sql = "SELECT id FROM organisations WHERE edrpou = ?";
// A coded organisation with this name first, else a name-only one.
constexpr const char* by_name_sql = "SELECT id FROM organisations WHERE name_key = ? ORDER BY edrpou IS NULL, id";
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
  std::int64_t id = q.executeStep() ? q.getColumn(0).getInt64() : -1;
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

std::int64_t find_organisation(SQLite::Database& db, std::string_view code_or_name) {
  bool digits = !code_or_name.empty() && code_or_name.find_first_not_of("0123456789 ") == std::string_view::npos;
  if (digits) {
    if (auto code = normalize_edrpou(code_or_name)) return find_by_code(db, *code);
  }
  return find_by_name(db, organisation_name_key(code_or_name), false);
}

struct OrganisationResolver::Impl {
  explicit Impl(SQLite::Database& d)
      : db(d), by_code(d, by_code_sql), by_name(d, by_name_sql), by_name_only(d, by_name_only_sql),
        set_code(d, set_code_sql), insert(d, insert_sql) {}
  SQLite::Database& db;
  SQLite::Statement by_code, by_name, by_name_only, set_code, insert;
  std::unordered_map<std::string, std::int64_t> code_answer;  // code -> organisation (codes never move)
  std::unordered_map<std::string, std::int64_t> name_answer;  // name key -> the answer for a row without a code
};

OrganisationResolver::OrganisationResolver(SQLite::Database& db) : impl_(std::make_unique<Impl>(db)) {}
OrganisationResolver::~OrganisationResolver() = default;

// resolve_organisation's steps, with the answers remembered. A name's answer
// (coded organisations first, then the lowest id) changes only when an
// organisation with that name gains a code or is inserted with one: both
// forget it.
std::int64_t OrganisationResolver::resolve(std::string_view name, std::string_view edrpou) {
  Impl& m = *impl_;
  std::string key = organisation_name_key(name);
  if (edrpou.empty()) {
    if (auto it = m.name_answer.find(key); it != m.name_answer.end()) return it->second;
    std::int64_t id = first_id(m.by_name, key);
    if (id < 0) id = competition::insert(m.db, m.insert, name, edrpou, key);
    m.name_answer.emplace(std::move(key), id);
    return id;
  }
  std::string code(edrpou);
  if (auto it = m.code_answer.find(code); it != m.code_answer.end()) return it->second;
  std::int64_t id = first_id(m.by_code, code);
  if (id < 0) {
    id = first_id(m.by_name_only, key);
    if (id >= 0)
      competition::set_code(m.set_code, edrpou, id);
    else
      id = competition::insert(m.db, m.insert, name, edrpou, key);
    m.name_answer.erase(key);
  }
  m.code_answer.emplace(std::move(code), id);
  return id;
}

}  // namespace competition
