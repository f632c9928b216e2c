// `competition ledger [--as-of DATE]` (docs/cli.md "ledger"): each winner's
// award, agreement, paid, still to pay and report, as of the end of a date.
#include <fmt/format.h>

#include <memory>
#include <optional>

#include "app.hpp"
#include "commands/round_ledger.hpp"
#include "render/ledger_words.hpp"
#include "render/render_ledger.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition::cli {

struct LedgerCliOptions {
  std::optional<std::string> as_of;  // given but empty is an error, not today
};

static int run_ledger(const GlobalOptions& g, const LedgerCliOptions& o) {
  std::string format = g.format_of({"text", "md", "csv", "json", "xlsx"});
  require_workbook_path(g, format);
  auto store = Store::open(g.db_path(), Store::Mode::read_only);
  const Ledger l = round_ledger(*store, g.round_id(), o.as_of);
  if (format == "xlsx")
    write_ledger_xlsx(l, g.lang(), g.output, g.db_path());
  else if (format == "json")
    emit(g, render_ledger_json(l), Controls::kept);
  else if (format == "csv")
    emit(g, render_ledger_csv(l, CsvStyle::people(g.excel)), Controls::kept);
  else if (format == "md")
    emit(g, render_ledger_md(l, g.lang()));
  else
    emit(g, render_ledger_text(l, g.lang()));
  return 0;
}

struct LedgerHelp {
  const char* purpose;
  const char* as_of;
  const char* about;  // the states listed
};

constexpr PerLang<LedgerHelp> ledger_help{
    .uk = {.purpose = "Договори, виплати й звіти переможців конкурсу",
           .as_of = "дата, на кінець якої показати конкурс (типово: сьогодні)",
           .about = "Для кожного переможця: грант, договір, виплачено, повернуто, ще виплатити, звіт — строк і "
                    "отримання,\nі стан:\n{};\nз підсумками. У csv і json стан — позначка в дужках. Формати: text "
                    "(типово), md, csv\n(--excel — для Excel), json, xlsx (потрібен -o ШЛЯХ).\n"},
    .en = {.purpose = "Agreements, payments and reports of the round's winners",
           .as_of = "the date to show the round at the end of (default: today)",
           .about = "Per winner: award, agreement, paid, refunded, still to pay, report due and received, and the "
                    "state\n({}), with totals. Formats: text (default), md, csv\n(--excel for Excel), json, xlsx "
                    "(needs -o PATH).\n"},
};

static void register_ledger(CLI::App& app, Context& ctx) {
  const LedgerHelp& w = ledger_help[ctx.words];
  auto o = std::make_shared<LedgerCliOptions>();
  auto* sub = app.add_subcommand("ledger", w.purpose);
  sub->add_option("--as-of", o->as_of, w.as_of);
  sub->footer(fmt::format(fmt::runtime(w.about), ledger_states_listed(ctx.words)) + examples_heading[ctx.words] +
              "  competition ledger --round esm-2018 --as-of 2018-12-31\n"
              "  competition ledger --format csv --excel -o ledger.csv");
  sub->callback([o, &ctx] { ctx.exit_code = run_ledger(ctx.global, *o); });
}

static CommandRegistration registration(55, register_ledger);

}  // namespace competition::cli
