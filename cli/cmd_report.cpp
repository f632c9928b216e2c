// `competition report` (docs/cli.md, docs/report.md).
#include <optional>

#include "app.hpp"
#include "render/render_report.hpp"
#include "render/render_report_by.hpp"
#include "store/report_data.hpp"
#include "values/diagnostic.hpp"

namespace competition::cli {

struct ReportOptions {
  ReportYears years;
  std::string by;  // empty: the main report; `category` or `service` (docs/report.md "By category", "By service")
};

// docs/report.md "By category": the table of each year with rounds, a row per category.
static void category_report(Store& store, const ReportYears& years, const std::string& format, const GlobalOptions& g) {
  CategoryTable table = build_category_report(store, years);
  Lang lang = g.lang();
  if (format == "xlsx") {
    write_category_xlsx(table, lang, g.output, g.db_path());
  } else if (format == "json") {
    emit(g, render_category_json(table), Controls::kept);
  } else if (format == "csv") {
    emit(g, render_category_csv(table, g.excel), Controls::kept);
  } else if (format == "md") {
    emit(g, render_category_md(table, lang));
  } else if (format == "html") {
    emit(g, render_category_html(table, lang));
  } else {
    emit(g, render_category_text(table, lang));
  }
}

// docs/report.md "By service": per year, the services of the winning organisations.
static void service_report(Store& store, const ReportYears& years, const std::string& format, const GlobalOptions& g) {
  ServiceTable table = build_service_report(store, years);
  Lang lang = g.lang();
  if (format == "xlsx") {
    write_service_xlsx(table, lang, g.output, g.db_path());
  } else if (format == "json") {
    emit(g, render_service_json(table, lang), Controls::kept);
  } else if (format == "csv") {
    emit(g, render_service_csv(table, lang, g.excel), Controls::kept);
  } else if (format == "md") {
    emit(g, render_service_md(table, lang));
  } else if (format == "html") {
    emit(g, render_service_html(table, lang));
  } else {
    emit(g, render_service_text(table, lang));
  }
}

static int run_report(const ReportOptions& o, const GlobalOptions& g) {
  std::string format = g.format_of({"text", "md", "csv", "json", "html", "xlsx"});
  // A workbook is binary and written through a temporary file: never to a terminal or pipe.
  if (format == "xlsx" && (g.output.empty() || g.output == "-"))
    throw Error(ErrorKind::invalid, "--format xlsx: give the workbook's path with -o PATH");
  auto store = Store::open(g.db_path(), Store::Mode::read_only);
  if (o.by == "category") {
    category_report(*store, o.years, format, g);
    return 0;
  }
  if (o.by == "service") {
    service_report(*store, o.years, format, g);
    return 0;
  }
  ReportTable table = build_report(*store, o.years);
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
  auto o = std::make_shared<ReportOptions>();
  auto* sub = app.add_subcommand("report", "The yearly indicators in the Kharkiv style, from rounds and history");
  auto* year = sub->add_option("--year", o->years.year, "only this year");
  auto* from = sub->add_option("--from", o->years.from, "first year (default: the first year with data)");
  auto* to = sub->add_option("--to", o->years.to, "last year (default: the last year with data)");
  sub->add_option("--by", o->by, "category: the indicators per priority area; service: the winners' services")
      ->check(CLI::IsMember({"category", "service"}));
  year->excludes(from)->excludes(to);
  sub->footer(
      "Formats: text (default), md, csv, json, html, xlsx (needs -o PATH).\n"
      "Examples:\n"
      "  competition report --from 2010 --to 2012\n"
      "  competition report --format html -o report.html\n"
      "  competition report --format xlsx -o report.xlsx --lang en\n"
      "  competition report --by category --year 2018\n"
      "  competition report --by service --format json");
  sub->callback([&ctx, o] { ctx.exit_code = run_report(*o, ctx.global); });
}

static CommandRegistration registration(50, register_report);

}  // namespace competition::cli
