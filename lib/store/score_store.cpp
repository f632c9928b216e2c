#include "store/score_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "base/id_order.hpp"
#include "base/permutation.hpp"
#include "store/bulk_statement.hpp"
#include "store/scored_inputs.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_no_round{.uk = "немає конкурсу \"{}\" у {}", .en = "no round \"{}\" in {}"};
constexpr PerLang<const char*> w_unknown_status{.uk = "має невідомий статус", .en = "has an unknown status"};
constexpr PerLang<const char*> w_bad_total{.uk = "має нечитабельну суму балів", .en = "has an unreadable total"};
constexpr PerLang<const char*> w_criteria{.uk = "не відповідає критеріям правил",
                                          .en = "does not match the criteria of the rules"};
constexpr PerLang<const char*> w_bad_score{.uk = "має нечитабельну оцінку за критерієм",
                                           .en = "has an unreadable criterion score"};
constexpr PerLang<const char*> w_broken{.uk = "конкурс {}: збережена оцінка {} {}",
                                        .en = "round {}: the stored score of {} {}"};

namespace {

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

// The `criteria` column: `id=num/den;…` in the rules' criteria order, into
// `out` (cleared first).
void encode_criteria(std::string& out, const Rules& rules, const std::vector<Rational>& criteria) {
  out.clear();
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    if (i) out += ';';
    if (i < rules.criteria.size())
      out += rules.criteria[i].id;
    else
      out += std::to_string(i + 1);
    out += '=';
    append_exact(out, criteria[i]);
  }
}

}  // namespace

std::string encode_criteria(const Rules& rules, const std::vector<Rational>& criteria) {
  std::string out;
  encode_criteria(out, rules, criteria);
  return out;
}

void each_stored_score_text(Store& store, const std::string& round,
                            const std::function<void(const StoredScoreText&)>& row) {
  SQLite::Statement q(store.db(),
                      "SELECT application, total, criteria FROM scores WHERE round_id = ? ORDER BY application");
  q.bind(1, round);
  while (q.executeStep()) {
    StoredScoreText t{q.getColumn(0).getString(), std::nullopt, q.getColumn(2).getString()};
    if (!q.getColumn(1).isNull()) t.total = q.getColumn(1).getString();
    row(t);
  }
}

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

void clear_scores(Store& store, const std::string& round) {
  SQLite::Statement del(store.db(), "DELETE FROM scores WHERE round_id = ?");
  del.bind(1, round);
  del.exec();
  clear_scored_inputs(store, round);  // what they were computed from goes with them
}

void save_scores(Store& store, const std::string& round, const ScoreResult& result) {
  auto& db = store.db();
  auto record = store.find_round(round);
  if (!record) throw Error(ErrorKind::invalid, say(w_no_round, round, store.path()));
  Rules rules = Store::rules_of(*record);
  db.exec("SAVEPOINT save_scores");
  try {
    clear_scores(store, round);
    // In batches (bulk_statement.hpp): a national round stores 100 000s of rows.
    BatchInsert ins(db,
                    "INSERT OR FAIL INTO scores (round_id, application, status, rank, total, criteria, reviews, flags, "
                    "reasons)",
                    9);
    // In key order, not rank order (id_order.hpp; the stored rows are the same).
    std::string total, criteria;  // BatchInsert copies text: reused buffers
    auto id_of = [](const ScoredApplication& a) -> const std::string& { return a.id; };
    each_in_id_order(result.applications, id_of, [&](const ScoredApplication& a) {
      ins.text(round).text(a.id).text(to_string(a.status));
      if (a.rank)
        ins.integer(*a.rank);
      else
        ins.null();
      if (a.total) {
        total.clear();
        append_exact(total, *a.total);
        ins.text(total);
      } else {
        ins.null();
      }
      encode_criteria(criteria, rules, a.criteria);
      ins.text(criteria).integer(a.reviews).text(a.flags.joined()).text(a.reasons.joined()).end_row();
    });
    ins.flush();
    db.exec("RELEASE save_scores");
  } catch (...) {
    db.exec("ROLLBACK TO save_scores");
    db.exec("RELEASE save_scores");
    throw;
  }
}

namespace {

// One stored row of `scores` read by each_stored_score, parsed into `a`
// (reused: its vectors keep their space); what is wrong with it, or empty.
const PerLang<const char*>* parse_score_row(BulkStatement& q, const Rules& rules, ScoredApplication& a) {
  a.id.assign(q.column_text(0));
  a.rank.reset();
  if (!q.column_null(2)) a.rank = static_cast<int>(q.column_int64(2));
  a.total.reset();
  a.criteria.clear();
  a.reviews = 0;
  a.flags.clear();
  a.reasons.clear();
  auto status = parse_status(q.column_text(1));
  if (!status) return &w_unknown_status;
  a.status = *status;
  if (!q.column_null(3)) {
    a.total = decode_exact(q.column_text(3));
    if (!a.total) return &w_bad_total;
  }
  // `id=num/den;…`, one pair per criterion in the rules' order (as split(';') saw it).
  std::string_view criteria = q.column_text(4);
  if (!criteria.empty()) {
    auto pairs = static_cast<std::size_t>(std::count(criteria.begin(), criteria.end(), ';')) + 1;
    if (pairs != rules.criteria.size()) return &w_criteria;
    a.criteria.reserve(pairs);
    for (std::size_t i = 0, start = 0; i < pairs; ++i) {
      std::size_t end = std::min(criteria.find(';', start), criteria.size());
      std::string_view pair = criteria.substr(start, end - start);
      start = end + 1;
      const std::string& id = rules.criteria[i].id;
      if (pair.size() <= id.size() || pair.substr(0, id.size()) != id || pair[id.size()] != '=') return &w_criteria;
      auto v = decode_exact(pair.substr(id.size() + 1));
      if (!v) return &w_bad_score;
      a.criteria.push_back(*v);
    }
  }
  a.reviews = static_cast<int>(q.column_int64(5));
  a.flags.assign_joined(q.column_text(6));
  a.reasons.assign_joined(q.column_text(7));
  return nullptr;
}

// The first row that could not be read in the stored order (rank, then the
// unranked, each by application), as when rows were parsed in that order.
struct BrokenRow {
  std::string id;
  std::optional<int> rank;
  const PerLang<const char*>* what;
  bool before(const ScoredApplication& a) const {
    if (rank.has_value() != a.rank.has_value()) return rank.has_value();
    if (rank && *rank != *a.rank) return *rank < *a.rank;
    return id < a.id;
  }
};

}  // namespace

void each_stored_score(Store& store, const std::string& round, const Rules& rules,
                       const std::function<void(ScoredApplication&)>& row) {
  // BulkStatement and string_views: `allocate` and `audit` read a national
  // round's 100 000s of scores back here. Key order: appending, no sort in SQLite.
  BulkStatement q(store.db(),
                  "SELECT application, status, rank, total, criteria, reviews, flags, reasons FROM scores "
                  "WHERE round_id = ? ORDER BY application");
  q.text(1, round);
  ScoredApplication a;
  std::optional<BrokenRow> broken;
  while (q.step()) {
    if (const PerLang<const char*>* what = parse_score_row(q, rules, a)) {
      if (!broken || !broken->before(a)) broken = BrokenRow{a.id, a.rank, what};
    } else if (!broken) {
      row(a);
    }
  }
  if (broken)
    throw Error(ErrorKind::conflict, say(w_broken, round, broken->id, *broken->what), Remedy::score_stored_again);
}

std::vector<ScoredApplication> stored_scores_by_id(Store& store, const std::string& round, const Rules& rules) {
  std::vector<ScoredApplication> rows;
  each_stored_score(store, round, rules, [&](ScoredApplication& a) { rows.push_back(std::move(a)); });
  return rows;
}

ScoreResult in_stored_order(std::vector<ScoredApplication> rows) {
  // Each row parsed as it is read, then the results put in order (rank IS
  // NULL, rank, application): the same order as SQL's ORDER BY, without
  // SQLite sorting whole records.
  std::vector<std::uint32_t> order(rows.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {  // ties keep application order
    const auto& rx = rows[x].rank;
    const auto& ry = rows[y].rank;
    if (rx.has_value() != ry.has_value()) return rx.has_value();
    return rx && *rx < *ry;
  });
  permute_in_place(rows, order);  // no second copy of a national result
  ScoreResult result;
  result.applications = std::move(rows);
  return result;
}

std::optional<ScoreResult> load_scores(Store& store, const std::string& round, const Rules& rules) {
  ScoreResult result = in_stored_order(stored_scores_by_id(store, round, rules));
  if (result.applications.empty()) {
    // A scored round without applications has no rows but does have a result.
    auto r = store.find_round(round);
    if (!r || r->stage == Stage::open) return std::nullopt;
  }
  return result;
}

}  // namespace competition
