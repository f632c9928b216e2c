// A message for people raised in lib/ (an error, a warning, a problem found),
// worded in every language when it is raised, so that lib/ needs no `--lang`
// and cli/ shows the one asked for. JSON shows `en` (docs/cli.md "Error messages").
#pragma once
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>

#include "values/per_lang.hpp"

namespace competition {

struct Message {
  std::string uk;
  std::string en;

  Message() = default;
  // Text that is the same in every language: data (a file's own words, a path)
  // or a message of a library outside ours (SQLite's).
  Message(std::string same) : uk(same), en(std::move(same)) {}  // NOLINT(google-explicit-constructor)
  Message(const char* same) : Message(std::string(same)) {}     // NOLINT(google-explicit-constructor)
  Message(std::string uk_text, std::string en_text) : uk(std::move(uk_text)), en(std::move(en_text)) {}

  [[nodiscard]] const std::string& operator[](Lang lang) const;
  [[nodiscard]] bool empty() const { return uk.empty() && en.empty(); }
  // Joins another message after this one, language by language.
  Message& operator+=(const Message& more);
  friend Message operator+(Message a, const Message& b) { return a += b; }
  friend bool operator==(const Message&, const Message&) = default;
};

// An argument of say() in `lang`: a Message or words in that language, anything else as it is.
template <class T>
[[nodiscard]] const T& in_lang(const T& arg, Lang) {
  return arg;
}
[[nodiscard]] inline const std::string& in_lang(const Message& arg, Lang lang) { return arg[lang]; }
[[nodiscard]] inline const char* in_lang(const PerLang<const char*>& arg, Lang lang) { return arg[lang]; }

// `words` (a format string per language, as render/words.hpp's labels) filled
// with the same arguments in each language: `say(not_a_sector, shown(text))`;
// an argument that is itself a Message or PerLang words is taken in each language.
template <class... Args>
[[nodiscard]] Message say(const PerLang<const char*>& words, const Args&... args) {
  return Message(fmt::format(fmt::runtime(words.uk), in_lang(args, Lang::uk)...),
                 fmt::format(fmt::runtime(words.en), in_lang(args, Lang::en)...));
}

}  // namespace competition
