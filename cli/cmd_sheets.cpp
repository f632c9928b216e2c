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

struct SheetsHelp {
  const char* purpose;
  const char* directory;
  const char* reviewer;
  const char* about;
};

constexpr PerLang<SheetsHelp> sheets_help{
    .uk = {.purpose = "Записати оцінювальний лист для кожного експерта призначення конкурсу",
           .directory = "нова або порожня тека для листів",
           .reviewer = "лише лист цього експерта (повторіть для кількох)",
           .about = "Записує КОНКУРС-ЕКСПЕРТ.xlsx на кожного експерта призначення: призначені заявки (без\n"
                    "відкликаних), клітинка на кожен критерій (з перевіркою, решта захищена), збережені бали\n"
                    "вписано; другий аркуш пояснює критерії. `import reviews ТЕКА` читає заповнені листи. Код 3,\n"
                    "коли конкурс не має призначення або ТЕКА не порожня. Формати: --format xlsx|csv (csv: `;`,\n"
                    "десяткова кома).\n"},
    .en = {.purpose = "Write a score sheet for every reviewer of the round's assignment",
           .directory = "a new or empty directory for the sheets",
           .reviewer = "only this reviewer's sheet (repeat for more)",
           .about = "Writes ROUND-REVIEWER.xlsx per reviewer of the assignment: the applications assigned "
                    "(withdrawn ones\n"
                    "left out), a cell per criterion to fill (validated, the rest protected), stored scores filled "
                    "in; the\n"
                    "second sheet explains the criteria. `import reviews DIR` reads the filled sheets back. Exit 3 "
                    "when the\n"
                    "round has no assignment or DIR is not empty. Formats: --format xlsx|csv (csv: `;`, decimal "
                    "comma).\n"},
};

static void register_sheets(CLI::App& app, Context& ctx) {
  const SheetsHelp& w = sheets_help[ctx.words];
  auto o = std::make_shared<SheetsCliOptions>();
  auto* sub = app.add_subcommand("sheets", w.purpose);
  sub->add_option("DIR", o->directory, w.directory)->required();
  sub->add_option("--reviewer", o->reviewers, w.reviewer);
  sub->footer(std::string(w.about) + example_heading[ctx.words] + "  competition sheets sheets/");
  sub->callback([o, &ctx] { ctx.exit_code = run_sheets(ctx.global, *o); });
}

static CommandRegistration registration(26, register_sheets);

}  // namespace competition::cli
