#include "commands/audit.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "base/canonical_json.hpp"
#include "base/memory.hpp"
#include "base/sha256.hpp"
#include "base/string_index.hpp"
#include "commands/allocate_round.hpp"
#include "commands/assign_round.hpp"
#include "commands/input_hashing.hpp"
#include "commands/score_round.hpp"
#include "engine/audit_decisions.hpp"
#include "engine/audit_money.hpp"
#include "engine/decide.hpp"
#include "engine/decision_record.hpp"
#include "engine/money_entry.hpp"
#include "engine/pabulib_recount.hpp"
#include "engine/scoring.hpp"
#include "render/remedy_words.hpp"
#include "store/allocation_store.hpp"
#include "store/assignment_store.hpp"
#include "store/canonical_migration.hpp"
#include "store/check_facts_store.hpp"
#include "store/decision_log.hpp"
#include "store/ledger_store.hpp"
#include "store/organisations.hpp"
#include "store/pabulib_sources.hpp"
#include "store/review_checks.hpp"
#include "store/score_store.hpp"
#include "values/clock.hpp"
#include "values/common_words.hpp"
#include "values/dates.hpp"
#include "values/message.hpp"
#include "values/organisation_name.hpp"

namespace competition {

constexpr PerLang<const char*> w_not_pairs{.uk = "не список пар", .en = "not a list of pairs"};
constexpr PerLang<const char*> w_no_facts{
    .uk = "правила [checks] читають попередні конкурси, але їхніх фактів не збережено",
    .en = "the rules' [checks] read earlier rounds, but no facts of them are stored"};
constexpr PerLang<const char*> w_no_scores{.uk = "конкурс пройшов `score`, але оцінок не збережено",
                                           .en = "the round is past `score`, but no scores are stored"};
constexpr PerLang<const char*> w_no_allocation{
    .uk = "конкурс розподілено, але в його журналі рішень немає розподілу",
    .en = "the round is allocated, but its decision log holds no allocation"};
constexpr PerLang<const char*> w_payload{.uk = "запис журналу {}: вміст не є JSON",
                                         .en = "log entry {}: the payload is not JSON"};
constexpr PerLang<const char*> w_merged{.uk =
                                            "організація \"{}\" з міграції 5 — та сама, що й \"{}\" (лапки в назвах "
                                            "вважаються пробілами): обмеження на організацію рахує їх як одну",
                                        .en =
                                            "organisation \"{}\" is one with \"{}\" since migration 5 (quote marks in "
                                            "names count as spaces): the per-organisation cap counts them once"};

namespace {

using ojson = nlohmann::ordered_json;

// The first line of an error's message (with its remedy), for a difference's value.
std::string first_line(const std::string& s) {
  auto nl = s.find('\n');
  return nl == std::string::npos ? s : s.substr(0, nl) + " …";
}
Message first_line(const std::exception& e) {
  const Message m = error_message(e);
  return Message(first_line(m.uk), first_line(m.en));
}

// The round's decision log and where its latest `allocate` entry stands. The
// `allocate` payloads (a national record is 100 MB) are left out of `entries`
// and read one at a time where they are compared; each entry's payload is
// checked for the chain once (`checks`), there or at the end.
struct RoundLog {
  std::vector<LogEntry> entries;  // log_entries_without_records
  std::optional<std::size_t> last_allocate;
  std::vector<std::optional<PayloadCheck>> checks;  // one per entry
};

// Entry `i` with its payload, as stored.
LogEntry full_entry(Store& store, const RoundLog& log, std::size_t i) {
  LogEntry e = log.entries[i];
  if (e.kind == LogKind::allocate) e.payload = log_payload(store, e.seq);
  return e;
}

// docs/cli.md "audit": the decision log's hash chain end to end and its head, as
// differences: `log.<seq>.payload`, `log.<seq>.hash`, `log.<seq>.prev_hash`,
// `log.<seq>.round`, `log.<seq>.seq`, `log_head`, `log_count`. verify_chain
// gives the verdict; any problem it finds that these fields do not name is
// kept as a `log` difference in its words, so nothing it sees is dropped.
void chain_differences(Store& store, const std::string& round, RoundLog& log, const LogHead& head, RoundAudit& a) {
  const std::vector<LogEntry>& entries = log.entries;
  std::vector<PayloadCheck> checks;
  checks.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i)
    checks.push_back(log.checks[i] ? std::move(*log.checks[i]) : check_payload(full_entry(store, log, i)));
  std::size_t before = a.differences.size();
  std::string prev = genesis_hash;
  std::int64_t prev_seq = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const LogEntry& e = entries[i];
    const PayloadCheck& c = checks[i];
    std::string at = fmt::format("log.{}.", e.seq);
    note_difference(a.differences, std::nullopt, at + "round", e.round, round);
    if (e.seq <= prev_seq)
      note_difference(a.differences, std::nullopt, at + "seq", std::to_string(e.seq), fmt::format("> {}", prev_seq));
    if (c.json) {
      if (!c.canonical)
        note_difference(a.differences, std::nullopt, at + "payload", c.payload_sha256, c.canonical_sha256);
      note_difference(a.differences, std::nullopt, at + "hash", e.hash, c.hash);
    } else {
      a.differences.push_back(
          {std::nullopt, at + "payload", not_json_words.en, std::nullopt, true, say(not_json_words)});
    }
    note_difference(a.differences, std::nullopt, at + "prev_hash", e.prev_hash, prev);
    prev = e.hash;
    prev_seq = e.seq;
  }
  note_difference(a.differences, std::nullopt, "log_head", head.hash,
                  entries.empty() ? std::nullopt : std::optional<std::string>(entries.back().hash));
  note_difference(a.differences, std::nullopt, "log_count", std::to_string(head.count), std::to_string(entries.size()));
  std::vector<Message> problems = verify_chain(round, entries, head, checks);
  a.chain = problems.empty() ? "ok" : "broken";
  if (!problems.empty() && a.differences.size() == before)
    for (const auto& p : problems) a.differences.push_back({std::nullopt, "log", p.en, std::nullopt, true, p});
}

// Something that could not be read or recomputed: the field and what is wrong.
void problem(RoundAudit& a, const std::string& field, const Message& what) {
  a.differences.push_back({std::nullopt, field, what.en, std::nullopt, true, what});
}

// docs/cli.md "assign": the stored pairs equal the last `assign` entry's, and
// meet the hard constraints now (no conflict of interest, no reviewer above
// its capacity). Differences `assignment`, `assignment.<application>.<reviewer>`
// and `assignment.<reviewer>.load`.
void check_assignment(Store& store, const RoundRecord& round, const std::vector<LogEntry>& entries, RoundAudit& a) {
  const std::vector<NamedPair> stored = stored_assignment(store, round.id);
  const LogEntry* last = nullptr;
  for (const LogEntry& e : entries)
    if (e.kind == LogKind::assign) last = &e;
  if (!last && stored.empty()) return;
  std::optional<std::string> logged;
  if (last) try {
      logged = canonical_json(ojson::parse(last->payload).at("pairs"));
    } catch (const std::exception&) {
      problem(a, fmt::format("log.{}.pairs", last->seq), say(w_not_pairs));
    }
  note_difference(a.differences, std::nullopt, "assignment", canonical_json(assignment_payload(0, stored)["pairs"]),
                  logged);
  const ReviewChecks checks(store, round);
  std::map<std::string, std::int64_t> load;
  for (const auto& [application, reviewer] : stored) {
    ++load[reviewer];
    const std::int64_t x = checks.app(application), r = checks.reviewer(reviewer);
    if (x >= 0 && r >= 0 && checks.conflicted(static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(r)))
      note_difference(a.differences, application, fmt::format("assignment.{}.{}", application, reviewer), "assigned",
                      "conflict of interest");
  }
  for (const Reviewer& r : store.reviewers(round.id))
    if (r.capacity && load[r.id] > *r.capacity)
      note_difference(a.differences, std::nullopt, fmt::format("assignment.{}.load", r.id), std::to_string(load[r.id]),
                      fmt::format("<= {}", *r.capacity));
}

// docs/audit.md "Agreements and payments": the stored agreements, outcomes and
// payments hash as the last `money` entry that logs each says (differences
// `agreements`, `outcomes`, `payments`: stored, the table's hash; computed,
// the logged one; and the rows that differ) and keep the rules of
// docs/formats.md "payments.csv" against the awards now; reports overdue
// today are notes.
void check_money(Store& store, const RoundRecord& round, const std::vector<LogEntry>& entries, RoundAudit& a) {
  const std::vector<MoneyTable> tables = stored_money_tables(store, round.id);
  bool any = false;
  for (const MoneyTable& t : tables) {
    const std::optional<LoggedMoney> logged = last_logged_money(entries, t.name);
    if (!logged && t.rows.empty()) continue;
    any = true;
    compare_money_entry(t, logged ? &logged->payload : nullptr, logged ? logged->seq : 0, a.differences);
  }
  if (!any) return;
  const std::vector<Agreement> agreements = stored_agreements(store, round.id);
  compare_money(stored_awards(store, round.id), agreements, stored_payments(store, round.id), a.differences);
  a.overdue = overdue_reports(agreements, stored_reports(store, round.id), today_utc());
}

// The stored inputs scored again (docs/rules.md §1–3), with what the record hashes.
struct Rescored {
  Rules rules;
  std::vector<Application> applications;
  std::vector<Reviewer> reviewers;
  std::string applications_sha256;  // an allocated round's
  std::string reviews_sha256;
  ScoreResult fresh;
  std::vector<SignedInput> signed_inputs;  // a round allocated before migration 5
  std::optional<CheckFacts> facts;         // year.md §5: the facts `score` stored
};

// docs/audit.md "Databases made by an earlier version": a decision logged
// before migration 5 signed the canonical CSV its inputs had then. While the
// stored inputs still hash as the migration left them, the hashes it signed
// stand in for theirs; any later change shows as a difference, as before.
ojson inputs_signed_at(std::int64_t seq, ojson inputs, const std::vector<SignedInput>& signed_inputs) {
  for (const SignedInput& in : signed_inputs)
    if (seq <= in.logged_through && inputs.contains(in.file) && inputs[in.file] == in.migrated_sha256)
      inputs[in.file] = in.signed_sha256;
  return inputs;
}

// docs/audit.md "Derived columns": `applications.submitted_key` is derived
// from `submitted_at` as the import derives it, and the ranking's tie-break
// reads the key. A key that is not its `submitted_at`'s is a difference
// (`submitted_key`), and the recomputation goes on with the key of the stored
// `submitted_at`, the input the bundle carries, so that audit and `audit
// bundle` recompute from the same thing.
void check_submitted_keys(std::vector<Application>& applications, RoundAudit& a) {
  for (Application& app : applications) {
    std::optional<std::int64_t> key = submitted_key_of_canonical(app.submitted_at);
    note_difference(a.differences, app.id, "submitted_key", submitted_key_text(app.submitted_key),
                    key ? std::optional<std::string>(submitted_key_text(*key)) : std::nullopt);
    if (key) app.submitted_key = *key;
  }
}

// docs/audit.md "Derived columns": the organisation of each application of the
// round has the name key its writer gives it (`organisation.name_key`):
// organisation_name_key of its name, or, in a round from a pabulib file,
// `pabulib:ROUND/ID` of its project.
void check_organisation_keys(Store& store, const std::string& round, bool pabulib, RoundAudit& a) {
  for (const StoredOrganisation& o : organisations_of_round(store.db(), round))
    note_difference(a.differences, o.application, "organisation.name_key", o.name_key,
                    pabulib ? pabulib_organisation_key(round, o.application) : organisation_name_key(o.name));
}

// Reads the rules, the inputs and the reviews and scores them again; nothing,
// with the problem noted, when the rules, a review or the scoring cannot be read.
std::optional<Rescored> rescore(Store& store, const RoundRecord& round, RoundAudit& a) {
  Rescored in;
  try {
    in.rules = Store::rules_of(round);
  } catch (const std::exception& e) {
    problem(a, "rules", first_line(e));
    return std::nullopt;
  }
  // The round row repeats what the rules say (init stores both).
  auto& diffs = a.differences;
  note_difference(diffs, std::nullopt, "round.budget", round.budget.to_string(), in.rules.budget.to_string());
  note_difference(diffs, std::nullopt, "round.year", std::to_string(round.year), std::to_string(in.rules.year));
  note_difference(diffs, std::nullopt, "round.title", round.title, in.rules.title);
  note_difference(diffs, std::nullopt, "round.currency", round.currency, in.rules.currency);

  // An allocated round's applications hashed as they are read, as `allocate`
  // reads them, and their titles not kept: past the hash only double funding
  // reads one (a national round's are 100 MB).
  HashedApplications read = read_hashed_applications(store, round.id, in.rules, in.rules.double_funding, a.allocated);
  in.applications = std::move(read.applications);
  in.applications_sha256 = std::move(read.sha256);  // empty unless allocated
  check_submitted_keys(in.applications, a);
  in.reviewers = store.reviewers(round.id);
  in.signed_inputs = signed_inputs(store, round.id);
  // One pass over the reviews: summarised for scoring and hashed for the
  // record as they are read, never held (a national round has millions).
  ReviewsHash reviews_hash(in.rules);
  std::optional<ReviewSummaries> summaries;
  try {
    summaries.emplace(review_summaries(store, round.id, in.rules, in.applications, [&](const ReviewRow& row) {
      reviews_hash.add(row.application, row.reviewer, row.scores, row.comment);
    }));
  } catch (const Error& e) {  // a score the current rules cannot read; database errors go up
    problem(a, "reviews", first_line(e));
    return std::nullopt;
  }
  in.reviews_sha256 = reviews_hash.hex();
  // year.md §5: recomputed from the stored facts; today's differing is a note.
  if (in.rules.checks_history() && round.stage != Stage::open) {
    std::optional<StoredCheckFacts> stored = load_check_facts(store, round.id);
    if (!stored) {
      problem(a, "check_facts", say(w_no_facts));
      return std::nullopt;
    }
    use_round_keys(in.applications);
    a.checks_cut_off = cut_off_date(in.rules.year, in.applications);
    const CheckFacts today = todays_check_facts(store, in.rules, round.id, in.applications, stored->log_seq);
    a.checks_facts_changed = today != stored->facts;
    if (a.checks_facts_changed) a.changed_flags = flag_changes(in.rules, in.applications, stored->facts, today);
    in.facts = std::move(stored->facts);
  }
  try {
    in.fresh = score_summarised(in.rules, in.applications, summaries->finish(), {}, in.facts.value_or(CheckFacts{}));
  } catch (const std::exception& e) {
    problem(a, "scoring", first_line(e));
    return std::nullopt;
  }
  return in;
}

// docs/audit.md "Derived columns": the exact columns of `scores` in the one
// form save_scores writes (encode_exact, encode_criteria) of the values they
// hold: `2755/30` holds 551/6, equal, but not the text `score` writes
// (`score.total_text`, `score.criteria_text`). Values are compared above;
// `stored` holds the stored values (or the fresh ones, when they are the same).
void check_score_texts(Store& store, const RoundRecord& round, const Rules& rules, const ScoreResult& stored,
                       RoundAudit& a) {
  StringIndex<std::uint32_t> by_id;
  by_id.reserve(stored.applications.size());
  for (std::size_t i = 0; i < stored.applications.size(); ++i)
    by_id.emplace(stored.applications[i].id, static_cast<std::uint32_t>(i));
  each_stored_score_text(store, round.id, [&](const StoredScoreText& t) {
    const std::uint32_t* at = by_id.find(t.application);
    if (!at) return;
    const ScoredApplication& s = stored.applications[*at];
    note_difference(a.differences, t.application, "score.total_text", t.total,
                    s.total ? std::optional<std::string>(encode_exact(*s.total)) : std::nullopt);
    note_difference(a.differences, t.application, "score.criteria_text", t.criteria,
                    encode_criteria(rules, s.criteria));
  });
}

// The `scores` table against the scores computed again.
void check_scores(Store& store, const RoundRecord& round, const Rescored& in, RoundAudit& a) {
  std::optional<ScoreResult> stored_scores;
  try {
    // Compared row by row as SQLite returns them first: the same, there is
    // nothing to list, and a national round's stored scores are never all held.
    if (!in.fresh.applications.empty() && !stored_difference(store, round.id, in.rules, in.fresh)) {
      a.scored = true;
      check_score_texts(store, round, in.rules, in.fresh, a);
      return;
    }
    stored_scores = load_scores(store, round.id, in.rules);
  } catch (const Error& e) {
    problem(a, "scores", first_line(e));
  }
  if (stored_scores) {
    a.scored = true;
    compare_scores(in.rules, *stored_scores, in.fresh, a.differences);
    check_score_texts(store, round, in.rules, *stored_scores, a);
  } else if (round.stage != Stage::open) {
    problem(a, "scores", say(w_no_scores));
  }
}

// The latest `allocate` entry's record against the one rebuilt (`computed`):
// byte for byte, else member by member. False when there is no such entry or
// it is not JSON: nothing further can be compared.
bool check_record(Store& store, RoundLog& log, const SignedRecord& computed, RoundAudit& a) {
  if (!log.last_allocate) {
    problem(a, "record", say(w_no_allocation));
    return false;
  }
  const std::size_t i = *log.last_allocate;
  if (log_payload_equals(store, log.entries[i].seq, computed.canonical)) {
    // The stored record is byte for byte the one rebuilt: nothing to compare
    // member by member (a national record is 100 MB of JSON to parse twice),
    // and it is canonical JSON, as the chain asks.
    a.fingerprint = computed.fingerprint;
    log.checks[i] = canonical_payload_check(log.entries[i], computed.canonical);
    return true;
  }
  const LogEntry entry = full_entry(store, log, i);
  log.checks[i] = check_payload(entry);
  ojson stored;
  try {
    stored = ojson::parse(entry.payload);
  } catch (const std::exception&) {
    problem(a, "record", say(w_payload, entry.seq));
    return false;
  }
  if (stored.is_object() && stored.contains("fingerprint") && stored["fingerprint"].is_string())
    a.fingerprint = stored["fingerprint"].get<std::string>();
  compare_records(stored, ojson::parse(computed.canonical), a.differences);
  return true;
}

// docs/cli.md "audit": every earlier allocation too, each with the decisions
// logged before it. Inputs and rules are frozen from a round's first
// allocation on, so each `allocate` entry follows from the same inputs;
// only its record is left to compare: `log.<seq>.decisions` (the record's
// against the log's) and `log.<seq>.fingerprint` (stored against rebuilt).
void check_earlier_allocations(Store& store, const RoundRecord& round, const std::string& rules_hash,
                               const ojson& inputs, RoundLog& log, const Rescored& in, RoundAudit& a) {
  const std::vector<LogEntry>& entries = log.entries;
  for (std::size_t i = 0; i < *log.last_allocate; ++i) {
    if (entries[i].kind != LogKind::allocate) continue;
    const std::string at = fmt::format("log.{}.", entries[i].seq);
    LoggedDecisions earlier =
        decisions_logged_before({entries.begin(), entries.begin() + static_cast<std::ptrdiff_t>(i)});
    SignedRecord again;
    try {
      again =
          signed_decision_record(round.id, rules_hash, inputs_signed_at(entries[i].seq, inputs, in.signed_inputs),
                                 earlier.record, decide(in.rules, in.applications, in.fresh, earlier.applied).decision);
    } catch (const std::exception& e) {
      problem(a, at + "allocation", first_line(e));
      continue;
    }
    if (log_payload_equals(store, entries[i].seq,
                           again.canonical)) {  // its decisions and fingerprint are the rebuilt ones
      log.checks[i] = canonical_payload_check(entries[i], again.canonical);
      continue;
    }
    const LogEntry entry = full_entry(store, log, i);
    log.checks[i] = check_payload(entry);
    ojson old;
    try {
      old = ojson::parse(entry.payload);
    } catch (const std::exception&) {
      continue;  // the chain check reports the payload
    }
    auto member = [&](const char* key) -> std::optional<std::string> {
      if (!old.is_object() || !old.contains(key)) return std::nullopt;
      return old[key].is_string() ? old[key].get<std::string>() : canonical_json(old[key]);
    };
    note_difference(a.differences, std::nullopt, at + "decisions", member("decisions"), canonical_json(earlier.record));
    note_difference(a.differences, std::nullopt, at + "fingerprint", member("fingerprint"), again.fingerprint);
  }
}

// Whether the `allocations` table is line for line `d` (nothing for
// compare_allocation to list), compared as SQLite returns the rows: a
// national round's stored lines are never all held.
bool stored_as(Store& store, const std::string& round, const Decision& d) {
  StringIndex<std::uint32_t> by_id;
  by_id.reserve(d.applications.size());
  for (std::size_t i = 0; i < d.applications.size(); ++i)
    by_id.emplace(d.applications[i].id, static_cast<std::uint32_t>(i));
  std::vector<bool> seen(d.applications.size());
  std::size_t count = 0;
  bool same = true;
  each_allocation_line(store, round, [&](const AllocationLine& s) {
    const std::uint32_t* at = by_id.find(s.id);
    if (!at || seen[*at]) {
      same = false;
      return;
    }
    seen[*at] = true;
    ++count;
    const AllocationLine& c = d.applications[*at];
    same = same && s.status == c.status && s.rank == c.rank && s.award == c.award && s.lot == c.lot &&
           s.reasons == c.reasons;
  });
  return same && count == d.applications.size();
}

// The allocation, with the commission decisions logged before the latest
// `allocate` entry, against the `allocations` table and that entry's record;
// then the earlier allocations.
void check_allocations(Store& store, const RoundRecord& round, const std::string& rules_hash, RoundLog& log,
                       Rescored& in, RoundAudit& a) {
  std::vector<LogEntry> before;
  if (log.last_allocate)
    before.assign(log.entries.begin(), log.entries.begin() + static_cast<std::ptrdiff_t>(*log.last_allocate));
  LoggedDecisions decisions = decisions_logged_before(before);
  for (const Error& p : decisions.problems) problem(a, "decisions", error_message(p));
  Decision decision;
  try {
    decision = decide(in.rules, in.applications, in.fresh, decisions.applied).decision;
  } catch (const std::exception& e) {
    problem(a, "allocation", first_line(e));
    return;
  }
  // Only an earlier allocation is decided again: without one, the round's
  // applications and scores (half a gigabyte at a million) go before the record is made.
  if (std::none_of(before.begin(), before.end(), [](const LogEntry& e) { return e.kind == LogKind::allocate; })) {
    std::vector<Application>().swap(in.applications);
    std::vector<ScoredApplication>().swap(in.fresh.applications);
    release_free_memory();
  }
  if (!stored_as(store, round.id, decision))
    compare_allocation(load_allocation(store, round.id), decision, a.differences);  // freed before the record

  const ojson inputs =
      with_history(input_hashes_with(in.applications_sha256, in.reviewers, in.reviews_sha256), in.facts);
  const std::int64_t seq = log.last_allocate ? log.entries[*log.last_allocate].seq : 0;
  SignedRecord computed = signed_decision_record(round.id, rules_hash, inputs_signed_at(seq, inputs, in.signed_inputs),
                                                 decisions.record, decision);
  if (check_record(store, log, computed, a)) check_earlier_allocations(store, round, rules_hash, inputs, log, in, a);
}

}  // namespace

// docs/cli.md "audit", one round.
RoundAudit audit_round(Store& store, const RoundRecord& round) {
  RoundAudit a;
  a.round = round.id;
  a.currency = round.currency;
  a.stage = round.stage;

  // The stored rules' hash: the text against its stored hash (and, below,
  // against the decision record's).
  const std::string rules_hash = sha256_hex(round.rules_text);
  note_difference(a.differences, std::nullopt, "rules_sha256", round.rules_sha256, rules_hash);

  RoundLog log;
  log.entries = log_entries_without_records(store, round.id);
  log.checks.resize(log.entries.size());
  a.log_entries = static_cast<std::int64_t>(log.entries.size());
  a.pending_decisions = pending_decisions(log.entries);
  for (std::size_t i = 0; i < log.entries.size(); ++i)
    if (log.entries[i].kind == LogKind::allocate) log.last_allocate = i;
  a.allocated = round.stage == Stage::allocated || log.last_allocate || has_allocation(store, round.id);
  if (a.allocated && round.stage != Stage::allocated)
    note_difference(a.differences, std::nullopt, "stage", std::string(to_string(round.stage)),
                    std::string(to_string(Stage::allocated)));

  const std::optional<PabulibInstance> instance = load_pabulib_instance(store, round.id);

  // Everything below recomputes from the stored inputs; a failure to read them
  // is itself a difference, and the log is still verified at the end.
  if (std::optional<Rescored> in = rescore(store, round, a)) {
    check_scores(store, round, *in, a);
    if (a.allocated) check_allocations(store, round, rules_hash, log, *in, a);
  }

  check_organisation_keys(store, round.id, instance.has_value(), a);

  // docs/audit.md: organisations of the round that the name rule of migration 5 made one.
  for (const auto& [merged, kept] : merged_organisations(store, round.id))
    a.notes.push_back(say(w_merged, merged, kept));

  // A round imported from a pabulib file: its vote totals recounted from the
  // stored ballots, and its allocation against the official `selected`.
  if (instance) {
    Recount recount = recount_pabulib(*instance);
    a.differences.insert(a.differences.end(), recount.differences.begin(), recount.differences.end());
    a.notes.insert(a.notes.end(), recount.notes.begin(), recount.notes.end());
    if (a.allocated) compare_selected(*instance, load_allocation(store, round.id), a.differences);
  }

  check_assignment(store, round, log.entries, a);
  check_money(store, round, log.entries, a);
  chain_differences(store, round.id, log, log_head(store, round.id), a);
  return a;
}

namespace {

constexpr PerLang<const char*> which_rounds{
    .uk = "--round: у базі кілька конкурсів ({}); перевірте один з `--round ID` або всі з `--all`",
    .en = "--round: the database holds several rounds ({}); audit one with `--round ID`, or every one with `--all`"};

}  // namespace

// docs/cli.md "audit": one round (the only one, or --round's), or every one with --all.
AuditResult audit_rounds(Store& store, const std::optional<std::string>& round, bool all) {
  // One read transaction: every table is read from the same snapshot, so a
  // concurrent `allocate` cannot show up half in the audit. Nothing is written.
  // The reads are scans, as in `allocate`: 16 MiB of page cache leaves the rest for the round.
  store.set_page_cache_kib(16 * 1024);
  store.db().exec("BEGIN");
  AuditResult result;
  try {
    const std::vector<RoundRecord> rounds = store.rounds();
    if (all) {
      for (const RoundRecord& r : rounds) result.rounds.push_back(audit_round(store, r));
    } else if (!round && rounds.size() > 1) {
      std::string ids;
      for (const RoundRecord& r : rounds) ids += (ids.empty() ? "" : ", ") + r.id;
      throw Error(ErrorKind::invalid, say(which_rounds, ids));
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
