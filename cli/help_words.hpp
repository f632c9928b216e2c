// The words of `--help` and of usage errors (docs/cli.md: `--help` texts
// follow `--lang`, Ukrainian by default). The language is known before the
// commands register their options, from a look at the arguments; CLI11's own
// words (its layout, its parse errors) are given in that language here.
#pragma once
#include <CLI/CLI.hpp>
#include <string>

#include "values/lang.hpp"
#include "values/per_lang.hpp"

namespace competition::cli {

// `--lang en` or `--lang=en` anywhere among the arguments (the last one
// counts); Ukrainian otherwise, also for a value CLI11 will refuse.
[[nodiscard]] Lang language_of_arguments(int argc, char** argv);

// Before any option or command is added to `app`: CLI11's layout words
// (Usage, Options, REQUIRED …), the help and version flags' descriptions, and
// the default option group, which every command copies.
void use_help_words(CLI::App& app, Lang lang, const std::string& version);

// After every command is added: the heading of their list, in each app that
// has commands, and each command's help flag in the options' group.
void name_command_groups(CLI::App& app, Lang lang);

// A CLI11 parse error's message in `lang`: the common ones (an unknown
// argument, a missing one, a value not among the allowed ones, options that
// exclude each other) in its words; any other as CLI11 says it.
[[nodiscard]] std::string usage_error_words(const std::string& what, Lang lang);

// What every usage error ends with: where to look.
inline constexpr PerLang<const char*> run_help{
    .uk = "(див. `competition --help` або `competition КОМАНДА --help`)",
    .en = "(run `competition --help` or `competition COMMAND --help`)",
};

// The heading of a command's examples in its footer (docs/cli.md: every
// command's `--help` has an example).
inline constexpr PerLang<const char*> example_heading{.uk = "Приклад:\n", .en = "Example:\n"};
inline constexpr PerLang<const char*> examples_heading{.uk = "Приклади:\n", .en = "Examples:\n"};

// Words several commands' options share.
struct SharedOptionWords {
  const char* application;  // APP of withdraw, override
  const char* reason;       // --reason of withdraw, override, order
  const char* formats_all;  // the formats line of score, allocate, sensitivity
};
inline constexpr PerLang<SharedOptionWords> shared_option_words{
    .uk = {.application = "id заявки",
           .reason = "чому (записується в журнал рішень і показується в протоколі)",
           .formats_all = "Формати: --format text|md|csv|json (коротко --json); --excel — CSV для Excel."},
    .en = {.application = "the application's id",
           .reason = "why (recorded in the decision log and shown in the minutes)",
           .formats_all = "Formats: --format text|md|csv|json (--json for short); --excel for CSV opened in Excel."},
};

}  // namespace competition::cli
