// The command-line shell: global options (docs/cli.md "Global options"), the
// registration of every subcommand, and the one place where parse errors and
// library errors become the exit codes of docs/cli.md.
#pragma once
#include <CLI/CLI.hpp>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/output_sink.hpp"
#include "exit_codes.hpp"
#include "formats/output_file.hpp"
#include "help_words.hpp"
#include "values/lang.hpp"

namespace competition::cli {

struct GlobalOptions {
  std::string db;
  std::string round;
  std::string language = "uk";  // --lang
  std::string format;
  bool json = false;
  std::string output;
  bool quiet = false;
  bool excel = false;

  // --db, else $COMPETITION_DB, else ./competition.db.
  std::string db_path() const;
  std::optional<std::string> round_id() const;
  // The requested output format, checked against the command's list; `fallback` when none given.
  std::string format_of(const std::vector<std::string>& allowed, const std::string& fallback = "text") const;
  // --lang as a Lang (CLI11 accepts `uk` and `en` only).
  Lang lang() const { return parse_lang(language).value_or(Lang::uk); }
};

// Shared by the subcommands: the global options and the exit code the chosen
// command's run function returned.
struct Context {
  GlobalOptions global;
  int exit_code = 0;
  // --lang as the arguments give it before they are parsed: the language of
  // `--help` and of usage errors (help_words.hpp).
  Lang words = Lang::uk;
};

int run_cli(int argc, char** argv);

// Writes a command's output to -o PATH (formats/output_file.hpp: a regular
// file atomically, a FIFO or device through) or to standard output; a failed
// write is Error(io) with the system's reason. Control characters in the text
// are shown visibly (text, Markdown, HTML) or kept (JSON, CSV: `Controls::kept`).
void emit(const GlobalOptions& g, const std::string& text, Controls controls = Controls::shown);
// The same for an output written in pieces by `write` as it is made (national
// rankings), so that it is never held whole in memory.
void emit(const GlobalOptions& g, const std::function<void(competition::OutputSink&)>& write,
          Controls controls = Controls::shown);
// An output that may be written while the command still stores its result
// (docs/performance.md): with -o naming a regular or new file, write_early()
// writes it into the temporary file, on the command's second thread; finish(),
// once the command has committed, renames it into place. Anything else (standard
// output, a FIFO) is written by finish() only, so nothing is shown of a result
// that was not stored. A failure of write_early() is kept and raised by finish(),
// after the command noted its changes recorded, as emit()'s would be.
class EarlyOutput {
 public:
  EarlyOutput(const GlobalOptions& g, std::function<void(competition::OutputSink&)> write, Controls controls);
  EarlyOutput(const EarlyOutput&) = delete;
  EarlyOutput& operator=(const EarlyOutput&) = delete;
  // Never throws. `write` must only read what the command no longer changes.
  void write_early() noexcept;
  void finish();

 private:
  const GlobalOptions& g_;
  std::function<void(competition::OutputSink&)> write_;
  Controls controls_;
  std::optional<competition::OutputFile> file_;  // written early, or null
  std::exception_ptr failed_;
};
// How a format treats control characters in data: kept in JSON and CSV (data
// for programs), shown visibly in every other format (for people).
[[nodiscard]] Controls controls_of(const std::string& format);
// Error(io) "standard output: cannot write the output: <errno text>".
[[noreturn]] void standard_output_failed(int error);
// Called by a writing command once its transaction committed: an output that
// then fails (exit 4) says the changes were recorded (docs/reliability.md §7),
// so that a script does not take the run for one that changed nothing.
void note_changes_recorded(const GlobalOptions& g);
// `--format xlsx` needs `-o PATH`: a workbook is binary and written through a
// temporary file, never to a terminal or pipe (exit 2 otherwise).
void require_workbook_path(const GlobalOptions& g, const std::string& format);
// A message for people on standard error, unless --quiet.
void inform(const GlobalOptions& g, const std::string& text);
// A warning on standard error even with --quiet: what the decision would
// silently get wrong (a counted review whose reviewer declared a conflict).
void alert(const std::string& text);
// Whether a writing command prints its confirmation for people (what it
// stored: `init`, `import`, `assign`): not with --quiet, unless -o asks for it.
[[nodiscard]] bool confirms(const GlobalOptions& g);
// Reads an input file, or standard input for `-`; Error(io) naming the path on failure.
std::string read_input(const std::string& path);
// The name of an input in messages: the path as given, `<stdin>` for `-`.
std::string input_label(const std::string& path);

// Every subcommand file (cmd_<name>.cpp) registers itself with a static
//   static CommandRegistration reg(30, register_score);
// so adding a command touches no other file; `order` sorts `--help`.
using RegisterFn = void (*)(CLI::App& app, Context& ctx);
struct CommandRegistration {
  CommandRegistration(int order, RegisterFn fn);
};

}  // namespace competition::cli
