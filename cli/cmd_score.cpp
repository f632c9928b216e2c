// `competition score` (docs/cli.md): eligibility, aggregation and ranking of the
// round (docs/rules.md §1–3); stores the result and prints the ranking.
#include <fmt/format.h>

#include <optional>

#include "app.hpp"
#include "commands/score_round.hpp"
#include "render/assignment_change_words.hpp"
#include "render/conflict_words.hpp"
#include "render/conflicted_review_words.hpp"
#include "render/render_score.hpp"
#include "render/warning_cap.hpp"
#include "render/words.hpp"
#include "store/decision_log.hpp"
#include "values/log_kind.hpp"

namespace competition::cli {

// The decision log holds commission decisions (their number): `score` does not apply them.
constexpr PerLang<const char*> decisions_note{
    .uk =
        "примітка: у журналі рішень є рішення комісії ({}; `competition decisions`); їх застосовує "
        "`competition allocate`, а не `score`",
    .en =
        "note: the decision log holds {} commission decision(s) (`competition decisions`); `competition allocate` "
        "applies them, not `score`",
};

// On an allocated round `score` shows the stored scores (docs/cli.md "score").
constexpr PerLang<const char*> frozen_note{
    .uk =
        "примітка: конкурс {} уже розподілено; показано збережені бали, на яких ґрунтується рішення (нічого не "
        "перераховано)",
    .en =
        "note: round {} is already allocated; these are the stored scores the decision was based on (nothing was "
        "recomputed)",
};

static int run_score(const GlobalOptions& g) {
  std::string format = g.format_of({"text", "md", "csv", "json"});
  auto store = Store::open(g.db_path(), Store::Mode::must_exist);
  // While the result is stored: the text table's columns are measured and,
  // with -o, the output is written into its temporary file (EarlyOutput).
  std::optional<ScoreTextLayout> layout;
  const ScoredRound* shown = nullptr;
  EarlyOutput output(
      g,
      [&](OutputSink& out) {
        const ScoredRound& r = *shown;
        if (format == "json")
          render_score_json(out, r.rules, r.result);
        else if (format == "csv")
          render_score_csv(out, r.rules, r.applications, r.result, g.excel);
        else if (format == "md")
          render_score_md(out, r.rules, r.applications, r.result, g.lang());
        else
          render_score_text(out, r.rules, r.applications, r.result, g.lang(), *layout);
      },
      controls_of(format));
  auto meanwhile = [&](const ScoredRound& r) {
    if (format == "text") layout = measure_score_text(r.rules, r.applications, r.result, g.lang());
    shown = &r;
    output.write_early();
  };
  ScoredRound s = score_and_store(*store, g.round_id(), meanwhile);
  shown = &s;
  if (!s.frozen) note_changes_recorded(g);
  if (!s.unknown_conflicts.empty()) {
    std::string warnings = capped_warnings(
        s.unknown_conflicts.size(),
        [&](std::size_t i) { return unknown_conflict_warning(s.unknown_conflicts[i], g.lang()) + '\n'; }, g.lang());
    warnings.pop_back();  // inform ends the line
    inform(g, warnings);
  }
  if (!s.assignment_changes.empty()) inform(g, assignment_change_warning(s.round.id, s.assignment_changes, g.lang()));
  if (!s.conflicted_reviews.empty()) alert(conflicted_review_warning(s.round.id, s.conflicted_reviews, g.lang()));
  output.finish();
  if (s.frozen) inform(g, fmt::format(fmt::runtime(frozen_note[g.lang()]), s.round.id));
  // docs/cli.md "Commission decisions": `score` keeps its three statuses; the
  // commission's decisions apply at `allocate`. A note says they exist (not
  // the allocations, assignments or money imports the log also chains).
  std::size_t decisions = 0;
  for (const LogEntry& e : log_entries_without_records(*store, s.round.id))
    decisions += decision_kind(e.kind).has_value();
  if (decisions > 0) inform(g, fmt::format(fmt::runtime(decisions_note[g.lang()]), decisions));
  return 0;
}

struct ScoreHelp {
  const char* purpose;
};

constexpr PerLang<ScoreHelp> score_help{
    .uk = {.purpose = "Перевірити відповідність умовам, звести оцінки, упорядкувати заявки й зберегти результат"},
    .en = {.purpose = "Check eligibility, aggregate the reviews, rank the applications and store the result"},
};

static void register_score(CLI::App& app, Context& ctx) {
  const ScoreHelp& w = score_help[ctx.words];
  auto* sub = app.add_subcommand("score", w.purpose);
  sub->footer(std::string(shared_option_words[ctx.words].formats_all) + "\n" + examples_heading[ctx.words] +
              "  competition score --round esm-2018 --lang en\n"
              "  competition score --format csv --excel -o ranking.csv");
  sub->callback([&ctx] { ctx.exit_code = run_score(ctx.global); });
}

static CommandRegistration registration(30, register_score);

}  // namespace competition::cli
