// `competition minutes [--format md|html] [--date YYYY-MM-DD] [-o PATH]` (docs/cli.md
// "Commission decisions"): the minutes (протокол) of the commission's meeting on
// the round's latest allocation, in Ukrainian (`--lang en` for English).
#include <memory>

#include "app.hpp"
#include "commands/minutes.hpp"
#include "render/render_minutes.hpp"
#include "values/clock.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition::cli {

constexpr PerLang<const char*> w_date{
    .uk = "minutes: --date: \"{}\" — не дата (очікується YYYY-MM-DD, наприклад, 2026-03-10)",
    .en = "minutes: --date: \"{}\" is not a date (expected YYYY-MM-DD, e.g. 2026-03-10)"};

struct MinutesOptions {
  std::string date;
  bool sensitivity = false;
};

static int run_minutes(const GlobalOptions& g, const MinutesOptions& o) {
  std::string format = g.format_of({"md", "html"}, "md");
  if (!o.date.empty() && !is_iso_date(o.date)) throw Error(ErrorKind::invalid, say(w_date, o.date));
  std::string date = o.date.empty() ? today_utc() : o.date;
  auto store = Store::open(g.db_path(), Store::Mode::read_only);
  MinutesDocument doc = minutes_document(load_minutes(*store, g.round_id(), date, o.sensitivity), g.lang());
  emit(g, format == "html" ? render_minutes_html(doc) : render_minutes_md(doc));
  return 0;
}

struct MinutesHelp {
  const char* purpose;
  const char* date;
  const char* sensitivity;
  const char* about;
};

constexpr PerLang<MinutesHelp> minutes_help{
    .uk = {.purpose = "Записати протокол засідання комісії щодо розподілу",
           .date = "дата в протоколі, РРРР-ММ-ДД (типово: сьогодні, UTC)",
           .sensitivity = "додати розділ із хиткими й спірними заявками (competition sensitivity)",
           .about = "Конкурс, бюджет, члени комісії, кожна заявка з балами, статусом і причинами, рішення комісії з\n"
                    "причинами (записані після розподілу — як ще не застосовані), гранти, залишок, відбиток і рядок\n"
                    "для підпису кожного члена з [commission] members.\n"
                    "Формати: --format md|html (html: одна самодостатня сторінка, зверстана для A4).\n"},
    .en = {.purpose = "Write the minutes (протокол) of the commission's meeting on the allocation",
           .date = "the date printed on the minutes, YYYY-MM-DD (default: today, UTC)",
           .sensitivity = "add a section listing the fragile and contested applications (competition sensitivity)",
           .about = "Round, budget, members, every application with its scores, status and reasons, the "
                    "commission's\n"
                    "decisions with their reasons (those recorded after the allocation as not yet applied), the "
                    "awards, the\n"
                    "leftover, the fingerprint and a signature line per member of [commission] members.\n"
                    "Formats: --format md|html (html: one self-contained page, laid out for A4).\n"},
};

static void register_minutes(CLI::App& app, Context& ctx) {
  const MinutesHelp& w = minutes_help[ctx.words];
  auto options = std::make_shared<MinutesOptions>();
  auto* sub = app.add_subcommand("minutes", w.purpose);
  sub->add_option("--date", options->date, w.date);
  sub->add_flag("--sensitivity", options->sensitivity, w.sensitivity);
  sub->footer(std::string(w.about) + example_heading[ctx.words] +
              "  competition minutes --format html --date 2026-03-10 -o minutes.html");
  sub->callback([options, &ctx] { ctx.exit_code = run_minutes(ctx.global, *options); });
}

static CommandRegistration registration(45, register_minutes);

}  // namespace competition::cli
