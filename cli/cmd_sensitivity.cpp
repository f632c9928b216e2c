// `competition sensitivity [--format text|md|csv|json] [-o PATH]` (docs/cli.md
// "sensitivity"): would the winners change without a reviewer, under another
// aggregate or with the ties the other way round, and by how many steps of one
// score. Reads only.
#include <memory>

#include "app.hpp"
#include "commands/sensitivity_round.hpp"
#include "render/render_sensitivity.hpp"

namespace competition::cli {

static int run_sensitivity_command(const GlobalOptions& g) {
  std::string format = g.format_of({"text", "md", "csv", "json"});
  auto store = Store::open(g.db_path(), Store::Mode::read_only);
  SensitivityResult r = run_sensitivity(*store, g.round_id());
  SensitivityView view{r.rules, r.applications, r.sensitivity};
  emit(
      g,
      [&](OutputSink& out) {
        if (format == "json")
          render_sensitivity_json(out, view);
        else if (format == "csv")
          render_sensitivity_csv(out, view, g.excel);
        else if (format == "md")
          render_sensitivity_md(out, view, g.lang());
        else
          render_sensitivity_text(out, view, g.lang());
      },
      controls_of(format));
  return 0;
}

struct SensitivityHelp {
  const char* purpose;
  const char* about;
};

constexpr PerLang<SensitivityHelp> sensitivity_help{
    .uk = {.purpose = "Показати, чи змінилися б переможці без одного експерта, за іншого способу зведення чи "
                      "іншого порядку рівних",
           .about = "Сценарії: without:<експерт> для кожного експерта, aggregate:<інший>, ties:reversed (коли "
                    "суми рівні).\n"
                    "Кожна заявка: robust, fragile, contested або out, сценарії, що її змінюють, і її запас:\n"
                    "найменше кроків однієї оцінки (один експерт, один критерій), що змінюють, чи отримає вона "
                    "гроші.\n"},
    .en = {.purpose = "Show whether the winners would change without a reviewer, under another aggregate or another "
                      "tie order",
           .about = "Scenarios: without:<reviewer> for each reviewer, aggregate:<other>, ties:reversed (when totals "
                    "tie).\n"
                    "Each application: robust, fragile, contested or out, the scenarios that change it, and its "
                    "margin:\n"
                    "the fewest steps of one score (one reviewer, one criterion) that change whether it gets money.\n"},
};

static void register_sensitivity(CLI::App& app, Context& ctx) {
  const SensitivityHelp& w = sensitivity_help[ctx.words];
  auto* sub = app.add_subcommand("sensitivity", w.purpose);
  sub->footer(std::string(w.about) + shared_option_words[ctx.words].formats_all + "\n" + example_heading[ctx.words] +
              "  competition sensitivity --format md -o sensitivity.md");
  sub->callback([&ctx] { ctx.exit_code = run_sensitivity_command(ctx.global); });
}

static CommandRegistration registration(46, register_sensitivity);

}  // namespace competition::cli
