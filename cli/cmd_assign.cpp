// `competition assign [--seed N] [--force]` (docs/cli.md "assign"): assigns
// reviewers to every application of the round and stores the assignment.
#include <charconv>
#include <cstdint>
#include <memory>
#include <string>

#include "app.hpp"
#include "commands/assign_round.hpp"
#include "render/render_assignment.hpp"

namespace competition::cli {

// A seed is announced before the meeting: one written as -1 or beyond 2^64 - 1
// is refused rather than wrapped into another number.
static std::string check_seed(std::string& text) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  auto [at, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || at != end)
    return "\"" + text + "\" is not a whole number from 0 to 18446744073709551615";
  return "";
}

static int run_assign(const GlobalOptions& g, const AssignOptions& o) {
  std::string format = g.format_of({"text", "md", "csv", "json"});
  auto store = Store::open(g.db_path(), Store::Mode::must_exist);
  RoundAssignment a = assign_round(*store, g.round_id(), o);
  if (format == "json")
    emit(g, render_assignment_json(a), Controls::kept);
  else if (format == "csv")
    emit(g, render_assignment_csv(a, CsvStyle::people(g.excel)), Controls::kept);
  else if (format == "md")
    emit(g, render_assignment_md(a, g.lang()));
  else
    emit(g, render_assignment_text(a, g.lang()));
  return 0;
}

static void register_assign(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<AssignOptions>();
  auto* sub = app.add_subcommand("assign", "Assign reviewers to every application of the round");
  sub->add_option("--seed", options->seed, "the seed of the final tie-break (default 0)")
      ->check(CLI::Validator(check_seed, "0..18446744073709551615"));
  sub->add_flag("--force", options->force, "the round has an assignment: keep its valid pairs, fill the gaps");
  sub->footer(
      "Assigns [assignment] per_application reviewers to every application: never one with a conflict of\n"
      "interest, within capacities, keeping reviews already imported; the smallest largest load, then the most\n"
      "category matches, then the most even loads, then the seed's tie-break. Exit 3 when the round cannot\n"
      "be covered. Formats: --format text|md|csv|json.\n"
      "Example:\n"
      "  competition assign --seed 2026");
  sub->callback([options, &ctx] { ctx.exit_code = run_assign(ctx.global, *options); });
}

static CommandRegistration registration(25, register_assign);

}  // namespace competition::cli
