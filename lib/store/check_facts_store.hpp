// The facts of year.md §5's cross-year checks in the database (schemas/NNN_check_facts.sql):
// the earlier winners as they stand today, and the facts a `score` used.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/cross_year_checks.hpp"
#include "store/store.hpp"

namespace competition {

// The facts `score` stored for `round`, and the decision log's last seq then.
struct StoredCheckFacts {
  std::int64_t log_seq = 0;
  CheckFacts facts;
};

// The decision log's last seq (0 when empty): the allocations recorded so far.
[[nodiscard]] std::int64_t last_log_seq(Store& store);

// year.md §5, the earlier rounds of `round` (year `year`): the other rounds with
// an allocation of an earlier year, or of the same year with an `allocate`
// entry of seq ≤ `log_seq`; their funded and partial applications with
// organisation identity, title, agreement's report_due and received_on.
[[nodiscard]] std::vector<EarlierWinnerRecord> earlier_winners(Store& store, const std::string& round, int year,
                                                               std::int64_t log_seq);

// docs/bundle.md "history.json": sets each application's organisation_key to
// the key the round's own applications give it (formats.md "Organisations" over
// them alone: `code:` and the ЄДРПОУ, else `name:` and the name key), as
// `audit bundle` computes it from applications.csv: the form the facts compare with.
void use_round_keys(std::vector<Application>& applications);

// The facts of today for `round`: the earlier winners as of its cut-off whose
// organisation (database identity) is an applicant's, each keyed as that
// applicant is by use_round_keys (`applications` carry those keys).
[[nodiscard]] CheckFacts todays_check_facts(Store& store, const Rules& rules, const std::string& round,
                                            const std::vector<Application>& applications, std::int64_t log_seq);

// Replaces what is stored for `round`: `facts` with `log_seq`, or nothing
// (scored without checks reading earlier rounds). Inside the caller's transaction.
void save_check_facts(Store& store, const std::string& round, const std::optional<StoredCheckFacts>& facts);

// What save_check_facts stored, nullopt when nothing is.
[[nodiscard]] std::optional<StoredCheckFacts> load_check_facts(Store& store, const std::string& round);

}  // namespace competition
