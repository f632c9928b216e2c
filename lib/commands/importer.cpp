#include "commands/importer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "commands/import_result.hpp"
#include "commands/pabulib_import.hpp"
#include "engine/ledger.hpp"
#include "formats/agreements_csv.hpp"
#include "formats/csv_rows.hpp"
#include "formats/history_csv.hpp"
#include "formats/outcomes_csv.hpp"
#include "render/number_style.hpp"
#include "store/application_writer.hpp"
#include "store/assignment_store.hpp"
#include "store/bulk_foreign_keys.hpp"
#include "store/decision_log.hpp"
#include "store/history_writer.hpp"
#include "store/ledger_store.hpp"
#include "store/organisations.hpp"
#include "store/outcome_writer.hpp"
#include "store/review_checks.hpp"
#include "store/review_writer.hpp"
#include "store/reviewer_writer.hpp"
#include "store/round_limits.hpp"
#include "store/stale_scores.hpp"
#include "values/clock.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_frozen{.uk = "конкурс {} розподілено: його {} зафіксовано рішенням",
                                        .en = "round {} is allocated: its {} are frozen by the decision"};
constexpr PerLang<const char*> w_review_of{.uk = "оцінка {} експертом {}", .en = "review of {} by {}"};
constexpr PerLang<const char*> w_unknown_app_first{
    .uk = "невідома заявка \"{}\" у конкурсі {} (спершу імпортуйте заявки)",
    .en = "unknown application \"{}\" in round {} (import the applications first)"};
constexpr PerLang<const char*> w_unknown_reviewer{
    .uk = "невідомий експерт \"{}\" у конкурсі {} (спершу імпортуйте експертів)",
    .en = "unknown reviewer \"{}\" in round {} (import the reviewers first)"};
constexpr PerLang<const char*> w_conflict{
    .uk =
        "експерт {} має конфлікт інтересів з організацією заявки {} (додайте --exclude-conflicts, щоб зберегти "
        "оцінку як виключену, і --replace, якщо її вже імпортовано)",
    .en =
        "reviewer {} has a conflict of interest with the organisation of {} (use --exclude-conflicts to store the "
        "review as excluded, and --replace if it was imported already)"};
constexpr PerLang<const char*> w_unassigned{.uk =
                                                "експерта {} не призначено на {} (у конкурсі є призначення експертів; "
                                                "додайте --allow-unassigned, щоб усе одно імпортувати оцінку)",
                                            .en =
                                                "reviewer {} is not assigned to {} (the round has an assignment; use "
                                                "--allow-unassigned to import the review anyway)"};
constexpr PerLang<const char*> w_round_cell{
    .uk = "рядок стосується конкурсу \"{}\", а не {} (конкурсу, в який імпортують)",
    .en = "the row is for round \"{}\", not {} (the round imported into)"};
constexpr PerLang<const char*> w_duplicate_across{.uk = "повторна оцінка {} експертом {} (уперше в {})",
                                                  .en = "duplicate review of {} by {} (first in {})"};
constexpr PerLang<const char*> w_sheet_round{
    .uk = "робоча книга — оцінювальний лист конкурсу \"{}\", а не конкурсу {} (конкурсу, в який імпортують)",
    .en = "the workbook is a score sheet of round \"{}\", not of round {} (the round imported into)"};
constexpr PerLang<const char*> w_votes{.uk = "конкурс {} ранжує за голосами; він не приймає оцінок",
                                       .en = "round {} is ranked by votes; it takes no reviews"};
constexpr PerLang<const char*> w_comment{
    .uk = "коментар у рядку без оцінок (заповніть оцінки або зітріть коментар)",
    .en = "a comment on a row without scores (fill in the scores, or clear the comment)"};
constexpr PerLang<const char*> w_unknown_app{.uk = "невідома заявка \"{}\" у конкурсі {}",
                                             .en = "unknown application \"{}\" in round {}"};
constexpr PerLang<const char*> w_outcomes_unfunded{
    .uk = "{} не отримала грошей у конкурсі {}: про результати звітують профінансовані повністю й частково заявки",
    .en = "{} got no money in round {}: outcomes are reported for funded and partial applications"};
constexpr PerLang<const char*> w_agreements_unfunded{
    .uk = "{} не має гранту в конкурсі {}: договори укладають для профінансованих повністю й частково заявок",
    .en = "{} has no award in round {}: agreements are signed for funded and partial applications"};
constexpr PerLang<const char*> w_before_agreement{.uk = "{}: платіж {} датовано раніше, ніж підписано договір {} ({})",
                                                  .en = "{}: payment {} is dated before agreement {} was signed ({})"};
constexpr PerLang<const char*> w_above_agreement{.uk = "{}: сплачено {} після платежу {}, понад договір {} ({})",
                                                 .en = "{}: paid {} after payment {}, above agreement {} ({})"};
constexpr PerLang<const char*> w_below_zero{
    .uk = "{}: сплачено {} після повернення {}, нижче нуля (повернуто більше, ніж сплачено)",
    .en = "{}: paid {} after refund {}, below zero (more refunded than paid)"};
// The same when the payment named is a stored one, not a row of the file: the row that breaks the sum is named first.
constexpr PerLang<const char*> w_above_agreement_stored{
    .uk = "{}: {}сплачено {} після збереженого платежу {}, понад договір {} ({})",
    .en = "{}: {}paid {} after stored payment {}, above agreement {} ({})"};
constexpr PerLang<const char*> w_below_zero_stored{
    .uk = "{}: {}сплачено {} після збереженого повернення {}, нижче нуля (повернуто більше, ніж сплачено)",
    .en = "{}: {}paid {} after stored refund {}, below zero (more refunded than paid)"};
constexpr PerLang<const char*> w_row_payment{.uk = "з платежем {} цього рядка ", .en = "with this row's payment {}, "};
constexpr PerLang<const char*> w_above_award{.uk = "{} — більше за грант {} ({})",
                                             .en = "{} is more than the award of {} ({})"};
constexpr PerLang<const char*> w_number_taken{.uk = "номер договору \"{}\" уже належить договору {}",
                                              .en = "agreement number \"{}\" is the agreement of {} already"};
constexpr PerLang<const char*> w_no_agreement{.uk = "{} не має договору в конкурсі {}: спершу імпортуйте її договір",
                                              .en = "{} has no agreement in round {}: import its agreement first"};
constexpr PerLang<const char*> w_paid_early{.uk = "{} — раніше, ніж підписано договір {} заявки {} ({})",
                                            .en = "{} is before agreement {} of {} was signed ({})"};
constexpr PerLang<const char*> w_reference_elsewhere{
    .uk = "платіж {} уже записано за заявкою {}; щоб перенести його до заявки {}, додайте --replace",
    .en = "payment reference {} already exists for {}; --replace moves it to {}"};
// Dates kept but worth a look (docs/cli.md "import"): warnings, not errors.
constexpr PerLang<const char*> w_received_later{.uk = "звіт {} отримано {}, пізніше за сьогодні ({})",
                                                .en = "the report of {} is dated {}, after today ({})"};
constexpr PerLang<const char*> w_received_early{
    .uk = "звіт {} отримано {}, раніше, ніж підписано договір {} ({})",
    .en = "the report of {} is dated {}, before agreement {} was signed ({})"};
constexpr PerLang<const char*> w_received_before_decision{
    .uk = "звіт {} отримано {}, раніше за рішення конкурсу {} ({})",
    .en = "the report of {} is dated {}, before the decision of round {} ({})"};
constexpr PerLang<const char*> w_signed_before_decision{
    .uk = "договір {} заявки {} підписано {}, раніше за рішення конкурсу {} ({})",
    .en = "agreement {} of {} is signed {}, before the decision of round {} ({})"};
constexpr PerLang<const char*> w_more{.uk = "... і ще {} проблем не показано (показано перші {})",
                                      .en = "... and {} more problems not shown (the first {} are listed)"};

namespace {

// The pairs imported so far from a directory's files, each with the first file that had it.
using ReviewFiles = std::map<NamedPair, std::string>;

CsvSource source_of(const ImportOptions& o) { return CsvSource{o.file, o.encoding, o.delimiter, o.progress}; }

RoundRecord round_for(Store& store, const ImportOptions& o, bool frozen_after_allocation) {
  RoundRecord round = store.resolve_round(o.round);
  if (frozen_after_allocation && round.stage == Stage::allocated)
    throw Error(ErrorKind::conflict,
                {Diagnostic{o.file, 0, 0, "", say(w_frozen, round.id, to_string(o.kind)), ErrorKind::conflict}});
  return round;
}

// docs/cli.md "import": outcomes, agreements and payments follow the decision.
// A round not allocated yet refuses the whole file once (not once per row).
constexpr PerLang<const char*> not_allocated_outcomes{
    .uk = "конкурс {} ще не розподілено: результати подають для профінансованих заявок",
    .en = "round {} is not allocated yet: outcomes are reported for funded applications"};
constexpr PerLang<const char*> not_allocated_agreements{
    .uk = "конкурс {} ще не розподілено: договори укладають з його переможцями",
    .en = "round {} is not allocated yet: agreements are signed with its winners"};
constexpr PerLang<const char*> not_allocated_payments{
    .uk = "конкурс {} ще не розподілено: платежі здійснюють за договорами з його переможцями",
    .en = "round {} is not allocated yet: payments are made under agreements with its winners"};

void require_allocated(const RoundRecord& round, const ImportOptions& o) {
  if (round.stage == Stage::allocated) return;
  const PerLang<const char*>& words = o.kind == ImportKind::outcomes     ? not_allocated_outcomes
                                      : o.kind == ImportKind::agreements ? not_allocated_agreements
                                                                         : not_allocated_payments;
  throw Error(ErrorKind::conflict, {Diagnostic{o.file, 0, 0, "", say(words, round.id), ErrorKind::conflict}});
}

// The file's count of rows, and its diagnostics in report order into `sink`;
// any invalid row discards the counts (the transaction rolls back).
void finish_rows(CsvRows& rows, DiagnosticSink& sink, ImportSummary& s) {
  s.read = rows.read();
  // A file with errors writes nothing; its blank rows are still what it holds.
  if (rows.finish(sink)) s.added = s.updated = s.unchanged = 0;
}

// The valid rows of a small file (reviewers, history), each with its line,
// as `parser.parse(RowReader&)` gives them.
template <class Parser>
auto valid_rows(CsvRows& rows, Parser& parser) {
  std::vector<std::pair<decltype(parser.parse(std::declval<RowReader&>())), int>> out;
  while (RowReader* r = rows.next()) {
    auto row = parser.parse(*r);
    if (r->ok) out.emplace_back(std::move(row), r->rec.line);
  }
  return out;
}

// When inputs that scoring reads change, the stored scores no longer hold.
void invalidate_scores(Store& store, const RoundRecord& round, const ImportSummary& s) {
  if (s.added + s.updated == 0 || round.stage != Stage::scored) return;
  discard_scores(store, round.id);
}

// docs/formats.md "Limits": the round as this import leaves it (its rows are
// written, not committed) must be computable; each excess is an error of the file.
void check_round_limits(Store& store, const std::string& round, RoundPart part, DiagnosticSink& sink) {
  for (Message& problem : round_limit_problems(store, round, part)) sink.add(0, 0, "", std::move(problem));
}

// ----- applications ---------------------------------------------------------

// One pass: each row is read, validated and applied before the next is read
// (rows are applied until the first invalid one).
void import_applications(Store& store, const ImportOptions& o, std::string_view bytes, ImportSummary& s,
                         DiagnosticSink& sink) {
  RoundRecord round = round_for(store, o, true);
  Rules rules = Store::rules_of(round);
  s.round = round.id;
  const CsvSource source = source_of(o);
  CsvRows rows(bytes, source, application_columns);
  ApplicationWriter writer(store, round, o.replace);
  ApplicationRowParser parser(rules, round.id);
  while (RowReader* r = rows.next()) {
    Application a = parser.parse(*r);
    if (r->ok && !rows.any_invalid()) writer.apply(a, r->rec.line, s, rows.conflicts());
  }
  if (!rows.any_invalid()) writer.finish();
  finish_rows(rows, sink, s);
  if (!sink.any_invalid()) check_round_limits(store, round.id, RoundPart::applications, sink);
  if (!sink.any_invalid()) invalidate_scores(store, round, s);
}

// ----- reviewers ------------------------------------------------------------

void import_reviewers(Store& store, const ImportOptions& o, std::string_view bytes, ImportSummary& s,
                      DiagnosticSink& sink) {
  RoundRecord round = round_for(store, o, true);
  s.round = round.id;
  const CsvSource source = source_of(o);
  CsvRows rows(bytes, source, reviewer_columns);
  ReviewerRowParser parser;
  const auto parsed = valid_rows(rows, parser);
  if (!rows.any_invalid()) write_reviewers(store, round.id, parsed, o.replace, s, rows.conflicts());
  finish_rows(rows, sink, s);
  std::vector<Reviewer> reviewers;
  for (const auto& row : parsed) reviewers.push_back(row.first);
  s.unknown_conflicts = unknown_conflicts(store.db(), reviewers);
}

// ----- reviews --------------------------------------------------------------

// The pair's checks against the round, between the ids and the scores (so
// that problems come in cell order): a pair the file already had, an unknown
// application or reviewer. Returns their positions (-1 when unknown).
std::pair<std::int64_t, std::int64_t> check_pair(ReviewChecks& checks, RowReader& r, const Review& rv,
                                                 const std::string& round) {
  const std::int64_t app = checks.app(rv.application);
  const std::int64_t reviewer = checks.reviewer(rv.reviewer);
  if (int first = checks.first_line(app, reviewer, rv.application, rv.reviewer, r.rec.line))
    report_duplicate(first, r, 0, [&] { return say(w_review_of, rv.application, rv.reviewer); });
  if (app < 0 && !rv.application.empty()) r.error(0, say(w_unknown_app_first, shown(rv.application), round));
  if (reviewer < 0 && !rv.reviewer.empty()) r.error(1, say(w_unknown_reviewer, shown(rv.reviewer), round));
  return {app, reviewer};
}

// The cell a problem of the row's pair is located at: the reviewer's, or the
// application's on a score sheet whose reviewer is the workbook's defined name.
std::size_t pair_cell(const RowReader& r) { return r.present(1) ? 1 : 0; }

// A reviewer whose conflicts name the application's organisation: the review
// is stored as excluded with --exclude-conflicts, else refused; one the round
// already holds as excluded stays so (re-importing the same sheets is `unchanged`).
void check_conflict_of_interest(const ReviewChecks& checks, RowReader& r, std::int64_t app, std::int64_t reviewer,
                                bool exclude_conflicts, ReviewWriter& writer, Review& rv) {
  if (app < 0 || reviewer < 0 ||
      !checks.conflicted(static_cast<std::uint32_t>(app), static_cast<std::uint32_t>(reviewer)))
    return;
  if (exclude_conflicts || writer.stored_excluded(rv))
    rv.excluded = true;
  else
    r.error(pair_cell(r), say(w_conflict, rv.reviewer, rv.application));
}

// docs/cli.md "assign": once the round has an assignment, a review by a
// reviewer not assigned to the application is refused unless --allow-unassigned.
// An excluded review never counts, and its pair is never assigned: not checked.
void check_assigned(const std::set<NamedPair>& assigned, RowReader& r, std::int64_t app, std::int64_t reviewer,
                    const Review& rv) {
  if (assigned.empty() || app < 0 || reviewer < 0 || rv.excluded || assigned.count({rv.application, rv.reviewer}))
    return;
  r.error(pair_cell(r), say(w_unassigned, rv.reviewer, rv.application));
}

// docs/formats.md "Score sheets": a score sheet's `round` cell names the round
// it was written for, which must be the round imported into.
void check_round_cell(RowReader& r, std::size_t k, const std::string& round) {
  const std::string_view cell = r.cell(k);
  if (!cell.empty() && cell != round) r.error(k, say(w_round_cell, shown(cell), round));
}

// A pair another file of the directory had already (docs/cli.md "import"):
// `across` maps each pair to the first file that had it.
void check_across_files(ReviewFiles* across, RowReader& r, const Review& rv, const std::string& file) {
  if (!across || rv.application.empty() || rv.reviewer.empty()) return;
  auto [first, fresh] = across->emplace(NamedPair{rv.application, rv.reviewer}, file);
  if (!fresh && first->second != file) r.error(0, say(w_duplicate_across, rv.application, rv.reviewer, first->second));
}

// The score sheet's defined names (docs/formats.md "Score sheets"): a round
// other than the one imported into refuses the file; its reviewer, if any.
std::optional<std::string> sheet_reviewer(const CsvRows& rows, const std::string& file, const std::string& round) {
  if (auto sheet_round = rows.defined_text("competition_round"); sheet_round && *sheet_round != round)
    throw Error(ErrorKind::invalid,
                {Diagnostic{file, 0, 0, "competition_round", say(w_sheet_round, shown(*sheet_round), round)}});
  return rows.defined_text("competition_reviewer");
}

// docs/formats.md "Limits" for a fresh round: its reviews are those of the
// file, so they are counted per application as they are stored, and the query
// over every stored review (a tenth of an import of 300 000) runs only when
// some application is over the limit, to name it as it always has.
class FreshReviewCounts {
 public:
  void add(std::int64_t app) {
    const auto i = static_cast<std::size_t>(app);
    if (i >= counts_.size()) counts_.resize(i + 1, 0);
    over_ = over_ || ++counts_[i] > max_reviews_per_application;
  }
  bool over() const { return over_; }

 private:
  std::vector<std::int64_t> counts_;  // by position in ReviewChecks
  bool over_ = false;
};

// One pass like applications. A row without any score is skipped as blank.
void import_reviews(Store& store, const ImportOptions& o, std::string_view bytes, ImportSummary& s,
                    DiagnosticSink& sink, ReviewFiles* across) {
  RoundRecord round = round_for(store, o, true);
  Rules rules = Store::rules_of(round);
  s.round = round.id;
  if (rules.source == ScoreSource::votes)
    throw Error(ErrorKind::invalid, {Diagnostic{o.file, 0, 0, "", say(w_votes, round.id)}});
  const CsvSource source = source_of(o);
  CsvRows rows(bytes, source, review_columns(rules, false));
  const std::optional<std::string> named_reviewer = sheet_reviewer(rows, o.file, round.id);
  if (!named_reviewer) rows.require_column(review_reviewer_column);
  const std::size_t round_column = review_round_column(rules);
  ReviewChecks checks(store, round);
  ReviewWriter writer(store, round.id, o.replace);
  FreshReviewCounts counts;
  std::set<NamedPair> assigned;
  if (!o.allow_unassigned)
    for (auto& pair : stored_assignment(store, round.id)) assigned.insert(std::move(pair));
  Review rv;
  std::string scores;  // rv.scores as stored, reused row after row
  while (RowReader* r = rows.next()) {
    if (review_scores_blank(*r, rules)) {
      if (!r->cell(2).empty()) r->error(2, say(w_comment));
      ++s.blank;
      continue;
    }
    parse_review_pair(*r, rv, named_reviewer);
    check_round_cell(*r, round_column, round.id);
    auto [app, reviewer] = check_pair(checks, *r, rv, round.id);
    check_across_files(across, *r, rv, o.file);
    parse_review_scores(*r, rules, rv, scores);
    check_conflict_of_interest(checks, *r, app, reviewer, o.exclude_conflicts, writer, rv);
    check_assigned(assigned, *r, app, reviewer, rv);
    if (r->ok && !rows.any_invalid()) {
      writer.apply(rv, scores, r->rec.line, s, rows.conflicts());
      if (!rv.excluded) counts.add(app);
    }
  }
  if (!rows.any_invalid()) writer.finish();
  finish_rows(rows, sink, s);
  if (!sink.any_invalid() && (!writer.fresh() || counts.over()))
    check_round_limits(store, round.id, RoundPart::reviews, sink);
  if (!sink.any_invalid()) invalidate_scores(store, round, s);
}

// ----- outcomes -------------------------------------------------------------

// Outcomes are reported for applications of the round that got money.
void check_outcome_target(const OutcomeTargets& targets, RowReader& r, const std::string& application,
                          const std::string& round) {
  if (application.empty()) return;
  if (!targets.known.count(application))
    r.error(0, say(w_unknown_app, shown(application), round));
  else if (!targets.funded.count(application))
    r.error(0, say(w_outcomes_unfunded, application, round), ErrorKind::conflict);
}

// The day of the round's decision: its last `allocate` entry's date (empty when none).
std::string decision_day(Store& store, const std::string& round) {
  // Without the records: a national round's decision record is 100 MB, and only its date is needed.
  const std::vector<LogEntry> entries = log_entries_without_records(store, round);
  auto last =
      std::find_if(entries.rbegin(), entries.rend(), [](const LogEntry& e) { return e.kind == LogKind::allocate; });
  return last == entries.rend() ? std::string() : last->recorded_at.substr(0, 10);
}

// An amount in a message with the round's currency, grouped as the rest of the
// product shows money (render/number_style): `32 200,00 грн`, `32,200.00 UAH`.
Message money_said(Money m, const std::string& currency) {
  return Message(money_with_currency(m, currency, Lang::uk), money_with_currency(m, currency, Lang::en));
}

// An outcome's received_on after today, or before its agreement was signed (the
// decision when there is no agreement): kept, and warned at its cell.
void check_received_on(const Outcome& out, int line, int column, const std::string& today,
                       const std::map<std::string, Agreement>& agreements, const std::string& decided,
                       const std::string& round, ImportSummary& s) {
  if (!out.received_on) return;
  const std::string& day = *out.received_on;
  auto warn = [&](Message m) { s.date_warnings.push_back({s.file, line, column, "received_on", std::move(m)}); };
  if (day > today) warn(say(w_received_later, out.application, day, today));
  auto a = agreements.find(out.application);
  if (a != agreements.end() && day < a->second.signed_on)
    warn(say(w_received_early, out.application, day, a->second.number, a->second.signed_on));
  else if (a == agreements.end() && !decided.empty() && day < decided)
    warn(say(w_received_before_decision, out.application, day, round, decided));
}

void import_outcomes(Store& store, const ImportOptions& o, std::string_view bytes, ImportSummary& s,
                     DiagnosticSink& sink) {
  RoundRecord round = round_for(store, o, false);
  s.round = round.id;
  require_allocated(round, o);
  const CsvSource source = source_of(o);
  CsvRows rows(bytes, source, outcome_columns);
  const OutcomeTargets targets = load_outcome_targets(store, round);
  OutcomeRowParser parser;
  std::vector<std::pair<Outcome, int>> parsed;
  const std::string today = today_utc(), decided = decision_day(store, round.id);
  std::map<std::string, Agreement> agreements;
  for (Agreement& a : stored_agreements(store, round.id)) agreements.emplace(a.application, std::move(a));
  while (RowReader* r = rows.next()) {
    Outcome out;
    out.application = parser.application(*r);
    check_outcome_target(targets, *r, out.application, round.id);
    OutcomeRowParser::values(*r, out);
    if (r->ok) {
      check_received_on(out, r->rec.line, r->column(5), today, agreements, decided, round.id, s);
      parsed.emplace_back(std::move(out), r->rec.line);
    }
  }
  // A row's conflict (an application without money) stops the writing too.
  if (!rows.any_problem()) write_outcomes(store, round.id, parsed, o.replace, s, rows.conflicts());
  finish_rows(rows, sink, s);
  if (!sink.any_invalid()) check_round_limits(store, round.id, RoundPart::outcomes, sink);
}

// ----- agreements and payments ---------------------------------------------

// Where a row of an agreements or payments file is, for the checks made once
// the whole file is read (the number's uniqueness, the running sums).
struct RowPlace {
  int line = 0;
  int key_column = 0;     // number (agreements) or reference (payments)
  int date_column = 0;    // signed_on or paid_on
  int amount_column = 0;  // amount
  const char* date_field = "paid_on";
  std::string reference{};  // payments: the row's own reference
};

// docs/cli.md "ledger": agreements and payments belong to applications of the
// round; an agreement to a funded or partial one (the round is allocated: require_allocated).
void check_agreement_target(const std::set<std::string>& known, const std::map<std::string, Money>& awards,
                            RowReader& r, const std::string& application, const std::string& round) {
  if (application.empty()) return;
  if (!known.count(application))
    r.error(0, say(w_unknown_app, shown(application), round));
  else if (!awards.count(application))
    r.error(0, say(w_agreements_unfunded, application, round), ErrorKind::conflict);
}

std::set<std::string> application_ids(Store& store, const std::string& round) {
  std::set<std::string> out;
  for (const auto& a : store.applications(round)) out.insert(a.id);
  return out;
}

// The payments' running sums under `agreements` (docs/formats.md
// "payments.csv"), each break reported at the row of this file that makes it:
// the row itself, or this file's first row for that application.
void check_running_sums(const std::vector<Agreement>& agreements, const std::vector<Payment>& payments,
                        const std::map<std::string, RowPlace>& by_reference,
                        const std::map<std::string, RowPlace>& by_application, const std::string& currency,
                        DiagnosticSink& out) {
  for (const PaymentViolation& v : payment_violations(agreements, payments)) {
    if (v.rule == PaymentRule::before_agreement && !by_reference.empty() && !by_reference.count(v.reference)) continue;
    auto at = by_reference.find(v.reference);
    const RowPlace* place = at != by_reference.end() ? &at->second : nullptr;
    if (!place) {
      auto it = by_application.find(v.application);
      if (it == by_application.end()) continue;
      place = &it->second;
    }
    const Agreement& a = v.agreement;
    // A stored payment named at a row of the file that moves the sum: said to be stored, with the row's own.
    const bool stored = at == by_reference.end();
    const Message row = place->reference.empty() ? Message() : say(w_row_payment, place->reference);
    const Message running = money_said(v.running, currency);
    switch (v.rule) {
      case PaymentRule::before_agreement:
        out.add(place->line, place->date_column, place->date_field,
                say(w_before_agreement, v.application, v.reference, a.number, a.signed_on));
        break;
      case PaymentRule::above_agreement:
        out.add(place->line, place->amount_column, "amount",
                stored ? say(w_above_agreement_stored, v.application, row, running, v.reference, a.number,
                             money_said(a.amount, currency))
                       : say(w_above_agreement, v.application, running, v.reference, a.number,
                             money_said(a.amount, currency)));
        break;
      case PaymentRule::below_zero:
        out.add(place->line, place->amount_column, "amount",
                stored ? say(w_below_zero_stored, v.application, row, running, v.reference)
                       : say(w_below_zero, v.application, running, v.reference));
        break;
    }
  }
}

// Rows keyed by `key_of` laid over the stored ones: the round as the file would leave it.
template <class Row, class Key>
std::vector<Row> overlaid(std::vector<Row> stored, const std::vector<std::pair<Row, int>>& rows, Key&& key_of) {
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < stored.size(); ++i) at.emplace(key_of(stored[i]), i);
  for (const auto& row : rows) {
    if (auto it = at.find(key_of(row.first)); it != at.end())
      stored[it->second] = row.first;
    else
      stored.push_back(row.first);
  }
  return stored;
}

void import_agreements(Store& store, const ImportOptions& o, std::string_view bytes, ImportSummary& s,
                       DiagnosticSink& sink) {
  RoundRecord round = round_for(store, o, false);
  s.round = round.id;
  require_allocated(round, o);
  const CsvSource source = source_of(o);
  CsvRows rows(bytes, source, agreement_columns);
  const std::set<std::string> known = application_ids(store, round.id);
  const std::map<std::string, Money> awards = stored_awards(store, round.id);
  const std::string decided = decision_day(store, round.id);
  AgreementRowParser parser;
  std::vector<std::pair<Agreement, int>> parsed;
  std::map<std::string, RowPlace> places;  // application -> its row
  while (RowReader* r = rows.next()) {
    AgreementRow row = parser.parse(*r);
    Agreement& a = row.agreement;
    check_agreement_target(known, awards, *r, a.application, round.id);
    auto award = awards.find(a.application);
    if (award != awards.end()) {
      a.amount = row.amount.value_or(award->second);
      if (a.amount > award->second)
        r->error(3, say(w_above_award, money_said(a.amount, round.currency), a.application,
                        money_said(award->second, round.currency)));
    }
    if (r->ok && award != awards.end()) {
      places[a.application] = {r->rec.line, r->column(1), r->column(2), r->column(3), "signed_on"};
      if (!decided.empty() && !a.signed_on.empty() && a.signed_on < decided)
        s.date_warnings.push_back(
            {s.file, r->rec.line, r->column(2), "signed_on",
             say(w_signed_before_decision, a.number, a.application, a.signed_on, round.id, decided)});
      parsed.emplace_back(std::move(a), r->rec.line);
    }
  }
  if (!rows.any_problem()) {
    const std::vector<Agreement> after =
        overlaid(stored_agreements(store, round.id), parsed, [](const Agreement& a) { return a.application; });
    // The number is unique in the round (docs/formats.md "agreements.csv").
    std::map<std::string, std::vector<std::string>> holders;  // number -> the applications that would hold it
    for (const Agreement& a : after) holders[a.number].push_back(a.application);
    for (const auto& [a, line] : parsed)
      for (const std::string& holder : holders.at(a.number))
        if (holder != a.application) {
          rows.conflicts().add(line, places[a.application].key_column, "number", say(w_number_taken, a.number, holder));
          break;
        }
    check_running_sums(after, stored_payments(store, round.id), {}, places, round.currency, rows.conflicts());
  }
  if (!rows.any_problem() && rows.conflicts().diagnostics().empty())
    write_agreements(store, round.id, parsed, o.replace, s, rows.conflicts());
  finish_rows(rows, sink, s);
}

void import_payments(Store& store, const ImportOptions& o, std::string_view bytes, ImportSummary& s,
                     DiagnosticSink& sink) {
  RoundRecord round = round_for(store, o, false);
  s.round = round.id;
  require_allocated(round, o);
  const CsvSource source = source_of(o);
  CsvRows rows(bytes, source, payment_columns);
  const std::set<std::string> known = application_ids(store, round.id);
  const std::vector<Agreement> agreements = stored_agreements(store, round.id);
  std::map<std::string, const Agreement*> agreement_of;
  for (const Agreement& a : agreements) agreement_of.emplace(a.application, &a);
  const std::string today = today_utc();
  PaymentRowParser parser;
  std::vector<std::pair<Payment, int>> parsed;
  std::map<std::string, RowPlace> by_reference, by_application;
  while (RowReader* r = rows.next()) {
    Payment p = parser.parse(*r);
    if (!p.application.empty() && !known.count(p.application))
      r->error(0, say(w_unknown_app, shown(p.application), round.id));
    else if (!p.application.empty() && !agreement_of.count(p.application))
      r->error(0, say(w_no_agreement, p.application, round.id), ErrorKind::conflict);
    else if (auto a = agreement_of.find(p.application);
             a != agreement_of.end() && !p.paid_on.empty() && p.paid_on < a->second->signed_on)
      r->error(2, say(w_paid_early, p.paid_on, a->second->number, p.application, a->second->signed_on));
    if (r->ok && agreement_of.count(p.application)) {
      const RowPlace place{r->rec.line, r->column(1), r->column(2), r->column(3), "paid_on", p.reference};
      // docs/cli.md "import": an order entered ahead of its day is kept, and said.
      if (p.paid_on > today) s.later_payments.push_back({place.line, place.date_column, p.reference, p.paid_on, today});
      by_reference.emplace(p.reference, place);
      by_application.emplace(p.application, place);
      parsed.emplace_back(std::move(p), r->rec.line);
    }
  }
  if (!rows.any_problem()) {
    const std::vector<Payment> stored = stored_payments(store, round.id);
    // A reference moved to another application (--replace) answers for the running sum it leaves too,
    // and the import names the move (an update, never a silent one). Without --replace the move is
    // refused at the reference, and the sums are checked with the stored payment where it is.
    std::map<std::string, std::string> stored_application;
    for (const Payment& p : stored) stored_application.emplace(p.reference, p.application);
    std::vector<std::pair<Payment, int>> checked;
    for (const auto& [p, line] : parsed) {
      auto it = stored_application.find(p.reference);
      const bool moves = it != stored_application.end() && it->second != p.application;
      if (moves && !o.replace) {
        rows.conflicts().add(line, by_reference.at(p.reference).key_column, "reference",
                             say(w_reference_elsewhere, p.reference, it->second, p.application), ErrorKind::conflict);
        by_reference.erase(p.reference);
        continue;
      }
      if (moves) {
        by_application.emplace(it->second, by_reference.at(p.reference));
        s.moved_payments.push_back({line, p.reference, it->second, p.application});
      }
      checked.emplace_back(p, line);
    }
    check_running_sums(agreements, overlaid(stored, checked, [](const Payment& p) { return p.reference; }),
                       by_reference, by_application, round.currency, rows.conflicts());
  }
  if (!rows.any_problem() && rows.conflicts().diagnostics().empty())
    write_payments(store, round.id, parsed, o.replace, s, rows.conflicts());
  finish_rows(rows, sink, s);
}

// docs/audit.md "Agreements and payments": an import that changed agreements,
// payments or outcomes is recorded in the round's hash chain (a `money`
// entry), so that `audit` catches an edit made afterwards; so is one whose
// table no entry logs yet (outcomes imported by an earlier version).
void record_money(Store& store, const ImportSummary& s) {
  const std::string table(to_string(s.kind));  // agreements | payments | outcomes, as the payload names them
  if (s.added + s.updated == 0 && last_logged_money(log_entries(store, s.round, LogKind::money), table)) return;
  append_log_entry(store, s.round, LogKind::money, money_payload(stored_money_tables(store, s.round)));
}

// ----- history --------------------------------------------------------------

void import_history(Store& store, const ImportOptions& o, std::string_view bytes, ImportSummary& s,
                    DiagnosticSink& sink) {
  const CsvSource source = source_of(o);
  CsvRows rows(bytes, source, history_columns);
  HistoryRowParser parser;
  const auto parsed = valid_rows(rows, parser);
  if (!rows.any_invalid()) write_history(store, parsed, o.replace, s, rows.conflicts());
  finish_rows(rows, sink, s);
  if (!sink.any_invalid()) check_round_limits(store, "", RoundPart::history, sink);
}

}  // namespace

namespace {

// One file's rows checked and applied inside the caller's transaction: its
// summary, and its diagnostics in report order into `diags`.
ImportSummary import_rows(Store& store, const ImportOptions& o, std::string_view bytes, ReviewFiles* across,
                          std::vector<Diagnostic>& diags) {
  ImportSummary s;
  s.file = o.file;
  s.kind = o.kind;
  DiagnosticSink sink(o.file);
  switch (o.kind) {
    case ImportKind::applications:
      import_applications(store, o, bytes, s, sink);
      break;
    case ImportKind::reviewers:
      import_reviewers(store, o, bytes, s, sink);
      break;
    case ImportKind::reviews:
      import_reviews(store, o, bytes, s, sink, across);
      break;
    case ImportKind::outcomes:
      import_outcomes(store, o, bytes, s, sink);
      break;
    case ImportKind::history:
      import_history(store, o, bytes, s, sink);
      break;
    case ImportKind::agreements:
      import_agreements(store, o, bytes, s, sink);
      break;
    case ImportKind::payments:
      import_payments(store, o, bytes, s, sink);
      break;
    case ImportKind::pabulib:
      break;
  }
  if ((o.kind == ImportKind::agreements || o.kind == ImportKind::payments || o.kind == ImportKind::outcomes) &&
      sink.diagnostics().empty())
    record_money(store, s);
  diags = std::move(sink.diagnostics());
  sort_by_position(diags);
  // Say that the list is cut, so nobody takes the first 100 for all of them
  // (one more diagnostic, at line 0, after the 100).
  if (sink.dropped() > 0)
    diags.push_back(Diagnostic{o.file, 0, 0, "", say(w_more, sink.dropped(), max_reported_errors), worst_kind(diags)});
  return s;
}

ImportSummary import_checked(Store& store, const ImportOptions& o, std::string_view bytes) {
  if (o.kind == ImportKind::pabulib) return import_pabulib(store, o, bytes);
  BulkForeignKeys fk(store, o.kind == ImportKind::applications || o.kind == ImportKind::reviews);
  Transaction tx(store);
  std::vector<Diagnostic> diags;
  ImportSummary s = import_rows(store, o, bytes, nullptr, diags);
  return conclude_import(tx, o.dry_run, std::move(s), std::move(diags));
}

// A dry run's summary of a file refused as a whole (docs/cli.md "import"):
// its error as the summary's, counts 0.
ImportSummary dry_run_refusal(const ImportOptions& o, const Error& e) {
  ImportSummary s;
  s.file = o.file;
  s.kind = o.kind;
  s.errors = e.diagnostics();
  return s;
}

}  // namespace

ImportSummary import_file(Store& store, const ImportOptions& o, std::string_view bytes) {
  try {
    return import_checked(store, o, bytes);
  } catch (const Error& e) {
    // docs/cli.md "import": a dry run reports a file-level error (an empty
    // file, a NUL byte, a bad encoding, a file too large) as it reports row
    // errors, in the summary (exit 1), not as a refusal.
    if (!o.dry_run || e.diagnostics().empty()) throw;
    return dry_run_refusal(o, e);
  }
}

DirectoryImport import_directory(Store& store, const ImportOptions& o, const std::vector<ImportInput>& inputs) {
  DirectoryImport out;
  out.directory = o.file;
  BulkForeignKeys fk(store, true);
  Transaction tx(store);
  ReviewFiles across;
  std::vector<Diagnostic> all;
  for (const ImportInput& in : inputs) {
    ImportOptions file_options = o;
    file_options.file = in.file;
    std::vector<Diagnostic> diags;
    try {
      out.files.push_back(import_rows(store, file_options, in.bytes, &across, diags));
    } catch (const Error& e) {
      if (!o.dry_run || e.diagnostics().empty()) throw;
      out.files.push_back(dry_run_refusal(file_options, e));
      continue;
    }
    if (o.dry_run)
      out.files.back().errors = std::move(diags);
    else
      all.insert(all.end(), std::make_move_iterator(diags.begin()), std::make_move_iterator(diags.end()));
  }
  if (o.dry_run) return out;  // the transaction rolls back
  if (!all.empty()) {
    const ErrorKind kind = worst_kind(all);
    throw Error(kind, std::move(all));
  }
  tx.commit();
  return out;
}

}  // namespace competition
