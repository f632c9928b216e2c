#include "app.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string_view>
#include <vector>

#include "base/visible_text.hpp"
#include "formats/database_output_check.hpp"
#include "formats/input_file.hpp"
#include "formats/output_file.hpp"
#include "help_words.hpp"
#include "render/remedy_words.hpp"
#include "render/words.hpp"
#include "store/failure.hpp"
#include "store/store.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition::cli {

constexpr PerLang<const char*> w_not_a_format{.uk = "--format: \"{}\" — не формат цієї команди (очікується {})",
                                              .en = "--format: \"{}\" is not a format of this command (expected {})"};
constexpr PerLang<const char*> w_stdout{.uk = "стандартний вивід: не вдається записати вивід: {}",
                                        .en = "standard output: cannot write the output: {}"};
constexpr PerLang<const char*> w_stdout_failed{.uk = "competition: стандартний вивід: не вдається записати вивід: {}",
                                               .en = "competition: standard output: cannot write the output: {}"};
constexpr PerLang<const char*> w_unknown_command{.uk = "невідома команда \"{}\"", .en = "unknown command \"{}\""};
constexpr PerLang<const char*> w_did_you_mean{.uk = " (можливо, \"{}\"?)", .en = " (did you mean \"{}\"?)"};
constexpr PerLang<const char*> w_commands{.uk = "; команди: {}", .en = "; the commands are: {}"};

std::string GlobalOptions::db_path() const {
  if (!db.empty()) return db;
  if (const char* env = std::getenv("COMPETITION_DB"); env && *env) return env;
  return "competition.db";
}

std::optional<std::string> GlobalOptions::round_id() const {
  if (round.empty()) return std::nullopt;
  return round;
}

std::string GlobalOptions::format_of(const std::vector<std::string>& allowed, const std::string& fallback) const {
  std::string f = json ? "json" : (format.empty() ? fallback : format);
  for (const auto& a : allowed)
    if (a == f) return f;
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : "|") + a;
  throw Error(ErrorKind::invalid, say(w_not_a_format, f, list));
}

void emit(const GlobalOptions& g, const std::string& text, Controls controls) {
  const std::function<void(OutputSink&)> write = [&text](OutputSink& out) { out += text; };
  emit(g, write, controls);
}

namespace {
// `write` into an output file, flushed (its commit syncs and renames it).
void write_into(OutputFile& file, const std::function<void(OutputSink&)>& write, Controls controls) {
  OutputSink out(file.stream(), controls);
  write(out);
  if (!out.flush()) file.fail(errno != 0 ? errno : EIO);
}
}  // namespace

void emit(const GlobalOptions& g, const std::function<void(OutputSink&)>& write, Controls controls) {
  if (g.output.empty() || g.output == "-") {
    OutputSink out(stdout, controls);
    write(out);
    if (!out.flush()) standard_output_failed(errno != 0 ? errno : EIO);
    return;
  }
  // docs/reliability.md "Output paths": the database was refused before the command ran, and is again as the file is
  // opened and committed.
  OutputFile file(g.output, g.db_path());
  write_into(file, write, controls);
  file.commit();
}

EarlyOutput::EarlyOutput(const GlobalOptions& g, std::function<void(OutputSink&)> write, Controls controls)
    : g_(g), write_(std::move(write)), controls_(controls) {}

void EarlyOutput::write_early() noexcept {
  // Standard output, a FIFO or a device: nothing is shown before the result is stored.
  if (g_.output.empty() || g_.output == "-" || !OutputFile::replaces(g_.output)) return;
  try {
    file_.emplace(g_.output, g_.db_path());
    write_into(*file_, write_, controls_);
    file_->close();
  } catch (...) {
    failed_ = std::current_exception();
  }
}

void EarlyOutput::finish() {
  if (failed_) std::rethrow_exception(failed_);
  if (file_)
    file_->commit();
  else
    emit(g_, write_, controls_);
}

Controls controls_of(const std::string& format) {
  return format == "json" || format == "csv" ? Controls::kept : Controls::shown;
}

void standard_output_failed(int error) { throw Error(ErrorKind::io, say(w_stdout, std::strerror(error))); }

namespace {
constexpr PerLang<const char*> recorded_words{.uk = " (зміни команди збережено)",
                                              .en = " (the command's changes were recorded)"};
// The language of the note, once a command's changes were committed.
std::optional<Lang>& changes_recorded() {
  static std::optional<Lang> lang;
  return lang;
}
// What an output failure's message ends with: the note, or nothing.
std::string recorded_note() { return changes_recorded() ? recorded_words[*changes_recorded()] : ""; }
}  // namespace

void note_changes_recorded(const GlobalOptions& g) { changes_recorded() = g.lang(); }

void inform(const GlobalOptions& g, const std::string& text) {
  if (!g.quiet) std::cerr << visible(text) << '\n';
}

constexpr PerLang<const char*> w_xlsx_path{.uk = "--format xlsx: вкажіть шлях до робочої книги через -o PATH",
                                           .en = "--format xlsx: give the workbook's path with -o PATH"};

void require_workbook_path(const GlobalOptions& g, const std::string& format) {
  if (format == "xlsx" && (g.output.empty() || g.output == "-")) throw Error(ErrorKind::invalid, say(w_xlsx_path));
}

void alert(const std::string& text) { std::cerr << visible(text) << '\n'; }

bool confirms(const GlobalOptions& g) { return !g.quiet || !g.output.empty(); }

std::string input_label(const std::string& path) { return path == "-" ? "<stdin>" : path; }

std::string read_input(const std::string& path) { return read_input_file(path, input_label(path)); }

namespace {
std::vector<std::pair<int, RegisterFn>>& registry() {
  static std::vector<std::pair<int, RegisterFn>> all;
  return all;
}
}  // namespace

CommandRegistration::CommandRegistration(int order, RegisterFn fn) { registry().emplace_back(order, fn); }

namespace {

struct GlobalOptionWords {
  const char* group;
  const char* db;
  const char* round;
  const char* lang;
  const char* format;
  const char* json;
  const char* output;
  const char* quiet;
  const char* excel;
};

constexpr PerLang<GlobalOptionWords> global_option_words{
    .uk = {.group = "Загальні параметри",
           .db = "файл бази даних (інакше $COMPETITION_DB, інакше ./competition.db)",
           .round = "конкурс, з яким працювати (можна не вказувати, коли в базі один конкурс)",
           .lang = "мова виводу для людей: uk або en",
           .format = "формат виводу (свій у кожної команди)",
           .json = "коротко для --format json",
           .output = "записати вивід у цей файл замість стандартного виводу",
           .quiet = "не друкувати нічого, крім помилок і запитаного виводу",
           .excel = "CSV для Excel в українській локалі: BOM, ';' і десяткова кома"},
    .en = {.group = "Global options",
           .db = "database file (else $COMPETITION_DB, else ./competition.db)",
           .round = "the round to work on (may be left out when the database holds one)",
           .lang = "language of labels in human output: uk or en",
           .format = "output format (per command)",
           .json = "short for --format json",
           .output = "write the output to this file instead of standard output",
           .quiet = "print nothing but errors and the requested output",
           .excel = "CSV for Excel in a Ukrainian locale: BOM, ';' and decimal comma"},
};

// The footer's example, the same in every language.
constexpr const char* round_example =
    "  competition init rules.toml\n"
    "  competition import applications applications.csv\n"
    "  competition import reviewers reviewers.csv\n"
    "  competition import reviews reviews.csv\n"
    "  competition score\n"
    "  competition allocate\n"
    "  competition report\n";

struct AppWords {
  const char* description;
  const char* footer;         // before the example
  const char* after_example;  // the footer's rest
};

constexpr PerLang<AppWords> app_words{
    .uk = {.description = "competition: грантові конкурси соціальних проєктів — заявки, оцінювання, розподіл, звіти, "
                          "аудит",
           .footer = "Конкурс від початку до кінця:\n",
           .after_example =
               "`competition КОМАНДА --help` показує параметри команди й приклад; `man competition` — "
               "посібник.\n"
               "Коди завершення: 0 гаразд, 1 знайдено проблеми, 2 хибні вхідні дані чи виклик, 3 конфлікт зі "
               "станом, 4 помилка введення-виведення чи внутрішня."},
    .en = {.description = "competition: grant competitions of social projects — applications, scoring, allocation, "
                          "reports, audit",
           .footer = "A round, end to end:\n",
           .after_example =
               "`competition COMMAND --help` shows a command's options and an example; `man competition` is "
               "the manual.\n"
               "Exit codes: 0 ok, 1 problems found, 2 invalid input or usage, 3 state conflict, 4 I/O or "
               "internal error."},
};

void add_global_options(CLI::App& app, GlobalOptions& g, Lang lang) {
  const GlobalOptionWords& w = global_option_words[lang];
  app.add_option("--db", g.db, w.db)->group(w.group);
  app.add_option("--round", g.round, w.round)->group(w.group);
  app.add_option("--lang", g.language, w.lang)->check(CLI::IsMember({"uk", "en"}))->group(w.group);
  app.add_option("--format", g.format, w.format)->group(w.group);
  app.add_flag("--json", g.json, w.json)->group(w.group);
  app.add_option("-o,--output", g.output, w.output)->group(w.group);
  app.add_flag("-q,--quiet", g.quiet, w.quiet)->group(w.group);
  app.add_flag("--excel", g.excel, w.excel)->group(w.group);
}

}  // namespace

namespace {

// Levenshtein distance, for "did you mean" (names of a few letters).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// When no command matched but a word was given (`competition scroe`), CLI11
// says only "A subcommand is required": name the word and the nearest command.
std::optional<Message> unknown_command(CLI::App& app) {
  for (const std::string& word : app.remaining()) {
    if (word.empty() || word[0] == '-') continue;
    std::string names, nearest;
    std::size_t best = 3;  // suggest only within two edits
    for (const CLI::App* sub : app.get_subcommands({})) {
      names += (names.empty() ? "" : ", ") + sub->get_name();
      if (std::size_t d = edit_distance(word, sub->get_name()); d < best) best = d, nearest = sub->get_name();
    }
    Message message = say(w_unknown_command, word);
    if (!nearest.empty()) message += say(w_did_you_mean, nearest);
    return message + say(w_commands, names);
  }
  return std::nullopt;
}

// A standard stream the program was started without (`competition report >&-`)
// is held by /dev/null opened read-only: writing to it then fails (EBADF) and
// is reported, and no file this program opens can take its number and receive
// the output meant for it.
void hold_closed_standard_streams() {
  for (int fd = 0; fd <= 2; ++fd)
    if (::fcntl(fd, F_GETFD) == -1 && errno == EBADF) {
      int held = ::open("/dev/null", O_RDONLY);
      if (held >= 0 && held != fd) ::close(held);
    }
}

// docs/reliability.md "Output paths": what is still buffered for standard
// output must reach it, or the run fails (exit 4), never a silent truncation.
int finish_standard_output(int code, Lang lang) {
  if (std::fflush(stdout) == 0 && !std::ferror(stdout)) return code;
  std::cerr << fmt::format(fmt::runtime(w_stdout_failed[lang]), std::strerror(errno != 0 ? errno : EIO))
            << recorded_note() << '\n';
  return static_cast<int>(ExitCode::io);
}

}  // namespace

int run_cli(int argc, char** argv) {
  hold_closed_standard_streams();
  Context ctx;
  ctx.words = language_of_arguments(argc, argv);
  const AppWords& w = app_words[ctx.words];
  CLI::App app{w.description, "competition"};
  use_help_words(app, ctx.words, std::string("competition ") + COMPETITION_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  add_global_options(app, ctx.global, ctx.words);
  app.footer(std::string(w.footer) + round_example + w.after_example);
  auto& commands = registry();
  std::stable_sort(commands.begin(), commands.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [order, fn] : commands) fn(app, ctx);
  for (auto* sub : app.get_subcommands({})) sub->fallthrough();
  name_command_groups(app, ctx.words);
  // The store finds warnings (a database on NFS or SMB); the library does not print.
  Store::set_warning_listener([&ctx](const Message& warning) { inform(ctx.global, warning[ctx.global.lang()]); });

  // Before any command runs (and writes to its database): the output is not the database.
  app.parse_complete_callback([&ctx] { refuse_database_output(ctx.global.output, ctx.global.db_path()); });

  try {
    app.parse(argc, argv);
    return finish_standard_output(ctx.exit_code, ctx.global.lang());
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string what = usage_error_words(e.what(), ctx.words);
    if (app.get_subcommands().empty())
      if (auto unknown = unknown_command(app)) what = (*unknown)[ctx.global.lang()];
    std::cerr << "competition: " << what << '\n' << run_help[ctx.words] << '\n';
    return static_cast<int>(ExitCode::invalid);
  } catch (const Error& e) {
    std::cerr << visible(error_message(e)[ctx.global.lang()]) << (e.kind() == ErrorKind::io ? recorded_note() : "")
              << '\n';
    return exit_code(e.kind());
  } catch (const std::exception& e) {
    Error err = as_error(e);
    std::cerr << visible(error_message(err)[ctx.global.lang()]) << '\n';
    return exit_code(err.kind());
  }
}

}  // namespace competition::cli
