// docs/formats.md "Limits": the totals of a round that later commands add up
// (the allocation's awarded and co-financed sums, the report's clients, jobs
// and volunteers) and the reviews per application that scoring averages. An
// import checks them inside its transaction, after its rows are written, so
// that a round it accepted is always computable.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "values/message.hpp"

namespace competition {

class Store;

// Σ requested + Σ cofinancing of a round's applications, Σ attracted of its
// outcomes, Σ budget + Σ attracted of the history years, in kopiykas: at most 999 999 999 999 999.99 UAH. Any part of
// it, or the sum of two such sums, fits in 64 bits with room to spare (9.2e18).
inline constexpr std::int64_t max_round_money_kopiykas = 99'999'999'999'999'999;
// Σ of one count (planned or reported clients, jobs, volunteers) over a round,
// or over the history years (also participants and winners there).
inline constexpr std::int64_t max_round_count = 999'999'999'999'999;
// Valid reviews of one application (docs/rules.md §1 averages them; with the
// criteria bounds of values/rules.hpp a weighted total then fits in 64 bits).
inline constexpr std::int64_t max_reviews_per_application = 1000;

// The stored rows an import just wrote: only their limits are checked (a
// national round's reviews are millions of rows to group).
// `history`: the history years (the same limits over all of them; `round` unused).
enum class RoundPart { applications, reviews, outcomes, history };

// What of the stored round `round`'s `part` exceeds the limits above, one
// message each (empty when nothing does).
[[nodiscard]] std::vector<Message> round_limit_problems(Store& store, const std::string& round, RoundPart part);

}  // namespace competition
