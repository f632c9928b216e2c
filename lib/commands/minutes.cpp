#include "commands/minutes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/sensitivity.hpp"
#include "render/commission_words.hpp"
#include "render/reason_words.hpp"
#include "store/decision_log.hpp"
#include "store/score_store.hpp"
#include "values/common_words.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_unreadable{.uk = "конкурс {}: збережений запис рішення не вдається прочитати ({})",
                                            .en = "round {}: the stored decision record cannot be read ({})"};
constexpr PerLang<const char*> w_not_money{.uk = "{} не є сумою грошей", .en = "{} is not money"};
constexpr PerLang<const char*> w_unknown_status{.uk = "невідомий статус {}", .en = "unknown status of {}"};
constexpr PerLang<const char*> w_bad_reason{.uk = "нечитабельна причина {}", .en = "unreadable reason of {}"};
constexpr PerLang<const char*> w_not_allocated{.uk = "конкурс {} ще не розподілено: протокол фіксує розподіл",
                                               .en = "round {} is not allocated yet: the minutes record an allocation"};

namespace {

[[noreturn]] void unreadable(const std::string& round, const Message& what) {
  throw Error(ErrorKind::io, say(w_unreadable, round, what), Remedy::audit);
}

Money money_of(const nlohmann::json& j, const std::string& round, const char* what) {
  if (!j.is_string()) unreadable(round, say(w_not_money, what));
  auto m = Money::parse(j.get<std::string>());
  if (!m) unreadable(round, say(w_not_money, what));
  return *m;
}

// The allocation lines and lots of a decision record (docs/bundle.md "The decision record").
void read_record(const nlohmann::json& record, const std::string& round, MinutesData& m) {
  try {
    m.budget = money_of(record.at("budget"), round, "budget");
    m.awarded = money_of(record.at("awarded"), round, "awarded");
    m.leftover = money_of(record.at("leftover"), round, "leftover");
    m.fingerprint = record.at("fingerprint").get<std::string>();
    for (const auto& l : record.at("lots"))
      m.lots.push_back(LotAllocation{l.at("id").get<std::string>(), money_of(l.at("budget"), round, "lot budget"),
                                     money_of(l.at("awarded"), round, "lot awarded")});
    for (const auto& a : record.at("applications")) {
      AllocationLine line;
      line.id = a.at("id").get<std::string>();
      if (!a.at("rank").is_null()) line.rank = a.at("rank").get<int>();
      auto status = parse_award_status(a.at("status").get<std::string>());
      if (!status) unreadable(round, say(w_unknown_status, line.id));
      line.status = *status;
      line.award = money_of(a.at("award"), round, "award");
      if (!a.at("lot").is_null()) line.lot = a.at("lot").get<std::string>();
      if (a.contains("reasons"))
        for (const auto& r : a.at("reasons").get<std::vector<std::string>>()) {
          if (r.empty() || r.find('|') != std::string::npos) unreadable(round, say(w_bad_reason, line.id));
          line.reasons.push_back(r);
        }
      m.lines.push_back(std::move(line));
    }
    for (const auto& d : record.at("decisions")) m.applied.push_back(d.at("n").get<int>());
  } catch (const nlohmann::json::exception& e) {
    unreadable(round, std::string(e.what()));
  }
}

}  // namespace

// docs/decisions.md "The minutes" (`competition minutes`): "the minutes show the latest allocation and list
// any decision recorded after it as not yet applied".
MinutesData load_minutes(Store& store, const std::optional<std::string>& round_id, const std::string& date,
                         bool sensitivity) {
  MinutesData m;
  m.round = store.resolve_round(round_id);
  m.date = date;
  const std::string& id = m.round.id;
  std::vector<LogEntry> log = log_entries(store, id);
  const LogEntry* allocation = nullptr;
  for (const LogEntry& e : log)
    if (e.kind == LogKind::allocate) allocation = &e;
  if (!allocation) throw Error(ErrorKind::conflict, say(w_not_allocated, id), Remedy::allocate_before_minutes);
  m.rules = Store::rules_of(m.round);
  m.applications = store.applications(id);
  if (auto scores = load_scores(store, id, m.rules)) m.scores = std::move(*scores);
  nlohmann::json record;
  try {
    record = nlohmann::json::parse(allocation->payload);
  } catch (const nlohmann::json::parse_error&) {
    unreadable(id, say(not_json_words));
  }
  read_record(record, id, m);
  m.allocated_at = allocation->recorded_at;
  m.before = read_decisions(entries_before(log, allocation->seq));
  for (const CommissionDecision& d : read_decisions(log))
    if (d.seq > allocation->seq) m.after.push_back(d);
  if (!m.rules.lots.empty() && m.rules.leftover == Leftover::pool) {
    Money lots_awarded;
    for (const auto& l : m.lots) lots_awarded += l.awarded;
    m.pool_amount = m.budget - lots_awarded;
    for (const auto& l : m.lines)
      if (l.lot && *l.lot == "pool") m.pool_awarded += l.award;
  }
  if (sensitivity)
    m.sensitivity = competition::sensitivity(m.rules, m.applications, store.reviews(id, m.rules),
                                             reduce_decisions(m.before).standing);
  return m;
}

}  // namespace competition
