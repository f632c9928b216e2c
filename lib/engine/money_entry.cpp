#include "engine/money_entry.hpp"

#include <fmt/format.h>

#include <set>

#include "base/sha256.hpp"
#include "formats/canonical_csv.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_not_sha{.uk = "не SHA-256 таблиці", .en = "not a SHA-256 of the table"};

namespace {

// The data line of a one-row canonical CSV (its header dropped, its line end too).
std::string data_line(const std::string& csv) {
  const std::size_t start = csv.find('\n') + 1;
  return csv.substr(start, csv.size() - start - 1);
}

template <class Row, class Key, class Csv>
MoneyTable table_of(const char* name, const std::vector<Row>& rows, Key&& key_of, Csv&& csv) {
  MoneyTable t{name, sha256_hex(csv(rows)), {}, true};
  for (const Row& r : rows) t.rows[key_of(r)] = {r.application, data_line(csv(std::vector<Row>{r}))};
  return t;
}

}  // namespace

std::vector<MoneyTable> money_tables(const std::vector<Agreement>& agreements, const std::vector<Payment>& payments,
                                     const std::vector<Outcome>& outcomes) {
  auto application = [](const auto& r) { return r.application; };
  std::vector<MoneyTable> out = {
      table_of("agreements", agreements, application, canonical_agreements_csv),
      table_of("outcomes", outcomes, application, canonical_outcomes_csv),
      table_of(
          "payments", payments, [](const Payment& p) { return p.reference; }, canonical_payments_csv)};
  out.back().keyed_by_application = false;
  return out;
}

std::string money_row_digest(const MoneyRow& row) { return sha256_hex(row.line).substr(0, 16); }

nlohmann::ordered_json money_payload(const std::vector<MoneyTable>& tables) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  nlohmann::ordered_json rows = nlohmann::ordered_json::object();
  for (const MoneyTable& t : tables) {
    out[t.name] = t.sha256;
    nlohmann::ordered_json digests = nlohmann::ordered_json::object();
    for (const auto& [key, row] : t.rows) digests[key] = money_row_digest(row);
    rows[t.name] = digests;
  }
  out["rows"] = rows;
  return out;
}

std::optional<LoggedMoney> last_logged_money(const std::vector<LogEntry>& entries, const std::string& table) {
  for (auto e = entries.rbegin(); e != entries.rend(); ++e) {
    if (e->kind != LogKind::money) continue;
    nlohmann::ordered_json payload = nlohmann::ordered_json::parse(e->payload, nullptr, false);
    if (payload.is_object() && payload.contains(table)) return LoggedMoney{std::move(payload), e->seq};
  }
  return std::nullopt;
}

// docs/audit.md "Agreements and payments".
void compare_money_entry(const MoneyTable& now, const nlohmann::ordered_json* logged, std::int64_t seq,
                         std::vector<Difference>& out) {
  std::optional<std::string> hash;
  if (logged) {
    auto member = logged->find(now.name);
    if (member == logged->end() || !member->is_string()) {
      const Message m = say(w_not_sha);
      out.push_back({std::nullopt, fmt::format("log.{}.{}", seq, now.name), m.en, std::nullopt, true, m});
      return;
    }
    hash = member->get<std::string>();
  }
  note_difference(out, std::nullopt, now.name, now.sha256, hash);
  if (!hash || *hash == now.sha256 || !logged->contains("rows") || !logged->at("rows").is_object()) return;
  auto logged_rows = logged->at("rows").find(now.name);
  if (logged_rows == logged->at("rows").end() || !logged_rows->is_object()) return;
  const nlohmann::ordered_json& digests = *logged_rows;
  std::set<std::string> keys;
  for (const auto& [key, row] : now.rows) keys.insert(key);
  for (auto it = digests.begin(); it != digests.end(); ++it) keys.insert(it.key());
  for (const std::string& key : keys) {
    auto row = now.rows.find(key);
    std::optional<std::string> line, digest;
    std::optional<std::string> application;
    if (now.keyed_by_application) application = key;
    if (row != now.rows.end()) {
      line = row->second.line;
      application = row->second.application;
    }
    if (digests.contains(key) && digests.at(key).is_string()) digest = digests.at(key).get<std::string>();
    if (line && digest && money_row_digest(row->second) == *digest) continue;
    out.push_back({application, fmt::format("{}.{}.row", now.name, key), line, digest});
  }
}

}  // namespace competition
