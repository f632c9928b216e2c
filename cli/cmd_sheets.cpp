// `competition sheets DIR [--format xlsx|csv] [--reviewer ID]…` (docs/cli.md
// "sheets"): a score sheet per reviewer of the round's assignment.
#include <memory>

#include "app.hpp"
#include "commands/score_sheets.hpp"

namespace competition::cli {

struct SheetsCliOptions {
  std::string directory;
  std::vector<std::string> reviewers;
};

static int run_sheets(const GlobalOptions& g, const SheetsCliOptions& o) {
  SheetsOptions options;
  options.directory = o.directory;
  options.csv = g.format_of({"xlsx", "csv"}, "xlsx") == "csv";
  options.reviewers = o.reviewers;
  options.lang = g.lang();
  options.database = g.db_path();
  auto store = Store::open(g.db_path(), Store::Mode::must_exist);
  std::string listing;
  for (const std::string& path : write_score_sheets(*store, g.round_id(), options)) listing += path + "\n";
  if (!g.quiet) emit(g, listing);
  return 0;
}

static void register_sheets(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<SheetsCliOptions>();
  auto* sub = app.add_subcommand("sheets", "Write a score sheet for every reviewer of the round's assignment");
  sub->add_option("DIR", o->directory, "a new or empty directory for the sheets")->required();
  sub->add_option("--reviewer", o->reviewers, "only this reviewer's sheet (repeat for more)");
  sub->footer(
      "Writes ROUND-REVIEWER.xlsx per reviewer of the assignment: the applications assigned (withdrawn ones\n"
      "left out), a cell per criterion to fill (validated, the rest protected), stored scores filled in; the\n"
      "second sheet explains the criteria. `import reviews DIR` reads the filled sheets back. Exit 3 when the\n"
      "round has no assignment or DIR is not empty. Formats: --format xlsx|csv (csv: `;`, decimal comma).\n"
      "Example:\n"
      "  competition sheets sheets/");
  sub->callback([o, &ctx] { ctx.exit_code = run_sheets(ctx.global, *o); });
}

static CommandRegistration registration(26, register_sheets);

}  // namespace competition::cli
