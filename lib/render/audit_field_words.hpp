// The field tokens of an audit's differences (docs/audit.md) in words for
// people, in Ukrainian or English: `award` -> `сума`, `inputs.reviews.csv` ->
// `хеш reviews.csv у записі рішення`, `log.3.hash` -> `запис журналу 3: хеш`.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "values/lang.hpp"

namespace competition {

// A field token in words; a token no pattern names is returned as it is.
std::string field_in_words(const std::string& field, Lang lang);

// A difference's value of `field` in words, as the rest of the product shows
// it: money in the language's style with `currency` (`<= 32100.00` ->
// `не більше ніж 32 100,00 грн`), dates after a comparison in words, flags in
// words (`score.flags`: `|`-joined tokens); any other value as it is.
std::string value_in_words(const std::string& field, const std::string& value, Lang lang, std::string_view currency);

// Matches `text` against `pattern`, in which `*` stands for text without a dot
// and `**` for any text (either may be empty); on a match `captures` holds what
// they stand for, in order (`log.*.hash` and `log.3.hash`: `3`).
bool field_matches(std::string_view pattern, std::string_view text, std::vector<std::string_view>& captures);

}  // namespace competition
