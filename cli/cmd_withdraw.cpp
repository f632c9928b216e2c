// `competition withdraw APP --reason TEXT` (docs/cli.md "Commission decisions"): the
// applicant withdrew or was ruled out after scoring. Appends the decision to the
// round's decision log; the next `allocate` applies it (docs/rules.md §4 step 2).
#include <memory>

#include "app.hpp"
#include "commands/commission_decisions.hpp"
#include "recorded_decision.hpp"

namespace competition::cli {

struct WithdrawOptions {
  std::string application;
  std::string reason;
};

static int run_withdraw(const GlobalOptions& g, const WithdrawOptions& o) {
  std::string format = g.format_of({"text", "json"});
  auto store = Store::open(g.db_path(), Store::Mode::must_exist);
  DecisionRequest request;
  request.kind = DecisionKind::withdraw;
  request.applications = {o.application};
  request.reason = o.reason;
  return record_and_print(g, format, *store, request);
}

static void register_withdraw(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<WithdrawOptions>();
  auto* sub = app.add_subcommand("withdraw", "Record that an application was withdrawn or ruled out after scoring");
  sub->add_option("APP", options->application, "the application's id")->required();
  sub->add_option("--reason", options->reason, "why (recorded in the decision log and shown in the minutes)")
      ->required();
  sub->footer(
      "The application keeps its rank and gets no money; the next `allocate` (with --force once the round is\n"
      "allocated) gives its money to the next in rank order. Formats: --format text|json.\n"
      "Example:\n"
      "  competition withdraw A-017 --reason \"Заявник відмовився від гранту (лист від 02.03.2026)\"");
  sub->callback([options, &ctx] { ctx.exit_code = run_withdraw(ctx.global, *options); });
}

static CommandRegistration registration(41, register_withdraw);

}  // namespace competition::cli
