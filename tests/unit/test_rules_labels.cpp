// render/rules_labels.hpp: criteria and lots by their names, the implicit lots in words.
#include <doctest/doctest.h>

#include "render/rules_labels.hpp"

using namespace competition;

TEST_CASE("rules labels: a lot by its short name, else its name; main and pool in words") {
  Rules rules;
  rules.lots.resize(2);
  rules.lots[0].id = "elderly";
  rules.lots[0].name = "Люди похилого віку";
  rules.lots[0].short_name = "Старші";
  rules.lots[1].id = "kids";
  rules.lots[1].name = "Діти";
  CHECK(lot_heading(rules, "elderly", Lang::uk) == "Старші");
  CHECK(lot_name(rules, "elderly", Lang::uk) == "Люди похилого віку");
  CHECK(lot_heading(rules, "kids", Lang::en) == "Діти");  // data: the rules' own words
  CHECK(lot_heading(rules, "pool", Lang::uk) == "залишки лотів");
  CHECK(lot_heading(rules, "pool", Lang::en) == "lot remainders");
  CHECK(lot_name(rules, "pool", Lang::uk) == "залишки лотів і нерозподілений бюджет");
  CHECK(lot_heading(Rules{}, "main", Lang::uk) == "увесь бюджет");
  CHECK(lot_name(Rules{}, "main", Lang::en) == "whole budget");
  CHECK(lot_heading(rules, "gone", Lang::uk) == "gone");  // not in the rules: the id as stored
}

TEST_CASE("rules labels: a criterion's legend names it after its header when `short` differs") {
  Criterion plain;
  plain.id = "relevance";
  plain.name = "Актуальність проблеми";
  CHECK(plain.heading() == "Актуальність проблеми");
  CHECK(criterion_legend(plain) == "Актуальність проблеми");
  Criterion with_short = plain;
  with_short.id = "budget";
  with_short.name = "Обґрунтованість кошторису";
  with_short.short_name = "Кошторис";
  CHECK(criterion_legend(with_short) == "Кошторис — Обґрунтованість кошторису");
}
