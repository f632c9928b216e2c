// The words every human form of a decision shares (`allocate` text and md, the
// minutes, the bundle's decision.md), so that they say the same thing: the
// columns of the lots table, its rows without a lot of the rules, and the totals.
#pragma once
#include "render/words.hpp"

namespace competition {

struct DecisionWords {
  const char* lot;  // the lots table
  const char* name;
  const char* amount;
  const char* awarded;
  const char* whole_budget;   // the one lot of rules without lots
  const char* pool;           // docs/rules.md §4.4
  const char* awarded_total;  // the totals
  const char* leftover;
  const char* cofinancing;
  const char* coefficient;
};

inline constexpr PerLang<DecisionWords> decision_words{
    .uk =
        {
            .lot = "лот",
            .name = "назва",
            .amount = "сума",
            .awarded = "розподілено",
            .whole_budget = "увесь бюджет",
            .pool = "залишки лотів і нерозподілений бюджет",
            .awarded_total = "Розподілено",
            .leftover = "Залишок",
            .cofinancing = "Співфінансування переможців",
            .coefficient = "Коефіцієнт залучених коштів (за заявками)",
        },
    .en =
        {
            .lot = "lot",
            .name = "name",
            .amount = "amount",
            .awarded = "awarded",
            .whole_budget = "whole budget",
            .pool = "lot remainders and unassigned budget",
            .awarded_total = "Awarded",
            .leftover = "Leftover",
            .cofinancing = "Co-financing of the winners",
            .coefficient = "Coefficient of attracted funds (declared in applications)",
        },
};

}  // namespace competition
