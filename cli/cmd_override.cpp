// `competition override APP --award AMOUNT --reason TEXT` (docs/cli.md "Commission
// decisions"): the commission fixes an application's award, or declines it with
// `--award 0`. Appends the decision to the round's decision log; the next
// `allocate` applies it (docs/rules.md §4 step 2).
#include <memory>

#include "app.hpp"
#include "commands/commission_decisions.hpp"
#include "recorded_decision.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition::cli {

struct OverrideOptions {
  std::string application;
  std::string award;
  std::string reason;
};

static int run_override(const GlobalOptions& g, const OverrideOptions& o) {
  std::string format = g.format_of({"text", "json"});
  // docs/formats.md "Money": the amount is checked before anything is opened.
  std::optional<Money> award = Money::parse(o.award);
  if (!award) throw Error(ErrorKind::invalid, Message("override: --award: ") + Money::parse_error(o.award));
  auto store = Store::open(g.db_path(), Store::Mode::must_exist);
  DecisionRequest request;
  request.kind = DecisionKind::override_award;
  request.applications = {o.application};
  request.award = award;
  request.reason = o.reason;
  return record_and_print(g, format, *store, request);
}

struct OverrideHelp {
  const char* purpose;
  const char* award;
  const char* about;
};

constexpr PerLang<OverrideHelp> override_help{
    .uk = {.purpose = "Записати власний грант комісії для заявки (0 — відмова)",
           .award = "грант (сума, не більше запиту); 0 — відмовити заявці",
           .about = "Грант фіксується до проходу лотів і пулу й списується з першого лота, що містить категорію\n"
                    "заявки, інакше з пулу; статус funded, коли він дорівнює запиту, інакше partial;\n"
                    "--award 0: declined. Формати: --format text|json.\n"},
    .en = {.purpose = "Record the commission's own award for an application (0 declines it)",
           .award = "the award (money, at most the request); 0 declines the application",
           .about = "The award is fixed before the lots and the pool are walked and charged to the first lot holding "
                    "the\n"
                    "application's category, else to the pool; status funded when it equals the request, else "
                    "partial;\n"
                    "--award 0: declined. Formats: --format text|json.\n"},
};

static void register_override(CLI::App& app, Context& ctx) {
  const OverrideHelp& w = override_help[ctx.words];
  auto options = std::make_shared<OverrideOptions>();
  auto* sub = app.add_subcommand("override", w.purpose);
  sub->add_option("APP", options->application, shared_option_words[ctx.words].application)->required();
  sub->add_option("--award", options->award, w.award)->required();
  sub->add_option("--reason", options->reason, shared_option_words[ctx.words].reason)->required();
  sub->footer(std::string(w.about) + examples_heading[ctx.words] +
              "  competition override A-054 --award 40000 --reason \"Кошторис скорочено за погодженням із заявником\"\n"
              "  competition override A-052 --award 0 --reason \"Конфлікт інтересів, виявлений на засіданні\"");
  sub->callback([options, &ctx] { ctx.exit_code = run_override(ctx.global, *options); });
}

static CommandRegistration registration(42, register_override);

}  // namespace competition::cli
