// The minutes (протокол) of the commission's meeting (docs/cli.md `competition
// minutes`): what the latest allocation decided and on what grounds, as one
// document for people — round, budget, members, every application with its
// scores, status and reasons, the commission's decisions with their reasons
// (those recorded after the allocation listed as not applied yet), the awards,
// the leftover, the full fingerprint and a signature line per member.
// commands/minutes.hpp reads it from the store; minutes_document words it (uk
// or en); render_minutes.hpp lays it out as Markdown or HTML.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "engine/allocation.hpp"
#include "engine/commission.hpp"
#include "engine/scoring.hpp"
#include "engine/sensitivity.hpp"
#include "values/lang.hpp"
#include "values/model.hpp"
#include "values/round.hpp"
#include "values/rules.hpp"

namespace competition {

// Everything the minutes show, as stored: the latest allocation is the decision
// record of the round's last `allocate` log entry (with its fingerprint).
struct MinutesData {
  RoundRecord round;
  Rules rules;
  std::string date;  // `YYYY-MM-DD`, printed on the minutes
  std::vector<Application> applications;
  ScoreResult scores;  // as stored by `score` (totals and criteria)
  Money budget, awarded, leftover;
  std::vector<LotAllocation> lots;   // the record's lots
  std::optional<Money> pool_amount;  // with lots and leftover = "pool": budget − Σ lots' awards
  Money pool_awarded;
  std::vector<AllocationLine> lines;  // the record's applications, in its order
  std::string fingerprint;            // `sha256:` + 64 hex digits
  std::string allocated_at;           // the allocate entry's recorded_at
  // The decisions logged before the allocation, as they stood then, and the
  // numbers of those it applied (the record's `decisions`).
  std::vector<CommissionDecision> before;
  std::vector<int> applied;
  // Decisions logged after it (not applied yet), numbered as in the whole log.
  std::vector<CommissionDecision> after;
  // `minutes --sensitivity`: the sensitivity of the baseline (docs/cli.md "sensitivity").
  std::optional<Sensitivity> sensitivity;
};

// The document in words, independent of the layout.
struct MinutesTable {
  std::vector<std::string> header;
  std::string align;  // per column: `l` text, `r` number (right), `n` an id (one line)
  std::vector<std::vector<std::string>> rows;
  bool total = false;  // the last row holds the sums (printed bold)
};

struct MinutesSection {
  std::string title;
  std::vector<std::string> paragraphs;  // before the table
  std::optional<MinutesTable> table;
  std::vector<std::string> items;  // a list after the table
  std::string code;                // a verbatim line (the fingerprint)
  std::vector<std::string> notes;  // paragraphs at the end
  bool wide = false;               // a table too wide for a portrait page (printed landscape)
};

struct MinutesDocument {
  Lang lang = Lang::uk;
  std::string title;               // Протокол засідання конкурсної комісії
  std::string subtitle;            // the round
  std::vector<std::string> facts;  // date, budget, allocation time
  std::vector<MinutesSection> sections;
  std::string signatures_title;
  std::vector<std::string> signers;  // one signature line each
  std::string signature_label;       // under the line: `(підпис)`
  std::string date_label;            // the line for the date of signing: `Дата`
};

MinutesDocument minutes_document(const MinutesData& data, Lang lang);

// `minutes --sensitivity`: the fragile and contested applications with the
// scenarios that change them and their margins (render/minutes_sensitivity.cpp).
MinutesSection minutes_sensitivity_section(const MinutesData& data, const Sensitivity& s, Lang lang);

}  // namespace competition
