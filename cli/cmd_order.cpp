// `competition order APP APP… --reason TEXT` (docs/cli.md "Commission decisions",
// docs/rules.md §3): an explicit order for applications tied on every ranking key,
// e.g. after a draw at the meeting. Appends the decision to the round's decision
// log; the next `allocate` ranks the tie in that order.
#include <memory>
#include <vector>

#include "app.hpp"
#include "commands/commission_decisions.hpp"
#include "recorded_decision.hpp"

namespace competition::cli {

struct OrderOptions {
  std::vector<std::string> applications;
  std::string reason;
};

static int run_order(const GlobalOptions& g, const OrderOptions& o) {
  std::string format = g.format_of({"text", "json"});
  auto store = Store::open(g.db_path(), Store::Mode::must_exist);
  DecisionRequest request;
  request.kind = DecisionKind::order;
  request.applications = o.applications;
  request.reason = o.reason;
  return record_and_print(g, format, *store, request);
}

static void register_order(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<OrderOptions>();
  auto* sub = app.add_subcommand("order", "Record the order of applications tied on every ranking key");
  sub->add_option("APP", options->applications, "the tied applications, first the one ranked highest")->required();
  sub->add_option("--reason", options->reason, "why (recorded in the decision log and shown in the minutes)")
      ->required();
  sub->footer(
      "Settles a full tie before the final `id` key (and a refusal of `ties = \"refuse\"`); the applications\n"
      "must be ranked and tied on the total and every tie_break key. Formats: --format text|json.\n"
      "Example:\n"
      "  competition order A-052 A-044 --reason \"Жеребкування на засіданні комісії 10.03.2026\"");
  sub->callback([options, &ctx] { ctx.exit_code = run_order(ctx.global, *options); });
}

static CommandRegistration registration(43, register_order);

}  // namespace competition::cli
