// `competition export` (docs/bundle.md): writes what others need to
// re-check a round. Subcommands: `bundle PATH` (here); further exports (e.g.
// `export pabulib`) are added as further subcommands of the same `export`.
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <memory>

#include "app.hpp"
#include "commands/bundle.hpp"
#include "commands/pabulib_export.hpp"
#include "formats/database_output_check.hpp"
#include "formats/output_file.hpp"
#include "render/words.hpp"

namespace competition::cli {

struct ExportWords {
  const char* bundle_written;   // round, path, files, fingerprint
  const char* pabulib_written;  // round, path
};

constexpr PerLang<ExportWords> export_words{
    .uk = {.bundle_written = "конкурс {}: пакет записано до {} (файлів: {}), рішення {}",
           .pabulib_written = "конкурс {}: екземпляр pabulib записано до {}"},
    .en = {.bundle_written = "round {}: bundle written to {} ({} files), decision {}",
           .pabulib_written = "round {}: pabulib instance written to {}"},
};

struct ExportOptions {
  std::string bundle;
  std::string pabulib;
};

// docs/bundle.md.
static int run_export_bundle(const GlobalOptions& g, const ExportOptions& o) {
  refuse_database_output(o.bundle, g.db_path());
  auto store = Store::open(g.db_path(), Store::Mode::read_only);
  Bundle b = build_bundle(*store, g.round_id(), g.lang());
  write_bundle(b, o.bundle);
  inform(g, fmt::format(fmt::runtime(export_words[g.lang()].bundle_written), b.round, o.bundle, b.files.size(),
                        b.fingerprint));
  return 0;
}

struct ExportHelp {
  const char* purpose;
  const char* bundle;
  const char* bundle_path;
  const char* bundle_about;
  const char* pabulib;
  const char* pabulib_path;
  const char* pabulib_about;
};

constexpr PerLang<ExportHelp> export_help{
    .uk = {.purpose = "Експортувати конкурс для інших: `export bundle ШЛЯХ`, `export pabulib ШЛЯХ`",
           .bundle = "Записати в нову теку все, що потрібно аудиторові для повторної перевірки розподілу конкурсу",
           .bundle_path = "тека, якої ще немає (або порожня)",
           .bundle_about = "Файли: rules.toml, applications.csv, reviewers.csv, reviews.csv, [outcomes.csv], "
                           "[decisions.csv],\n"
                           "decision.json, decision.md (мовою --lang), manifest.json. Наявний непорожній ШЛЯХ — "
                           "код 3.\n",
           .pabulib = "Записати розподілений конкурс як файл pabulib .pb, `selected` заповнено з рішення",
           .pabulib_path = "файл .pb, який записати (`-`: стандартний вивід)",
           .pabulib_about = "Конкурс, імпортований з файлу pabulib, зберігає свої META, стовпці PROJECTS і VOTES; "
                            "будь-який інший\n"
                            "стає екземпляром `scoring`, упорядкованим за сумою балів. Ще не розподілений конкурс — "
                            "код 3.\n"},
    .en = {.purpose = "Export a round for others: `export bundle PATH`, `export pabulib PATH`",
           .bundle = "Write everything an auditor needs to re-check the round's allocation into a new directory",
           .bundle_path = "a directory that does not exist yet (or is empty)",
           .bundle_about = "Files: rules.toml, applications.csv, reviewers.csv, reviews.csv, [outcomes.csv], "
                           "[decisions.csv],\n"
                           "decision.json, decision.md (in --lang), manifest.json. An existing non-empty PATH exits "
                           "3.\n",
           .pabulib = "Write the allocated round as a pabulib .pb file, `selected` filled from the decision",
           .pabulib_path = "the .pb file to write (`-`: standard output)",
           .pabulib_about = "A round imported from a pabulib file keeps its META, PROJECTS columns and VOTES; any "
                            "other round\n"
                            "becomes a `scoring` instance ranked by its total. A round not allocated yet exits 3.\n"},
};

static void register_export_bundle(CLI::App& export_cmd, Context& ctx) {
  const ExportHelp& w = export_help[ctx.words];
  auto o = std::make_shared<ExportOptions>();
  auto* sub = export_cmd.add_subcommand("bundle", w.bundle);
  sub->add_option("PATH", o->bundle, w.bundle_path)->required();
  sub->footer(std::string(w.bundle_about) + examples_heading[ctx.words] +
              "  competition export bundle esm-2018-bundle --round esm-2018\n"
              "  competition audit bundle esm-2018-bundle");
  sub->fallthrough();
  sub->callback([&ctx, o] { ctx.exit_code = run_export_bundle(ctx.global, *o); });
}

// docs/pabulib.md "Exporting": `export pabulib PATH` (`-` for standard output).
static int run_export_pabulib(const GlobalOptions& g, const ExportOptions& o) {
  refuse_database_output(o.pabulib, g.db_path());
  auto store = Store::open(g.db_path(), Store::Mode::read_only);
  RoundRecord round = store->resolve_round(g.round_id());
  std::string text = write_pabulib(export_pabulib(*store, round));
  if (o.pabulib == "-") {
    emit(g, text, Controls::kept);
    return 0;
  }
  // docs/reliability.md "Output paths": the old file stays whole until the new one is.
  OutputFile out(o.pabulib, g.db_path());
  if (std::fwrite(text.data(), 1, text.size(), out.stream()) != text.size()) out.fail(errno);
  out.commit();
  inform(g, fmt::format(fmt::runtime(export_words[g.lang()].pabulib_written), round.id, o.pabulib));
  return 0;
}

static void register_export_pabulib(CLI::App& export_cmd, Context& ctx) {
  const ExportHelp& w = export_help[ctx.words];
  auto o = std::make_shared<ExportOptions>();
  auto* sub = export_cmd.add_subcommand("pabulib", w.pabulib);
  sub->add_option("PATH", o->pabulib, w.pabulib_path)->required();
  sub->footer(std::string(w.pabulib_about) + example_heading[ctx.words] +
              "  competition export pabulib warszawa-2019.pb --round poland_warszawa_2019_okecie");
  sub->fallthrough();
  sub->callback([&ctx, o] { ctx.exit_code = run_export_pabulib(ctx.global, *o); });
}

static void register_export(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("export", export_help[ctx.words].purpose);
  sub->require_subcommand(1);
  sub->footer(std::string(example_heading[ctx.words]) + "  competition export bundle esm-2018-bundle");
  register_export_bundle(*sub, ctx);
  register_export_pabulib(*sub, ctx);
}

static CommandRegistration registration(70, register_export);

}  // namespace competition::cli
