#include "store/rounds.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "base/sha256.hpp"
#include "store/score_store.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_frozen{
    .uk = "{}: конкурс {} уже розподілено; його правила зафіксовано рішенням",
    .en = "{}: round {} is already allocated; its rules are frozen by the decision"};

InitResult init_round(Store& store, std::string_view rules_text, std::string_view file) {
  Rules rules = load_rules(rules_text, file);
  InitResult result;
  result.round = rules.id;
  result.rules_sha256 = sha256_hex(rules_text);
  Transaction tx(store);
  auto existing = store.find_round(rules.id);
  if (existing && existing->stage == Stage::allocated) throw Error(ErrorKind::conflict, say(w_frozen, file, rules.id));
  if (existing && existing->rules_sha256 == result.rules_sha256) {
    result.unchanged = true;
    return result;
  }
  // New rules make stored scores stale: the round goes back to `open`.
  if (existing) clear_scores(store, rules.id);
  SQLite::Statement st(store.db(), existing ? "UPDATE rounds SET year = ?2, title = ?3, currency = ?4, budget = ?5, "
                                              "rules_text = ?6, rules_sha256 = ?7, stage = 'open' WHERE id = ?1"
                                            : "INSERT INTO rounds (id, year, title, currency, budget, rules_text, "
                                              "rules_sha256, stage) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'open')");
  st.bind(1, rules.id);
  st.bind(2, rules.year);
  st.bind(3, rules.title);
  st.bind(4, rules.currency);
  st.bind(5, rules.budget.kopiykas());
  st.bind(6, std::string(rules_text));
  st.bind(7, result.rules_sha256);
  st.exec();
  result.created = !existing;
  tx.commit();
  return result;
}

}  // namespace competition
