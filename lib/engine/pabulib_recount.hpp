// The recount of a round imported from a pabulib file (docs/pabulib.md
// "Recounting"): the vote totals again from the stored ballots, compared with
// the PROJECTS totals as imported, and the round's allocation compared with
// the file's official `selected` column. `recount_pabulib` is pure; the
// loader reads the stored instance (schemas/003_pabulib.sql).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/allocation.hpp"
#include "engine/audit_compare.hpp"

namespace SQLite {
class Database;
}

namespace competition {

struct RecountProject {
  std::string id;
  std::optional<std::string> votes;      // the PROJECTS `votes` cell as written; none when absent or empty
  std::optional<std::string> score;      // the `score` cell, likewise
  std::optional<std::int64_t> selected;  // the official outcome; none when not given
};

struct RecountBallot {
  std::string voter_id;
  std::string vote;                   // as written: project ids separated by commas
  std::optional<std::string> points;  // as written; none without a points column
};

struct PabulibInstance {
  std::string vote_type;                 // approval | ordinal | cumulative | scoring
  std::vector<RecountProject> projects;  // in file order
  std::vector<RecountBallot> ballots;    // in file order
};

struct Recount {
  // The recounted `votes` (ballots listing the project, every vote type) and
  // `score` (sum of points: cumulative and scoring), per project id.
  std::map<std::string, std::int64_t> votes;
  std::map<std::string, std::int64_t> score;
  bool score_recounted = false;
  // What could not be recounted, in words (ordinal scores; ballots without points).
  std::vector<Message> notes;
  // Per project in file order: `votes` and `score` (stored: the PROJECTS cell,
  // computed: the recount), only where the cell is given.
  std::vector<Difference> differences;
};

// Recounts an instance: `votes` is the number of ballots listing the project;
// for cumulative and scoring the `score` is the sum of the `points` given to
// it (a ballot without points gives nothing to recount the score from: a
// note, and the score is not compared); an ordinal score (a positional rule
// over rankings the file does not define) is taken as published: a note.
[[nodiscard]] Recount recount_pabulib(const PabulibInstance& instance);

// The official `selected` column against an allocation: one `selected`
// difference (stored: official 0/1, computed: 1 for funded or partial, else
// 0) per project that differs; projects without an official value are skipped.
void compare_selected(const PabulibInstance& instance, const std::vector<AllocationLine>& allocation,
                      std::vector<Difference>& out);

}  // namespace competition
