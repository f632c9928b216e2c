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

struct OrderHelp {
  const char* purpose;
  const char* applications;
  const char* about;
};

constexpr PerLang<OrderHelp> order_help{
    .uk = {.purpose = "Записати порядок заявок, рівних за всіма ключами рейтингу",
           .applications = "рівні заявки, першою — найвища",
           .about = "Розв'язує повну рівність перед останнім ключем `id` (і відмову за `ties = \"refuse\"`); заявки\n"
                    "мають бути в рейтингу й рівні за сумою та кожним ключем tie_break. Формати: --format "
                    "text|json.\n"},
    .en = {.purpose = "Record the order of applications tied on every ranking key",
           .applications = "the tied applications, first the one ranked highest",
           .about = "Settles a full tie before the final `id` key (and a refusal of `ties = \"refuse\"`); the "
                    "applications\n"
                    "must be ranked and tied on the total and every tie_break key. Formats: --format text|json.\n"},
};

static void register_order(CLI::App& app, Context& ctx) {
  const OrderHelp& w = order_help[ctx.words];
  auto options = std::make_shared<OrderOptions>();
  auto* sub = app.add_subcommand("order", w.purpose);
  sub->add_option("APP", options->applications, w.applications)->required();
  sub->add_option("--reason", options->reason, shared_option_words[ctx.words].reason)->required();
  sub->footer(std::string(w.about) + example_heading[ctx.words] +
              "  competition order A-052 A-044 --reason \"Жеребкування на засіданні комісії 10.03.2026\"");
  sub->callback([options, &ctx] { ctx.exit_code = run_order(ctx.global, *options); });
}

static CommandRegistration registration(43, register_order);

}  // namespace competition::cli
