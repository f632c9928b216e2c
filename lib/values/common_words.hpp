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

// An amount left empty where one is required.
inline constexpr PerLang<const char*> money_empty_words{
    .uk = "не може бути порожнім (очікується сума, наприклад, 12500.00)",
    .en = "must not be empty (expected an amount such as 12500.00)"};

// What a byte that is not UTF-8 suggests (a pabulib reader replaces it: its files are always UTF-8).
inline constexpr PerLang<const char*> utf8_hint_words{.uk = "очікується UTF-8; спробуйте --encoding cp1251",
                                                      .en = "expected UTF-8; try --encoding cp1251"};

// A round that has no scores yet: the round.
inline constexpr PerLang<const char*> round_not_scored_words{.uk = "конкурс {} ще не оцінено",
                                                             .en = "round {} is not scored yet"};

// A directory that could not be listed: the path, the system's reason.
inline constexpr PerLang<const char*> cannot_read_directory_words{.uk = "{}: не вдається прочитати каталог: {}",
                                                                  .en = "{}: cannot read the directory: {}"};

}  // namespace competition
