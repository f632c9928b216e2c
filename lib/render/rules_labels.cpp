#include "render/rules_labels.hpp"

#include <fmt/format.h>

#include "render/decision_words.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

struct LotWords {
  const char* main;  // short, in a column
  const char* pool;
};

constexpr PerLang<LotWords> lot_words{
    .uk = {.main = "увесь бюджет", .pool = "залишки лотів"},
    .en = {.main = "whole budget", .pool = "lot remainders"},
};

const Lot* find_lot(const Rules& rules, std::string_view id) {
  for (const Lot& l : rules.lots)
    if (l.id == id) return &l;
  return nullptr;
}

}  // namespace

std::string_view lot_heading(const Rules& rules, std::string_view id, Lang lang) {
  if (const Lot* l = find_lot(rules, id)) return l->heading();
  if (id == "main") return lot_words[lang].main;
  if (id == "pool") return lot_words[lang].pool;
  return id;
}

std::string_view lot_name(const Rules& rules, std::string_view id, Lang lang) {
  if (const Lot* l = find_lot(rules, id)) return l->name.empty() ? l->heading() : l->name;
  if (id == "main") return decision_words[lang].whole_budget;
  if (id == "pool") return decision_words[lang].pool;
  return id;
}

std::string criterion_legend(const Criterion& c) {
  return c.heading() == c.name ? c.name : fmt::format("{} — {}", c.heading(), c.name);
}

}  // namespace competition
