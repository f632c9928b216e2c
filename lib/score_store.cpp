#include "score_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <charconv>

namespace competition {

namespace {

std::string join(const std::vector<std::string>& items, char sep) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  std::size_t start = 0;
  while (true) {
    std::size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (p == std::string::npos) return out;
    start = p + 1;
  }
}

std::optional<ScoreStatus> parse_status(std::string_view s) {
  for (auto st : {ScoreStatus::ranked, ScoreStatus::rejected, ScoreStatus::incomplete})
    if (to_string(st) == s) return st;
  return std::nullopt;
}

// The `criteria` column: `id=num/den;…` in the rules' criteria order.
std::string encode_criteria(const Rules& rules, const std::vector<Rational>& criteria) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    std::string id = i < rules.criteria.size() ? rules.criteria[i].id : std::to_string(i + 1);
    parts.push_back(id + "=" + encode_exact(criteria[i]));
  }
  return join(parts, ';');
}

}  // namespace

std::string encode_exact(const Rational& value) { return fmt::format("{}/{}", value.num(), value.den()); }

std::optional<Rational> decode_exact(std::string_view text) {
  auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::int64_t num = 0, den = 0;
  auto n = std::from_chars(text.data(), text.data() + slash, num);
  auto d = std::from_chars(text.data() + slash + 1, text.data() + text.size(), den);
  if (n.ec != std::errc() || n.ptr != text.data() + slash || d.ec != std::errc() ||
      d.ptr != text.data() + text.size() || den <= 0)
    return std::nullopt;
  return Rational(num, den);
}

void save_scores(Store& store, const std::string& round, const ScoreResult& result) {
  auto& db = store.db();
  auto record = store.find_round(round);
  if (!record) throw Error(ExitCode::invalid, fmt::format("no round \"{}\" in {}", round, store.path()));
  Rules rules = Store::rules_of(*record);
  db.exec("SAVEPOINT save_scores");
  try {
    SQLite::Statement del(db, "DELETE FROM scores WHERE round_id = ?");
    del.bind(1, round);
    del.exec();
    SQLite::Statement ins(db,
                          "INSERT INTO scores (round_id, application, status, rank, total, total_display, criteria, "
                          "reviews, flags, reasons) VALUES (?,?,?,?,?,?,?,?,?,?)");
    for (const auto& a : result.applications) {
      ins.reset();
      ins.clearBindings();
      ins.bind(1, round);
      ins.bind(2, a.id);
      ins.bind(3, std::string(to_string(a.status)));
      if (a.rank) ins.bind(4, *a.rank);
      if (a.total) {
        ins.bind(5, encode_exact(*a.total));
        ins.bind(6, a.total->to_fixed(2));
      }
      ins.bind(7, encode_criteria(rules, a.criteria));
      ins.bind(8, a.reviews);
      ins.bind(9, join(a.flags, '|'));
      ins.bind(10, join(a.reasons, '|'));
      ins.exec();
    }
    db.exec("RELEASE save_scores");
  } catch (...) {
    db.exec("ROLLBACK TO save_scores");
    db.exec("RELEASE save_scores");
    throw;
  }
}

std::optional<ScoreResult> load_scores(Store& store, const std::string& round, const Rules& rules) {
  SQLite::Statement q(store.db(),
                      "SELECT application, status, rank, total, criteria, reviews, flags, reasons FROM scores "
                      "WHERE round_id = ? ORDER BY rank IS NULL, rank, application");
  q.bind(1, round);
  auto broken = [&](const std::string& app, std::string_view what) {
    return Error(ExitCode::conflict,
                 fmt::format("round {}: the stored score of {} {} (run `competition score` again)", round, app, what));
  };
  ScoreResult result;
  bool any = false;
  while (q.executeStep()) {
    any = true;
    ScoredApplication a;
    a.id = q.getColumn(0).getString();
    auto status = parse_status(q.getColumn(1).getString());
    if (!status) throw broken(a.id, "has an unknown status");
    a.status = *status;
    if (!q.getColumn(2).isNull()) a.rank = q.getColumn(2).getInt();
    if (!q.getColumn(3).isNull()) {
      a.total = decode_exact(q.getColumn(3).getString());
      if (!a.total) throw broken(a.id, "has an unreadable total");
    }
    auto pairs = split(q.getColumn(4).getString(), ';');
    if (!pairs.empty()) {
      if (pairs.size() != rules.criteria.size()) throw broken(a.id, "does not match the criteria of the rules");
      for (std::size_t i = 0; i < pairs.size(); ++i) {
        const std::string& id = rules.criteria[i].id;
        if (pairs[i].compare(0, id.size() + 1, id + "=") != 0)
          throw broken(a.id, "does not match the criteria of the rules");
        auto v = decode_exact(std::string_view(pairs[i]).substr(id.size() + 1));
        if (!v) throw broken(a.id, "has an unreadable criterion score");
        a.criteria.push_back(*v);
      }
    }
    a.reviews = q.getColumn(5).getInt();
    a.flags = split(q.getColumn(6).getString(), '|');
    a.reasons = split(q.getColumn(7).getString(), '|');
    result.applications.push_back(std::move(a));
  }
  if (!any) {
    // A scored round without applications has no rows but does have a result.
    auto r = store.find_round(round);
    if (!r || r->stage == "open") return std::nullopt;
  }
  return result;
}

}  // namespace competition
