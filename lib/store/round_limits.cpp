#include "store/round_limits.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

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

Message shown_total(const std::optional<std::int64_t>& total, bool money) {
  if (!total) return say(w_huge);
  return money ? Money::from_kopiykas(*total).said() : Message(std::to_string(*total));
}

}  // namespace

std::vector<Message> round_limit_problems(Store& store, const std::string& round, RoundPart part) {
  std::vector<Message> out;
  const Money max_money = Money::from_kopiykas(max_round_money_kopiykas);
  const Message where = part == RoundPart::history ? Message() : say(w_where, round);
  auto money = [&](const Message& what, const std::string& sql) {
    auto total = sum_of(store, sql, round);
    if (!total || *total > max_round_money_kopiykas)
      out.push_back(say(w_limit, where, what, shown_total(total, true), max_money.said()));
  };
  auto count = [&](const Message& what, const std::string& sql) {
    auto total = sum_of(store, sql, round);
    if (!total || *total > max_round_count)
      out.push_back(say(w_limit, where, what, shown_total(total, false), max_round_count));
  };
  if (part == RoundPart::applications) {
    money(say(w_app_money), "SELECT sum(requested) + sum(cofinancing) FROM applications WHERE round_id = ?");
    count(say(w_app_clients), "SELECT sum(planned_clients) FROM applications WHERE round_id = ?");
    count(say(w_app_jobs), "SELECT sum(planned_jobs) FROM applications WHERE round_id = ?");
    count(say(w_app_volunteers), "SELECT sum(planned_volunteers) FROM applications WHERE round_id = ?");
  }
  if (part == RoundPart::outcomes) {
    money(say(w_out_money), "SELECT sum(attracted) FROM outcomes WHERE round_id = ?");
    count(say(w_out_clients), "SELECT sum(clients) FROM outcomes WHERE round_id = ?");
    count(say(w_out_jobs), "SELECT sum(jobs) FROM outcomes WHERE round_id = ?");
    count(say(w_out_volunteers), "SELECT sum(volunteers) FROM outcomes WHERE round_id = ?");
  }
  if (part == RoundPart::history) {
    money(say(w_history_money), "SELECT sum(budget) + sum(attracted) FROM history WHERE ? IS NOT NULL");
    for (const char* column : {"participants", "winners", "clients", "jobs", "volunteers"})
      count(say(w_history_column, column), fmt::format("SELECT sum({}) FROM history WHERE ? IS NOT NULL", column));
  }
  if (part != RoundPart::reviews) return out;
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
