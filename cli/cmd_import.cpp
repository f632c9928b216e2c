// `competition import KIND FILE` (docs/cli.md "import").
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "app.hpp"
#include "base/visible_text.hpp"
#include "commands/import_result.hpp"
#include "commands/importer.hpp"
#include "formats/input_file.hpp"
#include "render/conflict_words.hpp"
#include "render/render_import.hpp"
#include "values/message.hpp"

namespace competition::cli {

constexpr PerLang<const char*> w_no_files{.uk = "{}: у каталозі немає файлів .xlsx чи .csv",
                                          .en = "{}: no .xlsx or .csv file in the directory"};
constexpr PerLang<const char*> w_directory_refused{.uk = "каталог відхилено: жоден із {} файлів не записано",
                                                   .en = "the directory was refused: none of its {} files was written"};
constexpr PerLang<const char*> w_kind{.uk =
                                          "import: \"{}\" — не вид вхідних даних (очікується applications, reviewers, "
                                          "reviews, outcomes, history, pabulib, agreements або payments)",
                                      .en =
                                          "import: \"{}\" is not a kind of input (expected applications, reviewers, "
                                          "reviews, outcomes, history, pabulib, agreements or payments)"};

struct ImportCliOptions {
  std::string kind;
  std::string file;
  std::string encoding = "auto";
  std::string delimiter = "auto";
  int year = 0;
  bool dry_run = false;
  bool replace = false;
  bool exclude_conflicts = false;
  bool allow_unassigned = false;
};

// `import reviews DIR` (docs/cli.md "import"): every sheet file of the directory in one transaction.
static int run_import_directory(const ImportOptions& io, const ImportCliOptions& o, const GlobalOptions& g,
                                const std::string& format) {
  const std::vector<std::string> files = sheet_files_in(o.file);
  if (files.empty()) throw Error(ErrorKind::invalid, say(w_no_files, io.file));
  std::vector<ImportInput> inputs;
  for (const std::string& f : files) inputs.push_back({f, read_input(f)});
  auto store = Store::open(g.db_path(), Store::Mode::must_exist);
  DirectoryImport d;
  try {
    d = import_directory(*store, io, inputs);
  } catch (const Error& e) {
    if (format == "json" && e.kind() != ErrorKind::io)
      emit(g, render_directory_import_json(refused_directory(io, files, e)), Controls::kept);
    if (e.kind() == ErrorKind::io || e.diagnostics().empty()) throw;
    // The errors, then the line that says what became of the directory.
    std::vector<Diagnostic> all = e.diagnostics();
    all.push_back(Diagnostic{io.file, 0, 0, "", say(w_directory_refused, files.size()), e.kind()});
    throw Error(e.kind(), std::move(all));
  }
  if (!o.dry_run) note_changes_recorded(g);
  bool errors = false;
  for (const ImportSummary& s : d.files) errors = errors || !s.errors.empty();
  if (format == "json") {
    emit(g, render_directory_import_json(d), Controls::kept);
  } else {
    if (confirms(g)) emit(g, render_directory_import_text(d, o.dry_run, g.lang()));
    for (const ImportSummary& s : d.files)
      for (const auto& e : s.errors) std::fputs((visible(e.to_string(g.lang())) + "\n").c_str(), stderr);
  }
  return exit_code_of_findings(errors);
}

static int run_import(const ImportCliOptions& o, const GlobalOptions& g) {
  ImportOptions io;
  auto kind = parse_import_kind(o.kind);
  if (!kind) throw Error(ErrorKind::invalid, say(w_kind, o.kind));
  io.kind = *kind;
  io.file = input_label(o.file);
  io.encoding = *parse_encoding(o.encoding);
  io.delimiter = *parse_delimiter(o.delimiter);
  io.round = g.round_id();
  if (o.year) io.year = o.year;
  io.dry_run = o.dry_run;
  io.replace = o.replace;
  io.exclude_conflicts = o.exclude_conflicts;
  io.allow_unassigned = o.allow_unassigned;
  std::string format = g.format_of({"text", "json"});
  if (io.kind == ImportKind::reviews && o.file != "-" && std::filesystem::is_directory(o.file))
    return run_import_directory(io, o, g, format);
  if (!g.quiet && ::isatty(STDERR_FILENO))
    io.progress = [&io](std::size_t done, std::size_t total) {
      if (total > 0) std::fprintf(stderr, "\r%s: reading %zu%%", io.file.c_str(), done * 100 / total);
    };
  std::string bytes = read_input(o.file);
  auto store = Store::open(g.db_path(), io.kind == ImportKind::history || io.kind == ImportKind::pabulib
                                            ? Store::Mode::may_create
                                            : Store::Mode::must_exist);
  ImportSummary s;
  try {
    s = import_file(*store, io, bytes);
  } catch (const Error& e) {
    if (io.progress) std::fputs("\r\033[K", stderr);
    // docs/cli.md "import": a refused file's object still goes to standard output.
    if (format == "json" && e.kind() != ErrorKind::io)
      emit(g, render_import_json(refused_summary(io, e)), Controls::kept);
    throw;
  }
  if (io.progress) std::fputs("\r\033[K", stderr);
  if (!o.dry_run) note_changes_recorded(g);
  if (!g.quiet) std::fputs(render_import_warnings(s, g.lang()).c_str(), stderr);
  if (format == "json") {
    emit(g, render_import_json(s), Controls::kept);
  } else {
    if (confirms(g)) emit(g, render_import_text(s, o.dry_run, g.lang()));
    for (const auto& d : s.errors) std::fputs((visible(d.to_string(g.lang())) + "\n").c_str(), stderr);
  }
  return exit_code_of_findings(!s.errors.empty());
}

struct ImportHelp {
  const char* purpose;
  const char* kind;
  const char* file;
  const char* encoding;
  const char* delimiter;
  const char* year;
  const char* dry_run;
  const char* replace;
  const char* exclude_conflicts;
  const char* allow_unassigned;
};

constexpr PerLang<ImportHelp> import_help{
    .uk = {.purpose = "Імпортувати в конкурс файл CSV або книгу Excel (.xlsx): усе або нічого",
           .kind = "applications, reviewers, reviews, outcomes, history, pabulib, agreements або payments",
           .file = "файл для імпорту (- — стандартний ввід; для reviews — також тека оцінювальних листів)",
           .encoding = "auto (UTF-8, інакше Windows-1251), utf-8 або cp1251",
           .delimiter = "auto, ',', ';' або tab",
           .year = "pabulib: рік, коли файл його не називає",
           .dry_run = "перевірити й звітувати; нічого не записувати (код 1, коли знайдено помилки)",
           .replace = "оновити рядки, чий id уже збережено з іншими значеннями",
           .exclude_conflicts = "reviews: зберегти оцінку з конфліктом інтересів як виключену, а не відхиляти файл",
           .allow_unassigned = "reviews: прийняти оцінки експертів, яким заявку не призначено (`assign`)"},
    .en = {.purpose = "Import a CSV file or an Excel workbook (.xlsx) into the round, all or nothing",
           .kind = "applications, reviewers, reviews, outcomes, history, pabulib, agreements or payments",
           .file = "the file to import (- for standard input; reviews: or a directory of score sheets)",
           .encoding = "auto (UTF-8, else Windows-1251), utf-8 or cp1251",
           .delimiter = "auto, ',', ';' or tab",
           .year = "pabulib: the year when the file does not tell it",
           .dry_run = "validate and report; write nothing (exit 1 when errors are found)",
           .replace = "update rows whose id is already stored with other values",
           .exclude_conflicts = "reviews: store a conflicted review as excluded instead of refusing the file",
           .allow_unassigned = "reviews: accept reviews by reviewers not assigned to the application (`assign`)"},
};

static void register_import(CLI::App& app, Context& ctx) {
  const ImportHelp& w = import_help[ctx.words];
  auto o = std::make_shared<ImportCliOptions>();
  auto* sub = app.add_subcommand("import", w.purpose);
  sub->add_option("KIND", o->kind, w.kind)->required();
  sub->add_option("FILE", o->file, w.file)->required();
  sub->add_option("--encoding", o->encoding, w.encoding)->check(CLI::IsMember({"auto", "utf-8", "cp1251"}));
  sub->add_option("--delimiter", o->delimiter, w.delimiter)->check(CLI::IsMember({"auto", ",", ";", "tab"}));
  sub->add_option("--year", o->year, w.year);
  sub->add_flag("--dry-run", o->dry_run, w.dry_run);
  sub->add_flag("--replace", o->replace, w.replace);
  sub->add_flag("--exclude-conflicts", o->exclude_conflicts, w.exclude_conflicts);
  sub->add_flag("--allow-unassigned", o->allow_unassigned, w.allow_unassigned);
  sub->footer(std::string(example_heading[ctx.words]) +
              "  competition import applications examples/kharkiv-esm/applications.csv");
  sub->callback([o, &ctx] { ctx.exit_code = run_import(*o, ctx.global); });
}

static CommandRegistration registration(20, register_import);

}  // namespace competition::cli
