#include "help_words.hpp"

#include <array>
#include <memory>
#include <regex>
#include <string_view>
#include <utility>

#include <fmt/args.h>
#include <fmt/format.h>

namespace competition::cli {

namespace {

struct LayoutWords {
  const char* usage;
  const char* options_badge;  // [OPTIONS] in the usage line
  const char* command;        // SUBCOMMAND in the usage line
  const char* commands;       // the heading of the list of commands
  const char* positionals;
  const char* options;  // the default option group
  const char* required;
  const char* needs;
  const char* excludes;
  const char* help;
  const char* version;
};

constexpr PerLang<LayoutWords> layout_words{
    .uk = {.usage = "Використання",
           .options_badge = "ПАРАМЕТРИ",
           .command = "КОМАНДА",
           .commands = "Команди",
           .positionals = "Аргументи",
           .options = "Параметри",
           .required = "ПОТРІБНО",
           .needs = "Потребує",
           .excludes = "Виключає",
           .help = "показати цю довідку й вийти",
           .version = "показати версію програми й вийти"},
    .en = {.usage = "Usage",
           .options_badge = "OPTIONS",
           .command = "SUBCOMMAND",
           .commands = "Subcommands",
           .positionals = "Positionals",
           .options = "Options",
           .required = "REQUIRED",
           .needs = "Needs",
           .excludes = "Excludes",
           .help = "Print this help message and exit",
           .version = "Display program version information and exit"},
};

// CLI11's usage errors by their shape (its English text), with the Ukrainian
// words for each; `{}` are the parts matched, in order.
struct UsageErrorShape {
  const char* pattern;
  const char* uk;
};

constexpr std::array<UsageErrorShape, 9> usage_error_shapes{{
    {"The following arguments? (?:was|were) not expected: (.*)", "неочікуваний аргумент: {}"},
    {"A subcommand is required", "потрібна команда"},
    {"(.+) is required", "бракує обов'язкового аргументу {}"},
    {"(.+): (\\d+) required (\\S+) missing", "{0}: бракує значення ({2})"},
    {"(.+): (.*) not in (\\{.*\\})", "{}: \"{}\" — не одне з {}"},
    {"(.+) excludes (.+)", "{} не можна давати разом із {}"},
    {"(.+) requires (.+)", "{} потребує {}"},
    {"Could not convert: (.+) = (.*)", "{}: не вдалося прочитати значення \"{}\""},
    {"(.+): Should be true/false or a number", "{}: очікується true/false або число"},
}};

}  // namespace

Lang language_of_arguments(int argc, char** argv) {
  Lang lang = Lang::uk;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    std::string_view value;
    if (arg == "--lang" && i + 1 < argc)
      value = argv[i + 1];
    else if (arg.starts_with("--lang="))
      value = arg.substr(7);
    else
      continue;
    lang = parse_lang(value).value_or(Lang::uk);
  }
  return lang;
}

void use_help_words(CLI::App& app, Lang lang, const std::string& version) {
  const LayoutWords& w = layout_words[lang];
  auto formatter = std::make_shared<CLI::Formatter>();
  formatter->label("Usage", w.usage);
  formatter->label("OPTIONS", w.options_badge);
  formatter->label("SUBCOMMAND", w.command);
  formatter->label("SUBCOMMANDS", w.command);
  formatter->label("Positionals", w.positionals);
  formatter->label("REQUIRED", w.required);
  formatter->label("Needs", w.needs);
  formatter->label("Excludes", w.excludes);
  app.formatter(formatter);
  app.option_defaults()->group(w.options);
  app.set_help_flag("-h,--help", w.help);
  app.set_version_flag("--version", version, w.version);
}

void name_command_groups(CLI::App& app, Lang lang) {
  for (CLI::App* sub : app.get_subcommands({})) {
    sub->group(layout_words[lang].commands);
    // A command's help flag is made before it copies the default group.
    if (CLI::Option* help = sub->get_help_ptr()) help->group(layout_words[lang].options);
    name_command_groups(*sub, lang);
  }
}

std::string usage_error_words(const std::string& what, Lang lang) {
  if (lang == Lang::en) return what;
  for (const UsageErrorShape& shape : usage_error_shapes) {
    std::smatch m;
    if (!std::regex_match(what, m, std::regex(shape.pattern))) continue;
    fmt::dynamic_format_arg_store<fmt::format_context> parts;
    for (std::size_t i = 1; i < m.size(); ++i) parts.push_back(m[i].str());
    return fmt::vformat(shape.uk, parts);
  }
  return what;
}

}  // namespace competition::cli
