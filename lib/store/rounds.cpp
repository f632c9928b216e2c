#include "store/rounds.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "base/sha256.hpp"

namespace competition {

InitResult init_round(Store& store, std::string_view rules_text, std::string_view file) {
  Rules rules = load_rules(rules_text, file);
  InitResult result;
  result.round = rules.id;
  result.rules_sha256 = sha256_hex(rules_text);
  Transaction tx(store);
  auto existing = store.find_round(rules.id);
  if (existing && existing->stage == Stage::allocated)
    throw Error(ErrorKind::conflict,
                fmt::format("{}: round {} is already allocated; its rules are frozen by the decision", file, rules.id));
  if (existing && existing->rules_sha256 == result.rules_sha256) {
    result.unchanged = true;
    return result;
  }
  auto& db = store.db();
  if (existing) {
    // New rules make stored scores stale: the round goes back to `open`.
    SQLite::Statement del(db, "DELETE FROM scores WHERE round_id = ?");
    del.bind(1, rules.id);
    del.exec();
    SQLite::Statement up(db,
                         "UPDATE rounds SET year = ?, title = ?, currency = ?, budget = ?, rules_text = ?, "
                         "rules_sha256 = ?, stage = 'open' WHERE id = ?");
    up.bind(1, rules.year);
    up.bind(2, rules.title);
    up.bind(3, rules.currency);
    up.bind(4, rules.budget.kopiykas());
    up.bind(5, std::string(rules_text));
    up.bind(6, result.rules_sha256);
    up.bind(7, rules.id);
    up.exec();
  } else {
    SQLite::Statement ins(db,
                          "INSERT INTO rounds (id, year, title, currency, budget, rules_text, rules_sha256, stage) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, 'open')");
    ins.bind(1, rules.id);
    ins.bind(2, rules.year);
    ins.bind(3, rules.title);
    ins.bind(4, rules.currency);
    ins.bind(5, rules.budget.kopiykas());
    ins.bind(6, std::string(rules_text));
    ins.bind(7, result.rules_sha256);
    ins.exec();
    result.created = true;
  }
  tx.commit();
  return result;
}

}  // namespace competition
