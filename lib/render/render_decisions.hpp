// The outputs of `competition decisions` and of the commands that record a
// decision (docs/cli.md "Commission decisions"): a text table for people (--lang
// uk|en), CSV (people's style, or the bundle's canonical `decisions.csv`) and
// JSON in docs/cli.md's shape.
#pragma once
#include <string>
#include <vector>

#include "formats/csv_writer.hpp"
#include "values/commission_decision.hpp"
#include "values/lang.hpp"

namespace competition {

// Number, time recorded (UTC), kind, application(s), amount, reason, and which
// later decision undid it; then a note naming the decisions recorded after the
// latest allocation (not applied yet).
std::string render_decisions_text(const DecisionList& list, Lang lang);
// `{"decisions": [{"n", "kind", "applications", "award", "reason", "recorded_at", "undone_by"}, …]}`.
std::string render_decisions_json(const DecisionList& list);
// `n,kind,applications,award,reason,recorded_at,undoes,undone_by` in log order
// (the columns of the bundle's decisions.csv, decisions_csv.hpp); applications
// joined with `|`, an absent value empty; `style`: CsvStyle::people(--excel).
std::string render_decisions_csv(const std::vector<CommissionDecision>& decisions, const CsvStyle& style);

// What `withdraw`, `override`, `order` and `decisions --undo` print: one line
// naming the decision recorded (text), or its entry as in `decisions --json`.
std::string render_recorded_text(const RecordedDecision& r, Lang lang);
std::string render_recorded_json(const RecordedDecision& r);
// The reminder for standard error: the decision applies at the next `allocate`
// (with --force when the round is allocated).
std::string recorded_hint(const RecordedDecision& r, Lang lang);

}  // namespace competition
