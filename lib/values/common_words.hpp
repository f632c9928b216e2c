// Words of messages that several readers and writers of lib/ raise alike
// (values/message.hpp `say`), kept once so that a file and its neighbours
// never word the same problem two ways.
#pragma once
#include "values/per_lang.hpp"

namespace competition {

// A required cell, key or value left empty.
inline constexpr PerLang<const char*> not_empty_words{.uk = "не може бути порожнім", .en = "must not be empty"};

// An amount or count that must be above zero.
inline constexpr PerLang<const char*> above_zero_words{.uk = "має бути більшим за 0", .en = "must be greater than 0"};

// A header without a column its kind requires: the column's name.
inline constexpr PerLang<const char*> missing_column_words{.uk = "у заголовку немає обов’язкового стовпця \"{}\"",
                                                           .en = "required column \"{}\" is missing from the header"};

// A stored text that should be JSON and is not.
inline constexpr PerLang<const char*> not_json_words{.uk = "не JSON", .en = "not JSON"};

// A row already stored with other values, in round `{}` (the id, the round, the changed fields).
inline constexpr PerLang<const char*> already_in_round_words{
    .uk = "\"{}\" уже є в конкурсі {} з іншими значеннями ({}); щоб оновити, додайте --replace",
    .en = "\"{}\" is already in round {} with other values ({}); use --replace to update it"};

}  // namespace competition
