// Numbers in a language's style for people (docs/cli.md "Global options"): uk
// `12 500,00` and `51,50` (space groups, decimal comma), en `12,500.00` and
// `51.50` (comma groups, decimal point). Machine outputs keep the plain form.
// Money with its unit: uk `1 000 000,00 грн`, en `1,000,000.00 UAH`, the ISO
// code for a currency other than UAH (docs/cli.md "Error messages").
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "values/lang.hpp"
#include "values/money.hpp"
#include "values/rational.hpp"

namespace competition {

// An amount without its unit (a table cell under a column that names it).
std::string money_text(Money m, Lang lang);
void append_money(std::string& out, Money m, Lang lang);
// An amount with the round's currency after it: `40 000,00 грн`, `40,000.00 UAH`, `40 000,00 EUR`.
std::string money_with_currency(Money m, std::string_view currency, Lang lang);
// The word for `currency` (an ISO 4217 code) after an amount: uk `грн` for UAH, else the code.
std::string_view currency_word(std::string_view currency, Lang lang);
// `v` rounded half away from zero to `places` decimals, grouped: uk `1 470,9`, en `1,470.9`.
std::string fixed_text(const Rational& v, int places, Lang lang);
void append_fixed(std::string& out, const Rational& v, int places, Lang lang);
// An integer grouped by thousands: uk `1 248 667`, en `1,248,667`.
std::string integer_text(std::int64_t v, Lang lang);
// A decimal text with every `.` and `,` made the language's separator
// (`0.5` -> uk `0,5`; `20,2` -> en `20.2`); nothing else changes.
std::string with_decimal_separator(std::string text, Lang lang);

}  // namespace competition
