// The mapping of one pabulib instance onto a round (docs/formats.md "pabulib .pb
// files"): what an import writes, computed from the file alone. Pure; the
// store writes it (store/pabulib_round_writer.hpp). What docs/formats.md leaves
// open is settled in docs/pabulib.md.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/pabulib.hpp"
#include "values/diagnostic.hpp"
#include "values/model.hpp"
#include "values/rules.hpp"

namespace competition {

// The round id a file name gives (docs/formats.md): the base name without `.pb`,
// ASCII lower-cased; every run of characters other than a-z 0-9 . _ - (so
// also every non-ASCII letter) becomes one `-`; `-` trimmed at both ends;
// cut to 64 characters. Empty when nothing is left.
std::string pabulib_round_id(std::string_view file);

// The name a round's pabulib source keeps of its file: the base name with
// `.pb` (whatever case the file had), or `<stdin>`.
std::string pabulib_source_name(std::string_view file);

// The first four-digit year in a text: a run of exactly four ASCII digits
// (not part of a longer run) between 1900 and 2200. nullopt when none.
std::optional<int> first_year(std::string_view text);

// A project as the round keeps it.
struct PabulibRoundProject {
  Application application;  // id, organisation (= id), title, category, requested, votes, input_order
  std::optional<std::int64_t> selected;
  std::string cells;  // JSON object: every cell of the row as written, in column order
  int line = 0;       // of the PROJECTS row
};

// A ballot as the round keeps it.
struct PabulibRoundBallot {
  std::string voter_id;
  std::string vote;                   // as written
  std::optional<std::string> points;  // as written; nullopt without a points column
  std::string extra;                  // JSON object: the other columns, in column order
};

// Everything an import writes, computed from the file alone.
struct PabulibRound {
  std::string id;
  std::string title;
  int year = 0;
  std::string currency = "PLN";
  Money budget;
  AllocationRule rule = AllocationRule::greedy_skip;
  std::string vote_type;
  std::string total_column;                   // the PROJECTS column of the vote totals: votes or score
  std::string rules_text;                     // generated TOML that load_rules accepts
  std::string meta;                           // JSON object: every META key, in file order
  std::string projects_header;                // JSON array of the PROJECTS column names
  std::string votes_header;                   // JSON array of the VOTES column names
  int project_id_column = 1;                  // 1-based, for diagnostics
  std::vector<PabulibRoundProject> projects;  // in file order
  std::vector<PabulibRoundBallot> ballots;    // in file order
};

struct PabulibRoundOptions {
  std::string file;                  // as given (`<stdin>` for -): names the round, the title, the year
  std::optional<std::string> round;  // --round
  std::optional<int> year;           // --year
};

// Maps a file read without errors onto a round (docs/formats.md "pabulib .pb
// files"). Problems of the mapping (no year, an unsupported rule, a bad
// currency, a missing votes or score column, a bad --round) are appended to
// `errors`, located like read_pabulib's; the result is complete only when none
// were added.
PabulibRound plan_pabulib_round(const PabulibFile& file, const PabulibRoundOptions& options,
                                std::vector<Diagnostic>& errors);

// The rules TOML of a planned round: [competition] from the round, [scoring]
// source = "votes", [allocation] rule and tie_break = ["input_order"], with a
// comment naming the file it was generated from. Deterministic.
std::string pabulib_rules_toml(const PabulibRound& round, std::string_view file);

}  // namespace competition
