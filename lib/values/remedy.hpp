// What the user can do about a failure, named as data. The library says what is
// wrong; the commands to run and the options to give are words for people, so
// render/remedy_words.cpp words each remedy and joins it to the message.
#pragma once

namespace competition {

// Each remedy is one way a message goes on: its words (render/) start with
// their own joint to the message (`; `, `: ` or ` (…)`), as docs/cli.md prints them.
enum class Remedy {
  none,
  init_first,                  // no round yet: create one from the rules
  init_or_choose_database,     // no database at the path: create one, or name another
  database_file_name,          // the database path is a directory: name a file
  score_first,                 // the round is not scored: score it before allocating
  score_before_deciding,       // the round has no scores: commission decisions apply to the ranking
  score_again,                 // the scores no longer match the applications or the inputs `score` read
  score_stored_again,          // a stored score cannot be read
  import_reviews_and_score,    // no application has enough reviews to be scored
  see_stored_decision,         // the round is allocated: its ranking is in the stored decision
  allocate_first,              // the round is not allocated (a bundle re-checks an allocation)
  allocate_before_minutes,     // the round is not allocated (the minutes record an allocation)
  allocate_before_export,      // the round is not allocated (an export carries the allocation)
  allocate_again,              // the round is allocated: a forced allocation records a new decision
  undo_decision,               // a standing decision no longer applies: undo it (Error::decision names it)
  order_ties,                  // ties straddle the money line: the commission records their order
  audit,                       // a stored record cannot be read
  audit_log,                   // a decision log entry was not written by this program
  audit_changes,               // the stored state contradicts itself
  reimport_with_votes,         // an application of a round ranked by votes has no votes
  import_history,              // no history to audit
  import_history_or_allocate,  // nothing to report
  assign_first,                // the round has no reviewer assignment (score sheets follow it)
};

}  // namespace competition
