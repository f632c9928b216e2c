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

static void register_audit(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<AuditOptions>();
  auto* sub = app.add_subcommand("audit",
                                 "Recompute every decision from the stored inputs and rules, and verify the "
                                 "decision log (exit 1 on any difference)");
  sub->add_flag("--all", o->all, "audit every round of the database");
  sub->require_subcommand(0, 1);
  sub->footer(
      "Formats: text (default), json.\n"
      "Examples:\n"
      "  competition audit --round esm-2018\n"
      "  competition audit --all --json\n"
      "  competition audit history --from 2000 --to 2017\n"
      "  competition audit bundle esm-2018-bundle");

  auto* history = sub->add_subcommand("history",
                                      "Check the published history table: ratios that do not follow "
                                      "from its own figures, winners above participants");
  history->add_option("--from", o->from, "first year (default: the first history year)");
  history->add_option("--to", o->to, "last year (default: the last history year)");
  history->footer("Example:\n  competition audit history --lang en --json");
  history->fallthrough();
  history->callback([&ctx, o] { ctx.exit_code = run_audit_history(ctx.global, *o); });

  auto* bundle = sub->add_subcommand("bundle",
                                     "Verify an exported bundle on its own, without any database: the "
                                     "manifest's hashes, then a full recomputation");
  bundle->add_option("PATH", o->bundle, "the bundle's directory (written by `competition export bundle`)")->required();
  bundle->footer("Example:\n  competition audit bundle esm-2018-bundle --json");
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
