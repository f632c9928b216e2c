// Numbers in a language's style for people (docs/cli.md "Global options"): uk `12 500,00`
// and `51,50` (space groups, decimal comma), en `12500.00` and `51.50`. Machine
// outputs keep the plain form. report_style.hpp has the report's own style.
#pragma once
#include <string>

#include "values/lang.hpp"
#include "values/money.hpp"
#include "values/rational.hpp"

namespace competition {

// Money::to_ukrainian / Money::to_string.
std::string money_text(Money m, Lang lang);
void append_money(std::string& out, Money m, Lang lang);
// Rational::to_fixed_ukrainian / Rational::to_fixed.
std::string fixed_text(const Rational& v, int places, Lang lang);
void append_fixed(std::string& out, const Rational& v, int places, Lang lang);
// A decimal text with every `.` and `,` made the language's separator
// (`0.5` -> uk `0,5`; `20,2` -> en `20.2`); nothing else changes.
std::string with_decimal_separator(std::string text, Lang lang);

}  // namespace competition
