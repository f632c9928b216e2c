// `competition report` (docs/cli.md, docs/report.md).
#include <optional>

#include "app.hpp"
#include "render/render_report.hpp"
#include "store/report_data.hpp"
#include "values/diagnostic.hpp"

namespace competition::cli {

static int run_report(const ReportYears& years, const GlobalOptions& g) {
  std::string format = g.format_of({"text", "md", "csv", "json", "html", "xlsx"});
  // A workbook is binary and written through a temporary file: never to a terminal or pipe.
  if (format == "xlsx" && (g.output.empty() || g.output == "-"))
    throw Error(ErrorKind::invalid, "--format xlsx: give the workbook's path with -o PATH");
  auto store = Store::open(g.db_path(), Store::Mode::read_only);
  ReportTable table = build_report(*store, years);
  Lang lang = g.lang();
  if (format == "xlsx") {
    for (const auto& warning : write_report_xlsx(table, lang, g.output, g.db_path())) inform(g, warning);
  } else if (format == "json") {
    emit(g, render_report_json(table), Controls::kept);
  } else if (format == "csv") {
    emit(g, render_report_csv(table, g.excel), Controls::kept);
  } else if (format == "md") {
    emit(g, render_report_md(table, lang));
  } else if (format == "html") {
    emit(g, render_report_html(table, lang));
  } else {
    emit(g, render_report_text(table, lang));
  }
  return 0;
}

static void register_report(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ReportYears>();
  auto* sub = app.add_subcommand("report", "The yearly indicators in the Kharkiv style, from rounds and history");
  auto* year = sub->add_option("--year", o->year, "only this year");
  auto* from = sub->add_option("--from", o->from, "first year (default: the first year with data)");
  auto* to = sub->add_option("--to", o->to, "last year (default: the last year with data)");
  year->excludes(from)->excludes(to);
  sub->footer(
      "Formats: text (default), md, csv, json, html, xlsx (needs -o PATH).\n"
      "Examples:\n"
      "  competition report --from 2010 --to 2012\n"
      "  competition report --format html -o report.html\n"
      "  competition report --format xlsx -o report.xlsx --lang en");
  sub->callback([&ctx, o] { ctx.exit_code = run_report(*o, ctx.global); });
}

static CommandRegistration registration(50, register_report);

}  // namespace competition::cli
