// The pabulib `.pb` format (docs/pabulib.md): a pure reader of
// one instance into a struct, and the writer of the same struct. No store, no
// rounds: mapping an instance onto a round is pabulib_round.hpp's job.
//
// A file is three sections, each opened by a line holding only its name
// (`META`, `PROJECTS`, `VOTES`; case and surrounding spaces ignored, trailing
// empty fields allowed), followed by a header row and data rows, all
// `;`-separated with RFC 4180 quoting (csv_reader.hpp). UTF-8 with an optional
// BOM; CRLF, LF or CR line ends; empty lines skipped. Every section must be
// present exactly once (any order); META's header is `key;value`.
//
// Diagnostics are located like the CSV importers' (docs/cli.md "Exit codes"): the
// physical line where the record starts, the 1-based field number, and the
// field `SECTION column` (`PROJECTS cost: "x" is not an amount of money …`).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "values/diagnostic.hpp"
#include "values/import_summary.hpp"
#include "values/money.hpp"

namespace competition {

struct PabulibMetaEntry {
  std::string key;    // trimmed, as written (keys are compared ignoring ASCII case)
  std::string value;  // as written (unquoted)
  int line = 0;
};

struct PabulibRow {
  int line = 0;                     // physical line where the record starts
  std::vector<std::string> fields;  // as written (unquoted), one per header column
};

struct PabulibSection {
  int line = 0;                     // the line of the section's name; 0 when absent
  int header_line = 0;              // 0 when the section has no header row
  std::vector<std::string> header;  // normalised names: trimmed, ASCII lower case
  std::vector<PabulibRow> rows;
  // 0-based index of a column, -1 when absent.
  int column(std::string_view name) const;
};

// The typed view of one PROJECTS row (the cells stay in the section's row).
struct PabulibProject {
  std::string id;                        // project_id, trimmed
  Money cost;                            // > 0
  std::string name;                      // empty when the column is absent
  std::string category;                  // as written, e.g. "sport,health"
  std::optional<std::int64_t> votes;     // `votes` column, when present and not empty
  std::optional<std::int64_t> score;     // `score` column, likewise
  std::optional<std::int64_t> selected;  // `selected` column (1: selected), likewise
};

// The typed view of one VOTES row.
struct PabulibBallot {
  std::string voter_id;               // trimmed
  std::vector<std::string> projects;  // the `vote` list, in ballot order
};

struct PabulibFile {
  int meta_line = 0;  // the line of `META`; 0 when absent
  int meta_header_line = 0;
  std::vector<PabulibMetaEntry> meta;  // in file order
  PabulibSection projects;
  PabulibSection votes;
  std::vector<PabulibProject> project_values;  // parallel to projects.rows (when errors is empty)
  std::vector<PabulibBallot> ballots;          // parallel to votes.rows (when errors is empty)
  // Projects an approval ballot lists again (kept once in its `projects`), in
  // line order; in other vote types a repeat is an error.
  std::vector<RepeatedVote> repeated_votes;
  // The required META keys, read: budget (money), vote_type (approval, ordinal,
  // cumulative or scoring, lower-cased) and rule (trimmed, as written).
  Money budget;
  std::string vote_type;
  std::string rule;
  // Every problem found, in line order, up to max_reported_errors. The typed
  // views are complete only when this is empty.
  std::vector<Diagnostic> errors;

  // The META entry of `key` (ASCII case ignored), or nullptr.
  const PabulibMetaEntry* meta_entry(std::string_view key) const;
};

// Reads a whole `.pb` file from its bytes (decoded as UTF-8, BOM stripped).
// Never throws on bad input: every problem is in `errors` (an undecodable byte
// too), so that `import --dry-run` can report them as data. Checks: the three
// sections and their headers; META keys budget, vote_type and rule present,
// keys unique; PROJECTS columns project_id and cost present, ids valid
// (`[A-Za-z0-9._/-]`, 1–64 chars) and unique, cost an amount > 0, votes, score
// and selected whole numbers ≥ 0 where not empty; VOTES columns voter_id and
// vote present, voter ids unique, every project of a ballot known and listed
// once (an approval ballot's repeat is only noted: `repeated_votes`), `points` (when not empty) one value per project
// of the ballot; every row with as many fields as its header.
PabulibFile read_pabulib(std::string_view bytes, const std::string& file);

// Writes a file `read_pabulib` reads back to the same struct: META (its entries
// in order), PROJECTS and VOTES (header and rows as stored), `;`-separated, LF
// line ends, no BOM, a field quoted only when it holds `;`, `"`, CR or LF.
std::string write_pabulib(const PabulibFile& file);

}  // namespace competition
