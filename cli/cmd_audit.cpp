// `competition audit` (docs/cli.md "audit"): `audit [--round ID | --all]` re-derives
// the stored decisions from the stored inputs and rules and verifies the
// decision log; `audit history` checks the published history table against
// itself; `audit bundle PATH` verifies an exported bundle without a database.
// Exit 0 when everything matches, 1 when anything differs.
#include <memory>
#include <optional>

#include "app.hpp"
#include "commands/audit.hpp"
#include "commands/bundle_audit.hpp"
#include "engine/audit_history.hpp"
#include "render/render_audit.hpp"
#include "render/render_history_audit.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition::cli {

constexpr PerLang<const char*> w_all_round{.uk = "--all і --round взаємовиключні",
                                           .en = "--all and --round exclude each other"};

struct AuditOptions {
  bool all = false;
  std::optional<int> from;
  std::optional<int> to;
  std::string bundle;
};

static int exit_of(bool ok) { return exit_code_of_findings(!ok); }

// --quiet: only the differences.
static AuditText shown(const GlobalOptions& g) { return g.quiet ? AuditText::differences_only : AuditText::full; }

// docs/cli.md "audit".
static int run_audit_rounds(const GlobalOptions& g, const AuditOptions& o) {
  std::string format = g.format_of({"text", "json"});
  if (o.all && g.round_id()) throw Error(ErrorKind::invalid, say(w_all_round));
  auto store = Store::open(g.db_path(), Store::Mode::read_only);
  AuditResult r = audit_rounds(*store, g.round_id(), o.all);
  emit(g, format == "json" ? render_audit_json(r) : render_audit_text(r, g.lang(), shown(g)), controls_of(format));
  return exit_of(r.ok());
}

// docs/cli.md "audit history".
static int run_audit_history(const GlobalOptions& g, const AuditOptions& o) {
  std::string format = g.format_of({"text", "json"});
  auto store = Store::open(g.db_path(), Store::Mode::read_only);
  HistoryAudit h = audit_history(store->history(), o.from, o.to);
  emit(g, format == "json" ? render_history_audit_json(h) : render_history_audit_text(h, g.lang()),
       controls_of(format));
  return exit_of(h.ok());
}

// docs/cli.md "audit bundle": no database at all.
static int run_audit_bundle(const GlobalOptions& g, const AuditOptions& o) {
  std::string format = g.format_of({"text", "json"});
  BundleAudit b = audit_bundle(o.bundle);
  emit(g, format == "json" ? render_bundle_audit_json(b) : render_bundle_audit_text(b, g.lang(), shown(g)),
       controls_of(format));
  return exit_of(b.ok());
}

struct AuditHelp {
  const char* purpose;
  const char* all;
  const char* formats;
  const char* history;
  const char* from;
  const char* to;
  const char* bundle;
  const char* path;
};

constexpr PerLang<AuditHelp> audit_help{
    .uk = {.purpose = "Перерахувати кожне рішення зі збережених вхідних даних і правил та перевірити журнал "
                      "рішень (код 1 за будь-якої розбіжності)",
           .all = "перевірити кожен конкурс бази",
           .formats = "Формати: text (типово), json.\n",
           .history = "Перевірити опубліковану таблицю історії: співвідношення, що не випливають з її власних "
                      "чисел, переможців більше, ніж учасників",
           .from = "перший рік (типово: перший рік історії)",
           .to = "останній рік (типово: останній рік історії)",
           .bundle = "Перевірити експортований пакет окремо, без бази: хеші маніфесту, потім повний перерахунок",
           .path = "тека пакета (записана `competition export bundle`)"},
    .en = {.purpose = "Recompute every decision from the stored inputs and rules, and verify the decision log "
                      "(exit 1 on any difference)",
           .all = "audit every round of the database",
           .formats = "Formats: text (default), json.\n",
           .history = "Check the published history table: ratios that do not follow from its own figures, winners "
                      "above participants",
           .from = "first year (default: the first history year)",
           .to = "last year (default: the last history year)",
           .bundle = "Verify an exported bundle on its own, without any database: the manifest's hashes, then a "
                     "full recomputation",
           .path = "the bundle's directory (written by `competition export bundle`)"},
};

static void register_audit(CLI::App& app, Context& ctx) {
  const AuditHelp& w = audit_help[ctx.words];
  auto o = std::make_shared<AuditOptions>();
  auto* sub = app.add_subcommand("audit", w.purpose);
  sub->add_flag("--all", o->all, w.all);
  sub->require_subcommand(0, 1);
  sub->footer(std::string(w.formats) + examples_heading[ctx.words] +
              "  competition audit --round esm-2018\n"
              "  competition audit --all --json\n"
              "  competition audit history --from 2000 --to 2017\n"
              "  competition audit bundle esm-2018-bundle");

  auto* history = sub->add_subcommand("history", w.history);
  history->add_option("--from", o->from, w.from);
  history->add_option("--to", o->to, w.to);
  history->footer(std::string(example_heading[ctx.words]) + "  competition audit history --lang en --json");
  history->fallthrough();
  history->callback([&ctx, o] { ctx.exit_code = run_audit_history(ctx.global, *o); });

  auto* bundle = sub->add_subcommand("bundle", w.bundle);
  bundle->add_option("PATH", o->bundle, w.path)->required();
  bundle->footer(std::string(example_heading[ctx.words]) + "  competition audit bundle esm-2018-bundle --json");
  bundle->fallthrough();
  bundle->callback([&ctx, o] { ctx.exit_code = run_audit_bundle(ctx.global, *o); });

  // Runs after the subcommands' callbacks: only when none of them was given.
  sub->callback([&ctx, o, history, bundle] {
    if (history->parsed() || bundle->parsed()) return;
    ctx.exit_code = run_audit_rounds(ctx.global, *o);
  });
}

static CommandRegistration registration(60, register_audit);

}  // namespace competition::cli
