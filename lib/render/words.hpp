// Words per language, as data. Each renderer keeps the words of its output in
// one struct of labels (`struct AuditWords { const char* heading; ... }`) and
// one constant of it per language, side by side in a PerLang:
//
//   constexpr PerLang<AuditWords> audit_words{
//       .uk = {.heading = "Конкурс {} ({}): ", ...},
//       .en = {.heading = "Round {} ({}): ", ...},
//   };
//   const AuditWords& w = audit_words[lang];
//
// Labels are `const char*` literals (they join std::string with `+` and fill
// lists of std::string as they are). A label with `{}` is a format string for
// fmt::runtime; a language may leave out an argument the other needs (an
// English plural `s`, a Ukrainian `р.`): fmt ignores arguments not named, and
// `{0}`, `{1}` name them by position. Tables of tokens (a field, a reason)
// hold a PerLang<const char*> per row. Numbers in a language's style are in
// number_style.hpp.
#pragma once
#include "values/per_lang.hpp"
