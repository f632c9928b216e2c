// `competition status` (docs/cli.md).
#include "app.hpp"
#include "render/render_status.hpp"
#include "store/status.hpp"

namespace competition::cli {

static int run_status(const GlobalOptions& g) {
  std::string format = g.format_of({"text", "json"});
  auto store = Store::open(g.db_path(), Store::Mode::read_only);
  StatusReport s = collect_status(*store);
  emit(g, format == "json" ? render_status_json(s) : render_status_text(s, g.lang()), controls_of(format));
  return 0;
}

static void register_status(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("status", "List the rounds with their stage and counts, and the history years");
  sub->footer("Example:\n  competition status --json");
  sub->callback([&ctx] { ctx.exit_code = run_status(ctx.global); });
}

static CommandRegistration registration(90, register_status);

}  // namespace competition::cli
