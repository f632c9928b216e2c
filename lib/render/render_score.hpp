// The outputs of `competition score` (docs/cli.md "score"): a text table for a
// terminal and a Markdown table (labels and reasons in words, --lang uk|en), and
// the machine forms: CSV (docs/cli.md's columns, tokens, formula neutralisation,
// --excel) and JSON (docs/cli.md's shape). Display values are rounded half away from
// zero to 2 decimals; the ranking itself was decided on exact values.
#pragma once
#include <string>
#include <vector>

#include "base/output_sink.hpp"
#include "engine/scoring.hpp"
#include "values/lang.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

// Each form is written into `out` as it is made (a national ranking is hundreds
// of megabytes); `applications` supplies the organisation names (looked up by id).
void render_score_text(OutputSink& out, const Rules& rules, const std::vector<Application>& applications,
                       const ScoreResult& result, Lang lang);
// The text form's column widths (a pass over every row), for a caller that
// measures them on a second thread while the result is stored; then the same
// text as render_score_text, written with them.
struct ScoreTextLayout {
  std::vector<std::size_t> widths;
};
ScoreTextLayout measure_score_text(const Rules& rules, const std::vector<Application>& applications,
                                   const ScoreResult& result, Lang lang);
void render_score_text(OutputSink& out, const Rules& rules, const std::vector<Application>& applications,
                       const ScoreResult& result, Lang lang, const ScoreTextLayout& layout);
void render_score_md(OutputSink& out, const Rules& rules, const std::vector<Application>& applications,
                     const ScoreResult& result, Lang lang);
// `rank,id,organisation,status,total,<criterion ids in rules order>,reviews,flags,reasons`.
void render_score_csv(OutputSink& out, const Rules& rules, const std::vector<Application>& applications,
                      const ScoreResult& result, bool excel);
// `{"round": …, "applications": [{id, rank, status, total, criteria, reviews, flags, reasons}, …]}`.
void render_score_json(OutputSink& out, const Rules& rules, const ScoreResult& result);

}  // namespace competition
