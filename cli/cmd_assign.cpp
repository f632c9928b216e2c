// `competition assign [--seed N] [--force]` (docs/cli.md "assign"): assigns
// reviewers to every application of the round and stores the assignment.
#include <charconv>
#include <cstdint>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "app.hpp"
#include "commands/assign_round.hpp"
#include "render/render_assignment.hpp"

namespace competition::cli {

struct AssignHelp {
  const char* purpose;
  const char* seed;
  const char* force;
  const char* show;
  const char* about;
  const char* not_a_seed;  // the text given
};

constexpr PerLang<AssignHelp> assign_help{
    .uk = {.purpose = "Призначити експертів кожній заявці конкурсу",
           .seed = "число жеребкування для останнього кроку (типово: число останнього призначення конкурсу, "
                   "інакше 0)",
           .force = "конкурс уже має призначення: зберегти його чинні пари, заповнити прогалини",
           .show = "надрукувати збережене призначення ще раз; нічого не змінювати",
           .about = "Призначає кожній заявці [assignment] per_application експертів: ніколи з конфліктом\n"
                    "інтересів, у межах capacity, зберігаючи вже імпортовані оцінки; найменше найбільше\n"
                    "навантаження, далі найбільше збігів за категорією, найрівніше навантаження, жеребкування за\n"
                    "seed. Код 3, коли конкурс неможливо покрити. Формати: --format text|md|csv|json.\n",
           .not_a_seed = "\"{}\" — не ціле число від 0 до 18446744073709551615"},
    .en = {.purpose = "Assign reviewers to every application of the round",
           .seed = "the seed of the final tie-break (default: the round's last assignment's, else 0)",
           .force = "the round has an assignment: keep its valid pairs, fill the gaps",
           .show = "print the stored assignment again; change nothing",
           .about = "Assigns [assignment] per_application reviewers to every application: never one with a "
                    "conflict of\n"
                    "interest, within capacities, keeping reviews already imported; the smallest largest load, then "
                    "the most\n"
                    "category matches, then the most even loads, then the seed's tie-break. Exit 3 when the round "
                    "cannot\n"
                    "be covered. Formats: --format text|md|csv|json.\n",
           .not_a_seed = "\"{}\" is not a whole number from 0 to 18446744073709551615"},
};

// A seed is announced before the meeting: one written as -1 or beyond 2^64 - 1
// is refused rather than wrapped into another number.
static std::string check_seed(const std::string& text, Lang lang) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  auto [at, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || at != end)
    return fmt::format(fmt::runtime(assign_help[lang].not_a_seed), text);
  return "";
}

static int run_assign(const GlobalOptions& g, const AssignOptions& o, bool show) {
  std::string format = g.format_of({"text", "md", "csv", "json"});
  auto store = Store::open(g.db_path(), show ? Store::Mode::read_only : Store::Mode::must_exist);
  RoundAssignment a = show ? stored_round_assignment(*store, g.round_id()) : assign_round(*store, g.round_id(), o);
  if (format == "json")
    emit(g, render_assignment_json(a), Controls::kept);
  else if (format == "csv")
    emit(g, render_assignment_csv(a, CsvStyle::people(g.excel)), Controls::kept);
  else if (show || confirms(g))  // `--show` asks for the listing; -q leaves out the confirmation
    emit(g, format == "md" ? render_assignment_md(a, g.lang()) : render_assignment_text(a, g.lang()));
  return 0;
}

struct AssignCliOptions {
  AssignOptions assign;
  std::uint64_t seed = 0;
  bool show = false;
};

static void register_assign(CLI::App& app, Context& ctx) {
  const AssignHelp& w = assign_help[ctx.words];
  auto o = std::make_shared<AssignCliOptions>();
  auto* sub = app.add_subcommand("assign", w.purpose);
  const Lang lang = ctx.words;
  auto* seed = sub->add_option("--seed", o->seed, w.seed)
                   ->check(CLI::Validator([lang](std::string& text) { return check_seed(text, lang); }, ""));
  auto* force = sub->add_flag("--force", o->assign.force, w.force);
  sub->add_flag("--show", o->show, w.show)->excludes(seed)->excludes(force);
  sub->footer(std::string(w.about) + examples_heading[ctx.words] +
              "  competition assign --seed 2026\n"
              "  competition assign --show --format csv -o assignment.csv");
  sub->callback([o, seed, &ctx] {
    if (seed->count() > 0) o->assign.seed = o->seed;
    ctx.exit_code = run_assign(ctx.global, o->assign, o->show);
  });
}

static CommandRegistration registration(25, register_assign);

}  // namespace competition::cli
