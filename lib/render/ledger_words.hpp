// The words of `competition ledger` (docs/cli.md "ledger") in each language:
// the heading, the columns and the states, shared by its text, Markdown and
// workbook outputs.
#pragma once
#include <string>
#include <string_view>

#include <vector>

#include "engine/audit_compare.hpp"
#include "engine/ledger.hpp"
#include "render/words.hpp"

namespace competition {

struct LedgerWords {
  const char* heading;  // round, as-of date
  const char* empty;
  const char* application;
  const char* award;
  const char* agreement;
  const char* agreed;
  const char* paid;
  const char* refunded;
  const char* to_pay;
  const char* report_due;
  const char* report_received;
  const char* state;
  const char* total;
  const char* sheet;
};

extern const PerLang<LedgerWords> ledger_words;

// A line's state as people read it (`overdue` → `звіт прострочено` / `report overdue`); a
// `reported` line whose report came after its due date reads "late" (docs/cli.md "ledger").
[[nodiscard]] std::string ledger_state_words(const LedgerLine& line, Lang lang);

// The states for `ledger --help`, in order: each token with its words in
// Ukrainian (`звіт прострочено (overdue), …`), the tokens alone in English.
[[nodiscard]] std::string ledger_states_listed(Lang lang);

// year.md §4: the warning of `allocate` when its decision breaks the money
// already agreed and paid (`differences` as `audit` words them: field,
// stored, computed, money in `currency`), one line per difference; empty when there is none.
[[nodiscard]] std::string money_after_warning(const std::string& round, const std::vector<Difference>& differences,
                                              std::string_view currency, Lang lang);

}  // namespace competition
