// What `audit` and `audit bundle` find (docs/audit.md): per round, the
// differences between what is stored and what is computed again, and the state
// of the decision log; per bundle, the same over the bundle's files. Plain data
// that commands/audit.hpp and commands/bundle_audit.hpp fill and
// render/render_audit.hpp prints.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/audit_compare.hpp"
#include "engine/cross_year_checks.hpp"
#include "values/message.hpp"
#include "values/round.hpp"

namespace competition {

struct RoundAudit {
  std::string round;
  std::string currency = "UAH";  // of the round's money, for people
  Stage stage = Stage::open;
  bool scored = false;       // stored scores were compared
  bool allocated = false;    // a decision was compared
  std::string chain = "ok";  // ok | broken (verify_chain)
  std::int64_t log_entries = 0;
  int pending_decisions = 0;                  // decisions logged after the latest allocation
  std::optional<std::string> fingerprint;     // the stored decision's, when there is one
  std::vector<Difference> differences;        // in check order: rules, scores, allocation, record, log
  std::vector<Message> notes;                 // what was not checked, in words (pabulib: ordinal scores)
  std::vector<std::string> overdue;           // applications whose final report is overdue today (a note each)
  bool checks_facts_changed = false;          // year.md §5: today's facts are not those stored with the scores
  std::vector<FlagChange> changed_flags;      // with checks_facts_changed: the flags today's facts would change
  std::optional<std::string> checks_cut_off;  // year.md §5: the cut-off date, with [checks] on earlier rounds
  bool ok() const { return differences.empty(); }
};

struct AuditResult {
  std::vector<RoundAudit> rounds;
  bool ok() const;
};

struct BundleAudit {
  std::string path;
  std::optional<std::string> round;        // from decision.json (else rules.toml)
  std::optional<std::string> fingerprint;  // decision.json's
  std::string currency = "UAH";            // rules.toml's, for people
  int files = 0;                           // files found in the bundle
  std::vector<Difference> differences;     // in check order: manifest, inputs, record
  // docs/audit.md "What a bundle proves": the files present that only the
  // manifest ties to the bundle (after the decision, not under its fingerprint), by name.
  std::vector<std::string> manifest_only;
  // year.md §5, when the rules run checks on earlier rounds (or cost_outlier):
  // the cut-off date and the flags recomputed from history.json, by application.
  std::optional<std::string> checks_cut_off;
  std::vector<ApplicationFlag> flags;
  bool ok() const { return differences.empty(); }
};

}  // namespace competition
