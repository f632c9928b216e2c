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

struct WithdrawHelp {
  const char* purpose;
  const char* about;
};

constexpr PerLang<WithdrawHelp> withdraw_help{
    .uk = {.purpose = "Записати, що заявку відкликано або відхилено після оцінювання",
           .about = "Заявка зберігає своє місце й не отримує грошей; наступний `allocate` (з --force, коли конкурс\n"
                    "уже розподілено) віддає її гроші наступній за рейтингом. Формати: --format text|json.\n"},
    .en = {.purpose = "Record that an application was withdrawn or ruled out after scoring",
           .about = "The application keeps its rank and gets no money; the next `allocate` (with --force once the "
                    "round is\n"
                    "allocated) gives its money to the next in rank order. Formats: --format text|json.\n"},
};

static void register_withdraw(CLI::App& app, Context& ctx) {
  const WithdrawHelp& w = withdraw_help[ctx.words];
  auto options = std::make_shared<WithdrawOptions>();
  auto* sub = app.add_subcommand("withdraw", w.purpose);
  sub->add_option("APP", options->application, shared_option_words[ctx.words].application)->required();
  sub->add_option("--reason", options->reason, shared_option_words[ctx.words].reason)->required();
  sub->footer(std::string(w.about) + example_heading[ctx.words] +
              "  competition withdraw A-017 --reason \"Заявник відмовився від гранту (лист від 02.03.2026)\"");
  sub->callback([options, &ctx] { ctx.exit_code = run_withdraw(ctx.global, *options); });
}

static CommandRegistration registration(41, register_withdraw);

}  // namespace competition::cli
