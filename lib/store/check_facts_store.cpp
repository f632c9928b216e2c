#include "store/check_facts_store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <set>

#include "formats/bundle_inputs.hpp"

namespace competition {

namespace {

// The identity key of an organisations row (docs/formats.md "Organisations").
constexpr const char* identity_sql =
    "CASE WHEN o.edrpou IS NOT NULL THEN 'code:' || o.edrpou ELSE 'name:' || o.name_key END";

std::optional<std::string> optional_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

}  // namespace

std::int64_t last_log_seq(Store& store) {
  SQLite::Statement q(store.db(), "SELECT COALESCE(MAX(seq), 0) FROM decision_log");
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::vector<EarlierWinnerRecord> earlier_winners(Store& store, const std::string& round, int year,
                                                 std::int64_t log_seq) {
  SQLite::Statement q(store.db(),
                      std::string("SELECT r.id, r.year, a.id, ") + identity_sql +
                          ", a.title, g.report_due, u.received_on "
                          "FROM rounds r JOIN allocations l ON l.round_id = r.id "
                          "JOIN applications a ON a.round_id = l.round_id AND a.id = l.application "
                          "JOIN organisations o ON o.id = a.organisation_id "
                          "LEFT JOIN agreements g ON g.round_id = a.round_id AND g.application = a.id "
                          "LEFT JOIN outcomes u ON u.round_id = a.round_id AND u.application = a.id "
                          "WHERE r.id <> ?1 AND l.status IN ('funded', 'partial') AND (r.year < ?2 OR (r.year = ?2 "
                          "AND EXISTS (SELECT 1 FROM decision_log d WHERE d.round_id = r.id AND d.kind = 'allocate' "
                          "AND d.seq <= ?3))) ORDER BY r.id, a.id");
  q.bind(1, round);
  q.bind(2, year);
  q.bind(3, log_seq);
  std::vector<EarlierWinnerRecord> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getString(),
                   q.getColumn(3).getString(), q.getColumn(4).getString(), optional_text(q.getColumn(5)),
                   optional_text(q.getColumn(6))});
  return out;
}

void use_round_keys(std::vector<Application>& applications) { assign_organisations(applications); }

CheckFacts todays_check_facts(Store& store, const Rules& rules, const std::string& round,
                              const std::vector<Application>& applications, std::int64_t log_seq) {
  // The database's identity of each application: what the earlier winners are matched on.
  SQLite::Statement q(store.db(), std::string("SELECT a.id, ") + identity_sql +
                                      " FROM applications a JOIN organisations o ON o.id = a.organisation_id "
                                      "WHERE a.round_id = ?");
  q.bind(1, round);
  std::map<std::string, std::string> identity_of;
  while (q.executeStep()) identity_of.emplace(q.getColumn(0).getString(), q.getColumn(1).getString());
  // Identity -> the round key of an applicant that has it (the identity itself when one
  // applicant's round key is it: a name-only applicant matched to a coded organisation
  // known from earlier rounds only is `name:` in the bundle, and the fact follows it).
  std::map<std::string, std::string> round_key;
  for (const Application& a : applications) {
    auto identity = identity_of.find(a.id);
    if (identity == identity_of.end()) continue;
    auto [it, fresh] = round_key.emplace(identity->second, a.organisation_key);
    if (!fresh && a.organisation_key == identity->second) it->second = a.organisation_key;
  }
  std::set<std::string> applicants;
  for (const auto& [identity, key] : round_key) applicants.insert(identity);
  CheckFacts facts = check_facts(earlier_winners(store, round, rules.year, log_seq),
                                 cut_off_date(rules.year, applications), applicants);
  for (EarlierWinner& w : facts) w.organisation = round_key.at(w.organisation);
  return facts;
}

void save_check_facts(Store& store, const std::string& round, const std::optional<StoredCheckFacts>& facts) {
  SQLite::Statement clear_facts(store.db(), "DELETE FROM check_facts WHERE round_id = ?");
  clear_facts.bind(1, round);
  clear_facts.exec();
  SQLite::Statement clear_round(store.db(), "DELETE FROM checked_rounds WHERE round_id = ?");
  clear_round.bind(1, round);
  clear_round.exec();
  if (!facts) return;
  SQLite::Statement mark(store.db(), "INSERT INTO checked_rounds (round_id, log_seq) VALUES (?, ?)");
  mark.bind(1, round);
  mark.bind(2, facts->log_seq);
  mark.exec();
  SQLite::Statement put(store.db(),
                        "INSERT INTO check_facts (round_id, earlier_round, application, organisation, title_key, "
                        "report) VALUES (?, ?, ?, ?, ?, ?)");
  for (const EarlierWinner& w : facts->facts) {
    put.bind(1, round);
    put.bind(2, w.round);
    put.bind(3, w.application);
    put.bind(4, w.organisation);
    put.bind(5, w.title_key);
    put.bind(6, std::string(to_string(w.report)));
    put.exec();
    put.reset();
  }
}

std::optional<StoredCheckFacts> load_check_facts(Store& store, const std::string& round) {
  SQLite::Statement mark(store.db(), "SELECT log_seq FROM checked_rounds WHERE round_id = ?");
  mark.bind(1, round);
  if (!mark.executeStep()) return std::nullopt;
  StoredCheckFacts out;
  out.log_seq = mark.getColumn(0).getInt64();
  SQLite::Statement q(store.db(),
                      "SELECT earlier_round, application, organisation, title_key, report FROM check_facts "
                      "WHERE round_id = ? ORDER BY earlier_round, application");
  q.bind(1, round);
  while (q.executeStep())
    out.facts.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                         q.getColumn(3).getString(),
                         report_state_named(q.getColumn(4).getString()).value_or(ReportState::not_due)});
  return out;
}

}  // namespace competition
