// `competition decisions [--undo N --reason TEXT]` (docs/cli.md "Commission
// decisions"): lists the round's recorded decisions, numbered in log order, or
// records the reversal of entry N (nothing is deleted).
#include <fmt/format.h>

#include <limits>
#include <memory>
#include <string>

#include "app.hpp"
#include "commands/commission_decisions.hpp"
#include "recorded_decision.hpp"
#include "render/render_decisions.hpp"

namespace competition::cli {

struct DecisionsOptions {
  int undo = 0;
  std::string reason;
};

static int run_decisions(const GlobalOptions& g, const DecisionsOptions& o) {
  const bool undo = o.undo != 0 || !o.reason.empty();
  // The list only reads (docs/reliability.md "Read-only databases").
  auto store = Store::open(g.db_path(), undo ? Store::Mode::must_exist : Store::Mode::read_only);
  if (undo) {
    std::string format = g.format_of({"text", "json"});
    DecisionRequest request;
    request.kind = DecisionKind::undo;
    request.undo = o.undo;
    request.reason = o.reason;
    return record_and_print(g, format, *store, request);
  }
  std::string format = g.format_of({"text", "csv", "json"});
  DecisionList list = list_decisions(*store, g.round_id());
  if (format == "json")
    emit(g, render_decisions_json(list), Controls::kept);
  else if (format == "csv")
    emit(g, render_decisions_csv(list.decisions, CsvStyle::people(g.excel)), Controls::kept);
  else
    emit(g, render_decisions_text(list, g.lang()));
  return 0;
}

// --undo N: a decision's number as the list shows it, 1 or more and within an
// int (CLI11's own checks name the range of a double, 0 to 1.8e308, or say
// "Could not convert"), checked as text before CLI11 converts it.
constexpr PerLang<const char*> not_a_decision_number{
    .uk = "\"{}\" — не номер рішення (очікується 1 або більше, як їх нумерує `competition decisions`)",
    .en = "\"{}\" is not a decision number (expected 1 or more, as `competition decisions` numbers them)",
};

static CLI::Validator decision_number(Lang lang) {
  return CLI::Validator(
      [lang](std::string& value) -> std::string {
        bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
        std::size_t first = value.find_first_not_of('0');
        bool fits = digits && first != std::string::npos && value.size() - first <= 10 &&
                    std::stoll(value.substr(first)) <= std::numeric_limits<int>::max();
        if (fits) return "";
        return fmt::format(fmt::runtime(not_a_decision_number[lang]), value);
      },
      "N");
}

struct DecisionsHelp {
  const char* purpose;
  const char* undo;
  const char* reason;
  const char* about;
};

constexpr PerLang<DecisionsHelp> decisions_help{
    .uk = {.purpose = "Перелічити записані рішення комісії або скасувати одне",
           .undo = "записати скасування рішення N (за номером у переліку)",
           .reason = "чому рішення скасовано (з --undo)",
           .about = "Показує номер, час запису (UTC), рішення, заявки, суму, причину і яке пізніше рішення його\n"
                    "скасувало; рішення, записані після останнього розподілу, ще не застосовано. Формати:\n"
                    "--format text|csv|json (з --undo: text|json).\n"},
    .en = {.purpose = "List the commission's recorded decisions, or undo one",
           .undo = "record the reversal of decision N (as numbered by the list)",
           .reason = "why the decision is undone (with --undo)",
           .about = "Lists number, time recorded (UTC), decision, applications, amount, reason and which later "
                    "decision undid\n"
                    "it; decisions recorded after the latest allocation are not applied yet. Formats: --format "
                    "text|csv|json\n"
                    "(with --undo: text|json).\n"},
};

static void register_decisions(CLI::App& app, Context& ctx) {
  const DecisionsHelp& w = decisions_help[ctx.words];
  auto options = std::make_shared<DecisionsOptions>();
  auto* sub = app.add_subcommand("decisions", w.purpose);
  auto* undo = sub->add_option("--undo", options->undo, w.undo)->check(decision_number(ctx.words));
  auto* reason = sub->add_option("--reason", options->reason, w.reason);
  undo->needs(reason);
  reason->needs(undo);
  sub->footer(std::string(w.about) + examples_heading[ctx.words] +
              "  competition decisions --json\n"
              "  competition decisions --undo 2 --reason \"Заявник відкликав лист про відмову\"");
  sub->callback([options, &ctx] { ctx.exit_code = run_decisions(ctx.global, *options); });
}

static CommandRegistration registration(44, register_decisions);

}  // namespace competition::cli
