// `competition init RULES.toml` (docs/cli.md).
#include <fmt/format.h>

#include "app.hpp"
#include "render/words.hpp"
#include "store/rounds.hpp"

namespace competition::cli {

struct InitWords {
  const char* line;  // round, what happened, rules hash
  const char* created;
  const char* unchanged;
  const char* replaced;
};

constexpr PerLang<InitWords> init_words{
    .uk = {.line = "конкурс {}: {} (правила sha256:{})\n",
           .created = "створено",
           .unchanged = "без змін (ті самі правила)",
           .replaced = "правила замінено"},
    .en = {.line = "round {}: {} (rules sha256:{})\n",
           .created = "created",
           .unchanged = "unchanged (same rules)",
           .replaced = "rules replaced"},
};

struct InitOptions {
  std::string rules;
};

static int run_init(const InitOptions& o, const GlobalOptions& g) {
  std::string text = read_input(o.rules);
  // Validate before touching the database, so bad rules never create a file.
  load_rules(text, input_label(o.rules));
  auto store = Store::open(g.db_path(), Store::Mode::may_create);
  InitResult r = init_round(*store, text, input_label(o.rules));
  if (!r.unchanged) note_changes_recorded(g);
  const InitWords& w = init_words[g.lang()];
  const char* what = r.created ? w.created : r.unchanged ? w.unchanged : w.replaced;
  if (confirms(g)) emit(g, fmt::format(fmt::runtime(w.line), r.round, what, r.rules_sha256));
  return 0;
}

struct InitHelp {
  const char* purpose;
  const char* rules;
};

constexpr PerLang<InitHelp> init_help{
    .uk = {.purpose = "Зареєструвати конкурс за файлом правил (або замінити його правила до розподілу)",
           .rules = "файл правил (TOML; кожен ключ описано в docs/rules.md)"},
    .en = {.purpose = "Register a round from its rules file (or replace its rules before allocation)",
           .rules = "the rules file (TOML; every key is described in docs/rules.md)"},
};

static void register_init(CLI::App& app, Context& ctx) {
  const InitHelp& w = init_help[ctx.words];
  auto o = std::make_shared<InitOptions>();
  auto* sub = app.add_subcommand("init", w.purpose);
  sub->add_option("RULES", o->rules, w.rules)->required();
  sub->footer(std::string(example_heading[ctx.words]) + "  competition init examples/kharkiv-esm/rules.toml");
  sub->callback([o, &ctx] { ctx.exit_code = run_init(*o, ctx.global); });
}

static CommandRegistration registration(10, register_init);

}  // namespace competition::cli
