// The language of the words for people (docs/cli.md `--lang uk|en`). Machine outputs
// (JSON, CSV tokens) do not depend on it.
#pragma once
#include <optional>
#include <string_view>

namespace competition {

enum class Lang { uk, en };

// `uk` or `en`; nullopt for anything else.
std::optional<Lang> parse_lang(std::string_view text);
// The language's code as `--lang` and HTML's `lang` attribute write it: `uk`, `en`.
std::string_view to_string(Lang lang);

}  // namespace competition
