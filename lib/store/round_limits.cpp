#include "store/round_limits.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "store/store.hpp"
#include "values/money.hpp"

namespace competition {

namespace {

// The value of a one-row SUM query, or nullopt when SQLite's exact integer sum
// overflowed 64 bits (it throws "integer overflow" rather than wrap): far above
// every limit either way.
std::optional<std::int64_t> sum_of(Store& store, const std::string& sql, const std::string& round) {
  try {
    SQLite::Statement q(store.db(), sql);
    q.bind(1, round);
    if (!q.executeStep() || q.getColumn(0).isNull()) return 0;
    return q.getColumn(0).getInt64();
  } catch (const SQLite::Exception& e) {
    if (std::string_view(e.what()).find("integer overflow") == std::string_view::npos) throw;
    return std::nullopt;
  }
}

std::string shown_total(const std::optional<std::int64_t>& total, bool money) {
  if (!total) return "more than 9.2 × 10^18";
  return money ? Money::from_kopiykas(*total).to_string() : std::to_string(*total);
}

}  // namespace

std::vector<std::string> round_limit_problems(Store& store, const std::string& round, RoundPart part) {
  std::vector<std::string> out;
  const Money max_money = Money::from_kopiykas(max_round_money_kopiykas);
  const std::string where = part == RoundPart::history ? "" : "round " + round + ": ";
  auto money = [&](const std::string& what, const std::string& sql) {
    auto total = sum_of(store, sql, round);
    if (!total || *total > max_round_money_kopiykas)
      out.push_back(fmt::format("{}{} add up to {}; at most {} is allowed (docs/formats.md \"Limits\")", where, what,
                                shown_total(total, true), max_money.to_string()));
  };
  auto count = [&](const std::string& what, const std::string& sql) {
    auto total = sum_of(store, sql, round);
    if (!total || *total > max_round_count)
      out.push_back(fmt::format("{}{} add up to {}; at most {} is allowed (docs/formats.md \"Limits\")", where, what,
                                shown_total(total, false), max_round_count));
  };
  if (part == RoundPart::applications) {
    money("the requested and co-financing amounts of the applications",
          "SELECT sum(requested) + sum(cofinancing) FROM applications WHERE round_id = ?");
    count("the applications' planned_clients", "SELECT sum(planned_clients) FROM applications WHERE round_id = ?");
    count("the applications' planned_jobs", "SELECT sum(planned_jobs) FROM applications WHERE round_id = ?");
    count("the applications' planned_volunteers",
          "SELECT sum(planned_volunteers) FROM applications WHERE round_id = ?");
  }
  if (part == RoundPart::outcomes) {
    money("the outcomes' attracted amounts", "SELECT sum(attracted) FROM outcomes WHERE round_id = ?");
    count("the outcomes' clients", "SELECT sum(clients) FROM outcomes WHERE round_id = ?");
    count("the outcomes' jobs", "SELECT sum(jobs) FROM outcomes WHERE round_id = ?");
    count("the outcomes' volunteers", "SELECT sum(volunteers) FROM outcomes WHERE round_id = ?");
  }
  if (part == RoundPart::history) {
    money("the history's budget and attracted amounts",
          "SELECT sum(budget) + sum(attracted) FROM history WHERE ? IS NOT NULL");
    for (const char* column : {"participants", "winners", "clients", "jobs", "volunteers"})
      count(fmt::format("the history's {}", column),
            fmt::format("SELECT sum({}) FROM history WHERE ? IS NOT NULL", column));
  }
  if (part != RoundPart::reviews) return out;
  SQLite::Statement most(store.db(),
                         "SELECT application, count(*) AS n FROM reviews WHERE round_id = ? AND excluded = 0 "
                         "GROUP BY application ORDER BY n DESC, application LIMIT 1");
  most.bind(1, round);
  if (most.executeStep() && most.getColumn(1).getInt64() > max_reviews_per_application)
    out.push_back(
        fmt::format("round {}: application {} has {} reviews, more than the {} an application may have "
                    "(docs/formats.md \"Limits\")",
                    round, most.getColumn(0).getString(), most.getColumn(1).getInt64(), max_reviews_per_application));
  return out;
}

}  // namespace competition
