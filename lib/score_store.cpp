#include "score_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "bulk_statement.hpp"

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

void append_exact(std::string& out, const Rational& value) {
  char buf[48];
  char* p = std::to_chars(buf, buf + sizeof buf, value.num()).ptr;
  *p++ = '/';
  p = std::to_chars(p, buf + sizeof buf, value.den()).ptr;
  out.append(buf, p);
}

// The `criteria` column: `id=num/den;…` in the rules' criteria order.
std::string encode_criteria(const Rules& rules, const std::vector<Rational>& criteria) {
  std::string out;
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    if (i) out += ';';
    if (i < rules.criteria.size())
      out += rules.criteria[i].id;
    else
      out += std::to_string(i + 1);
    out += '=';
    append_exact(out, criteria[i]);
  }
  return out;
}

}  // namespace

std::string encode_exact(const Rational& value) {
  std::string out;
  append_exact(out, value);
  return out;
}

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
    // In batches (bulk_statement.hpp): a national round stores 100 000s of rows.
    BatchInsert ins(db,
                    "INSERT OR FAIL INTO scores (round_id, application, status, rank, total, total_display, criteria, "
                    "reviews, flags, reasons)",
                    10);
    // In key order, not rank order: appending to the B-tree instead of
    // inserting all over it (the stored rows are the same).
    std::vector<const ScoredApplication*> by_id;
    by_id.reserve(result.applications.size());
    for (const auto& a : result.applications) by_id.push_back(&a);
    std::sort(by_id.begin(), by_id.end(), [](const auto* x, const auto* y) { return x->id < y->id; });
    for (const ScoredApplication* p : by_id) {
      const ScoredApplication& a = *p;
      ins.text(round).text(a.id).text(to_string(a.status));
      if (a.rank)
        ins.integer(*a.rank);
      else
        ins.null();
      if (a.total)
        ins.text(encode_exact(*a.total)).text(a.total->to_fixed(2));
      else
        ins.null().null();
      ins.text(encode_criteria(rules, a.criteria)).integer(a.reviews);
      ins.text(join(a.flags, '|')).text(join(a.reasons, '|')).end_row();
    }
    ins.flush();
    db.exec("RELEASE save_scores");
  } catch (...) {
    db.exec("ROLLBACK TO save_scores");
    db.exec("RELEASE save_scores");
    throw;
  }
}

std::optional<ScoreResult> load_scores(Store& store, const std::string& round, const Rules& rules) {
  // BulkStatement and string_views: `allocate` and `audit` read a national
  // round's 100 000s of scores back here.
  // Read in key order and sorted here (rank IS NULL, rank, application): the
  // same order as SQL's ORDER BY, without SQLite sorting whole records.
  BulkStatement q(store.db(),
                  "SELECT application, status, rank, total, criteria, reviews, flags, reasons FROM scores "
                  "WHERE round_id = ? ORDER BY application");
  q.text(1, round);
  struct Row {
    std::string id, status, total, criteria, flags, reasons;
    std::optional<std::int64_t> rank;
    bool has_total = false;
    std::int64_t reviews = 0;
  };
  std::vector<Row> rows;
  while (q.step()) {
    Row row{std::string(q.column_text(0)), std::string(q.column_text(1)), std::string(q.column_text(3)),
            std::string(q.column_text(4)), std::string(q.column_text(6)), std::string(q.column_text(7)),
            std::nullopt, !q.column_null(3), q.column_int64(5)};
    if (!q.column_null(2)) row.rank = q.column_int64(2);
    rows.push_back(std::move(row));
  }
  std::vector<const Row*> order;
  order.reserve(rows.size());
  for (const Row& row : rows) order.push_back(&row);
  std::stable_sort(order.begin(), order.end(), [](const Row* x, const Row* y) {  // ties keep application order
    if (x->rank.has_value() != y->rank.has_value()) return x->rank.has_value();
    return x->rank && *x->rank < *y->rank;
  });
  auto broken = [&](const std::string& app, std::string_view what) {
    return Error(ExitCode::conflict,
                 fmt::format("round {}: the stored score of {} {} (run `competition score` again)", round, app, what));
  };
  ScoreResult result;
  result.applications.reserve(rows.size());
  bool any = !rows.empty();
  for (const Row* row : order) {
    ScoredApplication a;
    a.id = row->id;
    auto status = parse_status(row->status);
    if (!status) throw broken(a.id, "has an unknown status");
    a.status = *status;
    if (row->rank) a.rank = static_cast<int>(*row->rank);
    if (row->has_total) {
      a.total = decode_exact(row->total);
      if (!a.total) throw broken(a.id, "has an unreadable total");
    }
    // `id=num/den;…`, one pair per criterion in the rules' order (as split(';') saw it).
    std::string_view criteria = row->criteria;
    if (!criteria.empty()) {
      auto pairs = static_cast<std::size_t>(std::count(criteria.begin(), criteria.end(), ';')) + 1;
      if (pairs != rules.criteria.size()) throw broken(a.id, "does not match the criteria of the rules");
      a.criteria.reserve(pairs);
      for (std::size_t i = 0, start = 0; i < pairs; ++i) {
        std::size_t end = std::min(criteria.find(';', start), criteria.size());
        std::string_view pair = criteria.substr(start, end - start);
        start = end + 1;
        const std::string& id = rules.criteria[i].id;
        if (pair.size() <= id.size() || pair.substr(0, id.size()) != id || pair[id.size()] != '=')
          throw broken(a.id, "does not match the criteria of the rules");
        auto v = decode_exact(pair.substr(id.size() + 1));
        if (!v) throw broken(a.id, "has an unreadable criterion score");
        a.criteria.push_back(*v);
      }
    }
    a.reviews = static_cast<int>(row->reviews);
    a.flags = split(row->flags, '|');
    a.reasons = split(row->reasons, '|');
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
