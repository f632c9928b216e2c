// `competition status` (docs/cli.md).
#include "app.hpp"
#include "commands/stale_assignment.hpp"
#include "render/assignment_change_words.hpp"
#include "render/conflicted_review_words.hpp"
#include "render/render_status.hpp"

namespace competition::cli {

static int run_status(const GlobalOptions& g) {
  std::string format = g.format_of({"text", "json"});
  auto store = Store::open(g.db_path(), Store::Mode::read_only);
  StatusReport s = status_with_assignments(*store);
  emit(g, format == "json" ? render_status_json(s) : render_status_text(s, g.lang()), controls_of(format));
  for (const RoundStatus& r : s.rounds) {
    if (!r.assignment_changes.empty()) inform(g, assignment_change_warning(r.id, r.assignment_changes, g.lang()));
    if (!r.conflicted_reviews.empty()) alert(conflicted_review_warning(r.id, r.conflicted_reviews, g.lang()));
  }
  return 0;
}

constexpr PerLang<const char*> status_purpose{
    .uk = "Перелічити конкурси з їхнім етапом і лічильниками та роки історії",
    .en = "List the rounds with their stage and counts, and the history years",
};

static void register_status(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("status", status_purpose[ctx.words]);
  sub->footer(std::string(example_heading[ctx.words]) + "  competition status --json");
  sub->callback([&ctx] { ctx.exit_code = run_status(ctx.global); });
}

static CommandRegistration registration(90, register_status);

}  // namespace competition::cli
