// `competition report` (docs/cli.md, docs/report.md).
#include <functional>
#include <optional>
#include <string>

#include "app.hpp"
#include "render/render_report.hpp"
#include "render/render_report_by.hpp"
#include "store/report_data.hpp"
#include "values/clock.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition::cli {

struct ReportOptions {
  ReportYears years;
  std::string by;  // empty: the main report; `category` or `service` (docs/report.md "By category", "By service")
  std::optional<std::string>
      as_of;  // the day `paid` and the outcomes are counted at (default today); given but empty is an error
};

// One table's renderers, by format (docs/report.md "Formats").
struct Renderers {
  std::function<void()> xlsx;
  std::function<std::string()> json, csv, md, html, text;
};

static void render(const std::string& format, const Renderers& r, const GlobalOptions& g) {
  if (format == "xlsx") {
    r.xlsx();
  } else if (format == "json") {
    emit(g, r.json(), Controls::kept);
  } else if (format == "csv") {
    emit(g, r.csv(), Controls::kept);
  } else if (format == "md") {
    emit(g, r.md());
  } else if (format == "html") {
    emit(g, r.html());
  } else {
    emit(g, r.text());
  }
}

static int run_report(const ReportOptions& o, const GlobalOptions& g) {
  std::string format = g.format_of({"text", "md", "csv", "json", "html", "xlsx"});
  require_workbook_path(g, format);
  auto store = Store::open(g.db_path(), Store::Mode::read_only);
  Lang lang = g.lang();
  if (o.by == "category") {
    // docs/report.md "By category": the table of each year with rounds, a row per category.
    CategoryTable t = build_category_report(*store, o.years);
    render(format,
           {[&] { write_category_xlsx(t, lang, g.output, g.db_path()); }, [&] { return render_category_json(t); },
            [&] { return render_category_csv(t, g.excel); }, [&] { return render_category_md(t, lang); },
            [&] { return render_category_html(t, lang); }, [&] { return render_category_text(t, lang); }},
           g);
  } else if (o.by == "service") {
    // docs/report.md "By service": per year, the services of the winning organisations.
    ServiceTable t = build_service_report(*store, o.years);
    render(format,
           {[&] { write_service_xlsx(t, lang, g.output, g.db_path()); }, [&] { return render_service_json(t, lang); },
            [&] { return render_service_csv(t, lang, g.excel); }, [&] { return render_service_md(t, lang); },
            [&] { return render_service_html(t, lang); }, [&] { return render_service_text(t, lang); }},
           g);
  } else {
    ReportTable t = build_report(*store, o.years, as_of_date(o.as_of));
    render(format,
           {[&] {
              for (const auto& warning : write_report_xlsx(t, lang, g.output, g.db_path())) inform(g, warning);
            },
            [&] { return render_report_json(t); }, [&] { return render_report_csv(t, g.excel); },
            [&] { return render_report_md(t, lang); }, [&] { return render_report_html(t, lang); },
            [&] { return render_report_text(t, lang); }},
           g);
  }
  return 0;
}

struct ReportHelp {
  const char* purpose;
  const char* year;
  const char* from;
  const char* to;
  const char* by;
  const char* as_of;
  const char* formats;
};

constexpr PerLang<ReportHelp> report_help{
    .uk = {.purpose = "Річні показники в харківському стилі з конкурсів та історії",
           .year = "лише цей рік",
           .from = "перший рік (типово: перший рік із даними)",
           .to = "останній рік (типово: останній рік із даними)",
           .by = "category: показники за пріоритетними напрямами; service: послуги переможців",
           .as_of = "враховувати платежі, здійснені, і звіти, отримані до кінця цього дня (типово: сьогодні)",
           .formats = "Формати: text (типово), md, csv, json, html, xlsx (потрібен -o ШЛЯХ).\n"},
    .en = {.purpose = "The yearly indicators in the Kharkiv style, from rounds and history",
           .year = "only this year",
           .from = "first year (default: the first year with data)",
           .to = "last year (default: the last year with data)",
           .by = "category: the indicators per priority area; service: the winners' services",
           .as_of = "count the payments made and the reports received by the end of this date (default: today)",
           .formats = "Formats: text (default), md, csv, json, html, xlsx (needs -o PATH).\n"},
};

static void register_report(CLI::App& app, Context& ctx) {
  const ReportHelp& w = report_help[ctx.words];
  auto o = std::make_shared<ReportOptions>();
  auto* sub = app.add_subcommand("report", w.purpose);
  auto* year = sub->add_option("--year", o->years.year, w.year);
  auto* from = sub->add_option("--from", o->years.from, w.from);
  auto* to = sub->add_option("--to", o->years.to, w.to);
  auto* by = sub->add_option("--by", o->by, w.by)->check(CLI::IsMember({"category", "service"}));
  sub->add_option("--as-of", o->as_of, w.as_of)->excludes(by);
  year->excludes(from)->excludes(to);
  sub->footer(std::string(w.formats) + examples_heading[ctx.words] +
              "  competition report --from 2010 --to 2012\n"
              "  competition report --year 2018 --as-of 2019-01-31\n"
              "  competition report --format html -o report.html\n"
              "  competition report --format xlsx -o report.xlsx --lang en\n"
              "  competition report --by category --year 2018\n"
              "  competition report --by service --format json");
  sub->callback([&ctx, o] { ctx.exit_code = run_report(*o, ctx.global); });
}

static CommandRegistration registration(50, register_report);

}  // namespace competition::cli
