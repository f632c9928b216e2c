#include "commands/audit.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "base/canonical_json.hpp"
#include "base/sha256.hpp"
#include "commands/score_round.hpp"
#include "engine/audit_decisions.hpp"
#include "engine/decide.hpp"
#include "engine/decision_record.hpp"
#include "engine/pabulib_recount.hpp"
#include "engine/scoring.hpp"
#include "store/allocation_store.hpp"
#include "store/decision_log.hpp"
#include "store/pabulib_sources.hpp"
#include "store/score_store.hpp"

namespace competition {

namespace {

using ojson = nlohmann::ordered_json;

// The first line of an error, for a difference's value.
std::string first_line(const std::exception& e) {
  std::string s = e.what();
  auto nl = s.find('\n');
  return nl == std::string::npos ? s : s.substr(0, nl) + " …";
}

// cli.md "audit": the decision log's hash chain end to end and its head, as
// differences: `log.<seq>.payload`, `log.<seq>.hash`, `log.<seq>.prev_hash`,
// `log.<seq>.round`, `log.<seq>.seq`, `log_head`, `log_count`. verify_chain
// gives the verdict; any problem it finds that these fields do not name is
// kept as a `log` difference in its words, so nothing it sees is dropped.
void chain_differences(const std::string& round, const std::vector<LogEntry>& entries, const LogHead& head,
                       RoundAudit& a) {
  std::size_t before = a.differences.size();
  std::string prev = genesis_hash;
  std::int64_t prev_seq = 0;
  for (const LogEntry& e : entries) {
    std::string at = fmt::format("log.{}.", e.seq);
    note_difference(a.differences, std::nullopt, at + "round", e.round, round);
    if (e.seq <= prev_seq)
      note_difference(a.differences, std::nullopt, at + "seq", std::to_string(e.seq), fmt::format("> {}", prev_seq));
    try {
      std::string canonical = canonical_json(nlohmann::json::parse(e.payload));
      if (canonical != e.payload)
        note_difference(a.differences, std::nullopt, at + "payload", sha256_hex(e.payload), sha256_hex(canonical));
      note_difference(a.differences, std::nullopt, at + "hash", e.hash, log_entry_hash(e));
    } catch (const std::exception&) {
      a.differences.push_back({std::nullopt, at + "payload", "not JSON", std::nullopt, true});
    }
    note_difference(a.differences, std::nullopt, at + "prev_hash", e.prev_hash, prev);
    prev = e.hash;
    prev_seq = e.seq;
  }
  note_difference(a.differences, std::nullopt, "log_head", head.hash,
                  entries.empty() ? std::nullopt : std::optional<std::string>(entries.back().hash));
  note_difference(a.differences, std::nullopt, "log_count", std::to_string(head.count), std::to_string(entries.size()));
  std::vector<std::string> problems = verify_chain(round, entries, head);
  a.chain = problems.empty() ? "ok" : "broken";
  if (!problems.empty() && a.differences.size() == before)
    for (const auto& p : problems) a.differences.push_back({std::nullopt, "log", p, std::nullopt, true});
}

}  // namespace

// cli.md "audit", one round.
RoundAudit audit_round(Store& store, const RoundRecord& round) {
  RoundAudit a;
  a.round = round.id;
  a.stage = round.stage;
  auto& diffs = a.differences;
  auto problem = [&](const std::string& field, const std::string& what) {
    diffs.push_back({std::nullopt, field, what, std::nullopt, true});
  };

  // The stored rules' hash: the text against its stored hash (and, below,
  // against the decision record's).
  const std::string rules_hash = sha256_hex(round.rules_text);
  note_difference(diffs, std::nullopt, "rules_sha256", round.rules_sha256, rules_hash);

  const std::vector<LogEntry> entries = log_entries(store, round.id);
  a.log_entries = static_cast<std::int64_t>(entries.size());
  a.pending_decisions = pending_decisions(entries);
  std::optional<std::size_t> last_allocate;
  for (std::size_t i = 0; i < entries.size(); ++i)
    if (entries[i].kind == "allocate") last_allocate = i;
  const std::vector<AllocationLine> stored_lines = load_allocation(store, round.id);
  a.allocated = round.stage == "allocated" || last_allocate || !stored_lines.empty();
  if (a.allocated && round.stage != "allocated")
    note_difference(diffs, std::nullopt, "stage", round.stage, "allocated");

  // Everything below recomputes from the stored inputs; a failure to read them
  // is itself a difference, and the log is still verified at the end.
  [&] {
    std::optional<Rules> rules;
    try {
      rules = Store::rules_of(round);
    } catch (const std::exception& e) {
      problem("rules", first_line(e));
      return;
    }
    // The round row repeats what the rules say (init stores both).
    note_difference(diffs, std::nullopt, "round.budget", round.budget.to_string(), rules->budget.to_string());
    note_difference(diffs, std::nullopt, "round.year", std::to_string(round.year), std::to_string(rules->year));
    note_difference(diffs, std::nullopt, "round.title", round.title, rules->title);
    note_difference(diffs, std::nullopt, "round.currency", round.currency, rules->currency);

    std::vector<Application> applications = store.applications(round.id);
    std::vector<Reviewer> reviewers = store.reviewers(round.id);
    // One pass over the reviews: summarised for scoring and hashed for the
    // record as they are read, never held (a national round has millions).
    ReviewsHash reviews_hash(*rules);
    std::optional<ReviewSummaries> summaries;
    try {
      summaries.emplace(review_summaries(store, round.id, *rules, applications, [&](const ReviewRow& row) {
        reviews_hash.add(row.application, row.reviewer, row.scores, row.comment);
      }));
    } catch (const Error& e) {  // a score the current rules cannot read; database errors go up
      problem("reviews", first_line(e));
      return;
    }
    const std::string reviews_sha256 = reviews_hash.hex();
    ScoreResult fresh;
    try {
      fresh = score_summarised(*rules, applications, summaries->finish());
    } catch (const std::exception& e) {
      problem("scoring", first_line(e));
      return;
    }
    std::optional<ScoreResult> stored_scores;
    try {
      stored_scores = load_scores(store, round.id, *rules);
    } catch (const Error& e) {
      problem("scores", first_line(e));
    }
    if (stored_scores) {
      a.scored = true;
      compare_scores(*rules, *stored_scores, fresh, diffs);
    } else if (round.stage != "open") {
      problem("scores", "the round is past `score`, but no scores are stored");
    }
    if (!a.allocated) return;

    // The allocation, with the commission decisions logged before it.
    std::vector<LogEntry> before;
    if (last_allocate) before.assign(entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(*last_allocate));
    LoggedDecisions decisions = decisions_logged_before(before);
    for (const auto& p : decisions.problems) problem("decisions", p);
    Decision decision;
    try {
      decision = decide(*rules, applications, fresh, decisions.applied).decision;
    } catch (const std::exception& e) {
      problem("allocation", first_line(e));
      return;
    }
    compare_allocation(stored_lines, decision, diffs);

    const ojson inputs_now = input_hashes_with(applications_sha256(*rules, applications), reviewers, reviews_sha256);
    SignedRecord computed = signed_decision_record(round.id, rules_hash, inputs_now, decisions.record, decision);
    if (!last_allocate) {
      problem("record", "the round is allocated, but its decision log holds no allocation");
      return;
    }
    const std::string& payload = entries[*last_allocate].payload;
    if (payload == computed.canonical) {
      // The stored record is byte for byte the one rebuilt: nothing to compare
      // member by member (a national record is 100 MB of JSON to parse twice).
      a.fingerprint = computed.fingerprint;
    } else {
      ojson stored;
      try {
        stored = ojson::parse(payload);
      } catch (const std::exception&) {
        problem("record", fmt::format("log entry {}: the payload is not JSON", entries[*last_allocate].seq));
        return;
      }
      if (stored.is_object() && stored.contains("fingerprint") && stored["fingerprint"].is_string())
        a.fingerprint = stored["fingerprint"].get<std::string>();
      compare_records(stored, ojson::parse(computed.canonical), diffs);
    }

    // cli.md "audit": every earlier allocation too, each with the decisions
    // logged before it. Inputs and rules are frozen from a round's first
    // allocation on, so each `allocate` entry follows from the same inputs;
    // only its record is left to compare: `log.<seq>.decisions` (the record's
    // against the log's) and `log.<seq>.fingerprint` (stored against rebuilt).
    for (std::size_t i = 0; i < *last_allocate; ++i) {
      if (entries[i].kind != "allocate") continue;
      const std::string at = fmt::format("log.{}.", entries[i].seq);
      LoggedDecisions earlier =
          decisions_logged_before({entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(i)});
      std::string again;  // its fingerprint
      try {
        again = signed_decision_record(round.id, rules_hash, inputs_now, earlier.record,
                                       decide(*rules, applications, fresh, earlier.applied).decision)
                    .fingerprint;
      } catch (const std::exception& e) {
        problem(at + "allocation", first_line(e));
        continue;
      }
      ojson old;
      try {
        old = ojson::parse(entries[i].payload);
      } catch (const std::exception&) {
        continue;  // the chain check reports the payload
      }
      auto member = [&](const char* key) -> std::optional<std::string> {
        if (!old.is_object() || !old.contains(key)) return std::nullopt;
        return old[key].is_string() ? old[key].get<std::string>() : canonical_json(old[key]);
      };
      note_difference(diffs, std::nullopt, at + "decisions", member("decisions"), canonical_json(earlier.record));
      note_difference(diffs, std::nullopt, at + "fingerprint", member("fingerprint"), again);
    }
  }();

  // A round imported from a pabulib file: its vote totals recounted from the
  // stored ballots, and its allocation against the official `selected`.
  if (auto instance = load_pabulib_instance(store, round.id)) {
    Recount recount = recount_pabulib(*instance);
    diffs.insert(diffs.end(), recount.differences.begin(), recount.differences.end());
    a.notes = recount.notes;
    if (a.allocated) compare_selected(*instance, stored_lines, diffs);
  }

  chain_differences(round.id, entries, log_head(store, round.id), a);
  return a;
}

AuditResult audit_rounds(Store& store, const std::optional<std::string>& round, bool all) {
  // One read transaction: every table is read from the same snapshot, so a
  // concurrent `allocate` cannot show up half in the audit. Nothing is written.
  store.db().exec("BEGIN");
  AuditResult result;
  try {
    if (all) {
      for (const RoundRecord& r : store.rounds()) result.rounds.push_back(audit_round(store, r));
    } else {
      result.rounds.push_back(audit_round(store, store.resolve_round(round)));
    }
  } catch (...) {
    try {
      store.db().exec("ROLLBACK");
    } catch (...) {
    }
    throw;
  }
  store.db().exec("ROLLBACK");
  return result;
}

}  // namespace competition
