// `competition allocate` (docs/cli.md): allocate the budget of a scored round
// (docs/rules.md §4), store the decision with its log entry, and print it.
#include <memory>

#include "app.hpp"
#include "commands/allocate_round.hpp"
#include "render/ledger_words.hpp"
#include "render/render_allocation.hpp"
#include "render/words.hpp"

namespace competition::cli {

constexpr PerLang<const char*> dry_run_words{.uk = "пробний запуск: нічого не збережено",
                                             .en = "dry run: nothing was stored"};

static int run_allocate_command(const GlobalOptions& g, const AllocateOptions& o) {
  std::string format = g.format_of({"text", "md", "csv", "json"});
  auto store = Store::open(g.db_path(), Store::Mode::must_exist);
  // With -o, the output is written into its temporary file while the decision
  // is stored (EarlyOutput).
  const AllocateResult* shown = nullptr;
  EarlyOutput output(
      g,
      [&](OutputSink& out) {
        const AllocateResult& r = *shown;
        AllocationView view{r.rules, r.applications, r.decision, r.fingerprint, r.decisions, r.cross_year};
        if (format == "json")
          render_allocation_json(out, view);
        else if (format == "csv")
          render_allocation_csv(out, view, g.excel);
        else if (format == "md")
          render_allocation_md(out, view, g.lang());
        else
          render_allocation_text(out, view, g.lang());
      },
      controls_of(format));
  AllocateResult r = run_allocate(*store, g.round_id(), o, [&](const AllocateResult& decided) {
    shown = &decided;
    output.write_early();
  });
  shown = &r;
  if (!o.dry_run) note_changes_recorded(g);
  output.finish();
  if (o.dry_run) inform(g, dry_run_words[g.lang()]);
  // Not silenced by -q: money already paid would silently stop matching the decision.
  if (!r.money_after.empty()) alert(money_after_warning(r.round.id, r.money_after, r.round.currency, g.lang()));
  return 0;
}

struct AllocateHelp {
  const char* purpose;
  const char* force;
  const char* dry_run;
};

constexpr PerLang<AllocateHelp> allocate_help{
    .uk = {.purpose = "Розподілити бюджет оціненого конкурсу, зберегти рішення й надрукувати його",
           .force = "розподілити вже розподілений конкурс знову (нове рішення записується після старого)",
           .dry_run = "обчислити й надрукувати рішення, не зберігаючи його"},
    .en = {.purpose = "Allocate the budget of a scored round, store the decision and print it",
           .force = "allocate an already allocated round again (the new decision is logged after the old one)",
           .dry_run = "compute and print the decision without storing it"},
};

static void register_allocate(CLI::App& app, Context& ctx) {
  const AllocateHelp& w = allocate_help[ctx.words];
  auto options = std::make_shared<AllocateOptions>();
  auto* sub = app.add_subcommand("allocate", w.purpose);
  sub->add_flag("--force", options->force, w.force);
  sub->add_flag("--dry-run", options->dry_run, w.dry_run);
  sub->footer(std::string(shared_option_words[ctx.words].formats_all) + "\n" + examples_heading[ctx.words] +
              "  competition allocate --round esm-2018 --dry-run\n"
              "  competition allocate --format md -o decision.md");
  sub->callback([options, &ctx] { ctx.exit_code = run_allocate_command(ctx.global, *options); });
}

static CommandRegistration registration(40, register_allocate);

}  // namespace competition::cli
