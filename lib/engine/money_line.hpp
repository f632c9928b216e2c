// docs/sensitivity.md "The money line": the passes of one allocation (docs/rules.md
// §4) remembered position by position, so that an allocation with a few
// applications moved to other places in the ranking (everything else as it is)
// is worked out from where the walk first differs, jumping over every stretch
// where it cannot differ, instead of allocating again. Pure: no database, no
// printing.
#pragma once
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/string_index.hpp"
#include "engine/allocation.hpp"
#include "engine/scoring.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

// "First position from `from` on whose value is at most `limit`" over a fixed
// array of 64-bit values, in O(log n).
class FirstAtMost {
 public:
  explicit FirstAtMost(const std::vector<std::int64_t>& values);
  // The position, or size() when there is none.
  [[nodiscard]] std::uint32_t find(std::uint32_t from, std::int64_t limit) const;
  [[nodiscard]] std::uint32_t size() const { return n_; }

 private:
  std::uint32_t descend(std::size_t node, std::uint32_t lo, std::uint32_t hi, std::uint32_t from,
                        std::int64_t limit) const;
  std::uint32_t n_ = 0;
  std::vector<std::int64_t> min_;  // a segment tree of minima
};

class MoneyLine {
 public:
  static constexpr std::uint32_t absent = std::numeric_limits<std::uint32_t>::max();

  // `walked`: the ranking the allocation walked (decide(): orders applied);
  // `decision`: allocate() over it with `decisions`. Error(io, "internal
  // error: …") when the walk remembered here does not give `decision`'s money.
  MoneyLine(const Rules& rules, const std::vector<Application>& applications, const ScoreResult& walked,
            const AppliedDecisions& decisions, const Decision& decision);

  // The ranked applications of `walked`, in its order: positions 0..ranked()-1.
  [[nodiscard]] std::uint32_t ranked() const { return n_; }
  [[nodiscard]] std::uint32_t position(const std::string& id) const;
  [[nodiscard]] const std::string& id(std::uint32_t j) const { return ids_[j]; }

  // One application taken out of its place and put at another.
  struct Moved {
    const Application* app = nullptr;  // neither withdrawn nor overridden
    std::uint32_t x = absent;          // its position now (absent: not ranked now)
    std::uint32_t y = absent;          // put just before position y (0..ranked()); absent: not ranked then
  };
  struct MovedOutcome {
    std::vector<char> money;             // per moved application: it gets money
    std::vector<std::uint32_t> changed;  // the other positions whose money differs from now
  };
  // docs/sensitivity.md: the allocation with `moved` in their new places, every
  // other application ranked as it is. `moved` in the new ranking's order (by y,
  // then as they rank among themselves). With `until` set, stops as soon as
  // moved[*until] gets money (then `changed` is not complete).
  [[nodiscard]] MovedOutcome walk(const std::vector<Moved>& moved, std::optional<std::size_t> until = {}) const;

  // One application moved: whether it gets money (`x` and `x + 1` are its own place).
  [[nodiscard]] bool gets_money(const Application& app, std::uint32_t x, std::uint32_t y) const;

 private:
  // One pass (a lot, `main`, or the pool) as the baseline walked it.
  struct Pass {
    bool pool = false;
    bool all = false;                   // `main` and the pool hold every category
    std::vector<char> holds;            // per position: the pass may fund it
    std::vector<std::int64_t> rem;      // remaining before position j (size n + 1; rem[n]: at the end)
    std::vector<std::int64_t> amount;   // awarded at position j in this pass (0: none)
    std::vector<std::uint32_t> funded;  // positions funded in this pass, ascending
    std::uint32_t stop = absent;        // greedy_stop: the position the walk stopped at
    FirstAtMost gap{{}};                // budget skips: need - rem; partial awards: min; others: max
    FirstAtMost slack{{}};              // full awards: rem - requested; partial awards: min; others: max
  };
  struct Walk;

  void walk_baseline(const std::vector<const Application*>& apps, const AppliedDecisions& decisions);
  [[nodiscard]] std::uint32_t organisation(const Application& app) const;
  [[nodiscard]] std::int64_t need(std::int64_t requested) const;
  [[nodiscard]] bool holds(std::size_t pass, const std::string& category) const;
  [[nodiscard]] int awards_before(std::uint32_t organisation, std::size_t pass, std::uint32_t j) const;
  [[nodiscard]] std::uint64_t time(std::size_t pass, std::uint32_t j) const;

  const Rules& rules_;
  std::uint32_t n_ = 0;
  StringIndex<std::uint32_t> position_;
  std::vector<std::string> ids_;  // per position
  std::vector<std::int64_t> requested_;
  std::vector<char> in_play_;
  std::vector<std::uint32_t> organisation_;  // per position
  std::vector<int> funded_pass_;             // per position: the pass that funded it, or -1
  StringIndex<std::uint32_t> organisation_of_;
  std::vector<std::vector<std::uint64_t>> events_;        // per organisation: award times, ascending
  std::vector<std::vector<std::uint32_t>> positions_of_;  // per organisation: its positions (with a cap)
  std::vector<Pass> passes_;
  std::vector<std::vector<std::string>> categories_;  // per pass: a lot's categories
};

}  // namespace competition
