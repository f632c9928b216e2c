#include "store/round_limits.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <optional>
#include <string>
#include <vector>

#include "store/store.hpp"
#include "values/message.hpp"
#include "values/money.hpp"

namespace competition {

constexpr PerLang<const char*> w_huge{.uk = "понад 9,2 × 10^18", .en = "more than 9.2 × 10^18"};
constexpr PerLang<const char*> w_where{.uk = "конкурс {}: ", .en = "round {}: "};
constexpr PerLang<const char*> w_limit{.uk = "{}{} разом {}; дозволено щонайбільше {} (docs/formats.md \"Limits\")",
                                       .en = "{}{} add up to {}; at most {} is allowed (docs/formats.md \"Limits\")"};
constexpr PerLang<const char*> w_app_money{.uk = "запитані суми й суми співфінансування заявок",
                                           .en = "the requested and co-financing amounts of the applications"};
constexpr PerLang<const char*> w_app_clients{.uk = "planned_clients заявок", .en = "the applications' planned_clients"};
constexpr PerLang<const char*> w_app_jobs{.uk = "planned_jobs заявок", .en = "the applications' planned_jobs"};
constexpr PerLang<const char*> w_app_volunteers{.uk = "planned_volunteers заявок",
                                                .en = "the applications' planned_volunteers"};
constexpr PerLang<const char*> w_out_money{.uk = "залучені суми з результатів",
                                           .en = "the outcomes' attracted amounts"};
constexpr PerLang<const char*> w_out_clients{.uk = "clients з результатів", .en = "the outcomes' clients"};
constexpr PerLang<const char*> w_out_jobs{.uk = "jobs з результатів", .en = "the outcomes' jobs"};
constexpr PerLang<const char*> w_out_volunteers{.uk = "volunteers з результатів", .en = "the outcomes' volunteers"};
constexpr PerLang<const char*> w_history_money{.uk = "бюджети й залучені суми в історії",
                                               .en = "the history's budget and attracted amounts"};
constexpr PerLang<const char*> w_history_column{.uk = "{} в історії", .en = "the history's {}"};
constexpr PerLang<const char*> w_reviews{
    .uk = "конкурс {}: заявка {} має {} оцінок — більше за {}, що їх може мати заявка (docs/formats.md \"Limits\")",
    .en =
        "round {}: application {} has {} reviews, more than the {} an application may have (docs/formats.md "
        "\"Limits\")"};

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

// What sum_of gives for each of `sums` (SQL expressions) over `from`, in one
// scan of the table (four scans were 9 % of an import); when one overflows,
// one query each, so that only the totals that overflowed are nullopt.
std::vector<std::optional<std::int64_t>> sums_of(Store& store, const std::vector<std::string>& sums,
                                                 const std::string& from, const std::string& round) {
  std::vector<std::optional<std::int64_t>> out;
  try {
    SQLite::Statement q(store.db(), fmt::format("SELECT {} FROM {}", fmt::join(sums, ", "), from));
    q.bind(1, round);
    const bool row = q.executeStep();
    for (int i = 0; i < static_cast<int>(sums.size()); ++i)
      out.emplace_back(!row || q.getColumn(i).isNull() ? 0 : q.getColumn(i).getInt64());
    return out;
  } catch (const SQLite::Exception& e) {
    if (std::string_view(e.what()).find("integer overflow") == std::string_view::npos) throw;
  }
  out.clear();
  for (const std::string& sum : sums) out.push_back(sum_of(store, fmt::format("SELECT {} FROM {}", sum, from), round));
  return out;
}

Message shown_total(const std::optional<std::int64_t>& total, bool money) {
  if (!total) return say(w_huge);
  return money ? Money::from_kopiykas(*total).said() : Message(std::to_string(*total));
}

// One total a limit applies to: what it is called, its SQL, whether it is money.
struct Total {
  Message what;
  std::string sum;
  bool money = false;
};

}  // namespace

std::vector<Message> round_limit_problems(Store& store, const std::string& round, RoundPart part) {
  std::vector<Message> out;
  const Money max_money = Money::from_kopiykas(max_round_money_kopiykas);
  const Message where = part == RoundPart::history ? Message() : say(w_where, round);
  auto check = [&](const std::string& from, const std::vector<Total>& totals) {
    std::vector<std::string> sums;
    for (const Total& t : totals) sums.push_back(t.sum);
    const std::vector<std::optional<std::int64_t>> values = sums_of(store, sums, from, round);
    for (std::size_t i = 0; i < totals.size(); ++i) {
      const auto& total = values[i];
      if (totals[i].money && (!total || *total > max_round_money_kopiykas))
        out.push_back(say(w_limit, where, totals[i].what, shown_total(total, true), max_money.said()));
      if (!totals[i].money && (!total || *total > max_round_count))
        out.push_back(say(w_limit, where, totals[i].what, shown_total(total, false), max_round_count));
    }
  };
  if (part == RoundPart::applications)
    check("applications WHERE round_id = ?", {{say(w_app_money), "sum(requested) + sum(cofinancing)", true},
                                              {say(w_app_clients), "sum(planned_clients)"},
                                              {say(w_app_jobs), "sum(planned_jobs)"},
                                              {say(w_app_volunteers), "sum(planned_volunteers)"}});
  if (part == RoundPart::outcomes)
    check("outcomes WHERE round_id = ?", {{say(w_out_money), "sum(attracted)", true},
                                          {say(w_out_clients), "sum(clients)"},
                                          {say(w_out_jobs), "sum(jobs)"},
                                          {say(w_out_volunteers), "sum(volunteers)"}});
  if (part == RoundPart::history) {
    std::vector<Total> totals{{say(w_history_money), "sum(budget) + sum(attracted)", true}};
    for (const char* column : {"participants", "winners", "clients", "jobs", "volunteers"})
      totals.push_back({say(w_history_column, column), fmt::format("sum({})", column)});
    check("history WHERE ? IS NOT NULL", totals);
  }
  if (part != RoundPart::reviews) return out;
  // Whether any application has too many first: the query that names the one
  // with the most sorts every application's group (10 % of a reviews import).
  SQLite::Statement over(store.db(),
                         "SELECT EXISTS (SELECT 1 FROM reviews WHERE round_id = ? AND excluded = 0 "
                         "GROUP BY application HAVING count(*) > ?)");
  over.bind(1, round);
  over.bind(2, max_reviews_per_application);
  if (!over.executeStep() || over.getColumn(0).getInt() == 0) return out;
  SQLite::Statement most(store.db(),
                         "SELECT application, count(*) AS n FROM reviews WHERE round_id = ? AND excluded = 0 "
                         "GROUP BY application ORDER BY n DESC, application LIMIT 1");
  most.bind(1, round);
  if (most.executeStep() && most.getColumn(1).getInt64() > max_reviews_per_application)
    out.push_back(say(w_reviews, round, most.getColumn(0).getString(), most.getColumn(1).getInt64(),
                      max_reviews_per_application));
  return out;
}

}  // namespace competition
