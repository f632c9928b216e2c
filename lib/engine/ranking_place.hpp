// docs/sensitivity.md "The money line": where applications whose scores changed
// fall in a ranking whose other applications keep their places, found by binary
// search instead of sorting again. Pure.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "base/string_index.hpp"
#include "engine/money_line.hpp"
#include "engine/scoring.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

class RankingPlaces {
 public:
  // `plain`: score_round over `applications` without orders; `line` over the
  // ranking the allocation walked (the same applications, orders applied).
  RankingPlaces(const Rules& rules, const std::vector<Application>& applications, const ScoreResult& plain,
                const MoneyLine& line);

  // Moved applications given by id with their new scores (status ranked or not),
  // in the form MoneyLine::walk takes: old and new positions, in the new order.
  // An application ranked in neither ranking is left out.
  struct Change {
    const Application* app;
    ScoredApplication scored;
  };
  [[nodiscard]] std::vector<MoneyLine::Moved> moved(const std::vector<Change>& changes) const;

  // The same for one application: its old and new positions.
  [[nodiscard]] MoneyLine::Moved moved_one(const Application& app, const ScoredApplication& scored) const;

  [[nodiscard]] const Application* application(const std::string& id) const;
  // Position among the plain ranking's ranked applications of `id`, or MoneyLine::absent.
  [[nodiscard]] std::uint32_t plain_position(const std::string& id) const;
  [[nodiscard]] std::uint32_t ranked() const { return static_cast<std::uint32_t>(plain_.size()); }
  [[nodiscard]] const Rational& plain_total(std::uint32_t i) const { return *plain_[i]->total; }

 private:
  // How many applications of the plain ranking (their scores now) rank before `scored`.
  std::uint32_t before(const Application& app, const ScoredApplication& scored) const;

  const Rules& rules_;
  const MoneyLine& line_;
  StringIndex<const Application*> app_of_;
  std::vector<const ScoredApplication*> plain_;  // ranked, in plain order
  std::vector<const Application*> plain_app_;
  StringIndex<std::uint32_t> plain_at_;
};

}  // namespace competition
