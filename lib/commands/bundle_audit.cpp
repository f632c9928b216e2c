#include "commands/bundle_audit.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "base/canonical_json.hpp"
#include "base/memory.hpp"
#include "base/sha256.hpp"
#include "commands/bundle.hpp"
#include "commands/importer.hpp"
#include "engine/audit_decisions.hpp"
#include "engine/audit_money.hpp"
#include "engine/cross_year_checks.hpp"
#include "engine/decide.hpp"
#include "engine/decision_record.hpp"
#include "engine/review_summary.hpp"
#include "engine/scoring.hpp"
#include "formats/agreements_csv.hpp"
#include "formats/bundle_inputs.hpp"
#include "formats/canonical_csv.hpp"
#include "formats/csv_rows.hpp"
#include "formats/decisions_csv.hpp"
#include "formats/history_json.hpp"
#include "formats/input_file.hpp"
#include "formats/record_scan.hpp"
#include "formats/reviews_csv.hpp"
#include "render/remedy_words.hpp"
#include "render/render_decision_md.hpp"
#include "values/common_words.hpp"
#include "values/message.hpp"
#include "values/rules.hpp"

namespace competition {

constexpr PerLang<const char*> w_more{.uk = "… і ще {}", .en = "… and {} more"};
constexpr PerLang<const char*> w_missing{.uk = "відсутній", .en = "missing"};
constexpr PerLang<const char*> w_manifest_shape{
    .uk = "не має вигляду {{\"files\": {{name: sha256}}, \"fingerprint\", \"tool_version\"}}",
    .en = "not of the form {{\"files\": {{name: sha256}}, \"fingerprint\", \"tool_version\"}}"};
constexpr PerLang<const char*> w_not_bundle_file{.uk = "не файл пакета", .en = "not a file of a bundle"};
constexpr PerLang<const char*> w_not_canonical{
    .uk = "записано не так, як пише competition (змінено порядок, пробіли чи екранування)",
    .en = "not written as competition writes it (order, spacing or escapes changed)"};
constexpr PerLang<const char*> w_not_regular{.uk = "не звичайний файл (пакет містить лише звичайні файли)",
                                             .en = "not a regular file (a bundle holds plain files only)"};
constexpr PerLang<const char*> w_votes_reviews{.uk = "конкурс, що ранжує за голосами, не приймає оцінок",
                                               .en = "a round ranked by votes takes no reviews"};
constexpr PerLang<const char*> w_unknown_app{.uk = "оцінка {} експертом {} називає невідому заявку",
                                             .en = "the review of {} by {} names an unknown application"};
constexpr PerLang<const char*> w_unknown_reviewer{.uk = "оцінка {} експертом {} називає невідомого експерта",
                                                  .en = "the review of {} by {} names an unknown reviewer"};
constexpr PerLang<const char*> w_minutes{
    .uk = "не каже того, що каже decision.json (відтворено ще раз українською та англійською)",
    .en = "does not say what decision.json says (rendered again in uk and en)"};
constexpr PerLang<const char*> w_amount_empty{
    .uk = "не може бути порожнім у пакеті (сума, як її визначено під час імпорту)",
    .en = "must not be empty in a bundle (the amount as resolved at import)"};
constexpr PerLang<const char*> w_no_history{.uk = "відсутній: правила [checks] читають попередні конкурси",
                                            .en = "missing: the rules' [checks] read earlier rounds"};
constexpr PerLang<const char*> w_no_bundle{.uk = "{}: тут немає пакета: {}", .en = "{}: no bundle here: {}"};
constexpr PerLang<const char*> w_changed{.uk = "{}: файл змінився під час аудиту (перевірте пакет ще раз)",
                                         .en = "{}: the file changed while it was audited (audit the bundle again)"};
constexpr PerLang<const char*> w_not_dir{.uk = "{}: це не каталог (вкажіть каталог, який записала `export bundle`)",
                                         .en = "{}: not a directory (give the directory `export bundle` wrote)"};

namespace {

using ojson = nlohmann::ordered_json;
namespace fs = std::filesystem;

// Diagnostics of one file shown per bundle: enough to see what is wrong.
constexpr std::size_t shown_errors = 10;

// A bundle member, within the input file limit (docs/formats.md "Limits"): a
// planted 20 GB sparse file is refused, not read.
std::string read_file(const fs::path& p) { return read_input_file(p.string(), p.string()); }

class Checker {
 public:
  explicit Checker(BundleAudit& a) : a_(a) {}

  void differ(const std::optional<std::string>& app, const std::string& field, const std::optional<std::string>& stored,
              const std::optional<std::string>& computed) {
    note_difference(a_.differences, app, field, stored, computed);
  }
  // Something that could not be read or does not belong: the field and what is wrong.
  void problem(const std::string& field, const Message& what) {
    a_.differences.push_back({std::nullopt, field, what.en, std::nullopt, true, what});
  }
  void diagnostics(const std::string& file, const std::vector<Diagnostic>& errors) {
    for (std::size_t i = 0; i < errors.size() && i < shown_errors; ++i)
      problem(file, Message(errors[i].to_string(Lang::uk), errors[i].to_string(Lang::en)));
    if (errors.size() > shown_errors) problem(file, say(w_more, errors.size() - shown_errors));
  }

 private:
  BundleAudit& a_;
};

const std::set<std::string>& bundle_names() {
  static const std::set<std::string> names = {
      bundle_file::rules,    bundle_file::applications, bundle_file::reviewers,  bundle_file::reviews,
      bundle_file::outcomes, bundle_file::decisions,    bundle_file::agreements, bundle_file::payments,
      bundle_file::record,   bundle_file::minutes,      bundle_file::history};
  return names;
}

// The files whose text is read back (the others are only hashed).
const std::set<std::string>& parsed_names() {
  static const std::set<std::string> names = {bundle_file::manifest,   bundle_file::rules,    bundle_file::applications,
                                              bundle_file::reviewers,  bundle_file::reviews,  bundle_file::decisions,
                                              bundle_file::agreements, bundle_file::payments, bundle_file::record,
                                              bundle_file::history};
  return names;
}

const std::vector<std::string>& required_names() {
  static const std::vector<std::string> names = {bundle_file::rules,     bundle_file::applications,
                                                 bundle_file::reviewers, bundle_file::reviews,
                                                 bundle_file::record,    bundle_file::minutes};
  return names;
}

// The bundle's files: the texts to parse, each dropped once parsed (a national
// round's bundle is gigabytes), and their SHA-256 (hex), kept.
struct BundleFiles {
  std::map<std::string, std::string> text;
  std::map<std::string, std::string> sha;
  bool has(const std::string& name) const { return sha.count(name) > 0; }
  const std::string& at(const std::string& name) const { return text.at(name); }
  void drop(const std::string& name) {
    if (auto it = text.find(name); it != text.end()) std::string().swap(it->second);
  }
};

// docs/bundle.md: the manifest lists every file but itself with its
// hash, no other file is there, and the manifest is exactly what
// bundle_manifest writes for its content (so that no byte of it goes unchecked).
std::optional<ojson> check_manifest(const BundleFiles& files, Checker& c) {
  auto it = files.text.find(bundle_file::manifest);
  std::optional<ojson> manifest;
  if (it == files.text.end()) {
    c.problem(bundle_file::manifest, say(w_missing));
  } else {
    try {
      manifest = ojson::parse(it->second);
    } catch (const std::exception&) {
      c.problem(bundle_file::manifest, say(not_json_words));
    }
    bool shaped = manifest && manifest->is_object() && manifest->size() == 3 && manifest->contains("files") &&
                  (*manifest)["files"].is_object() && manifest->contains("fingerprint") &&
                  (*manifest)["fingerprint"].is_string() && manifest->contains("tool_version") &&
                  (*manifest)["tool_version"].is_string();
    if (shaped)
      for (const auto& h : (*manifest)["files"]) shaped = shaped && h.is_string();
    if (manifest && !shaped) {
      c.problem(bundle_file::manifest, say(w_manifest_shape));
      manifest.reset();
    }
  }

  std::set<std::string> names;
  for (const auto& [name, _] : files.sha)
    if (name != bundle_file::manifest) names.insert(name);
  if (manifest)
    for (auto h = (*manifest)["files"].begin(); h != (*manifest)["files"].end(); ++h) names.insert(h.key());
  for (const std::string& name : required_names()) names.insert(name);
  for (const std::string& name : names) {
    auto file = files.sha.find(name);
    std::optional<std::string> listed;
    if (manifest && (*manifest)["files"].contains(name)) listed = (*manifest)["files"][name].get<std::string>();
    std::optional<std::string> actual =
        file == files.sha.end() ? std::nullopt : std::optional<std::string>(file->second);
    if (!listed && !actual) {
      c.problem("files." + name, say(w_missing));
      continue;
    }
    if (manifest || !actual) c.differ(std::nullopt, "files." + name, listed, actual);
    if (actual && listed == actual && !bundle_names().count(name)) c.problem("files." + name, say(w_not_bundle_file));
  }
  if (!manifest) return std::nullopt;

  c.differ(std::nullopt, "manifest.tool_version", (*manifest)["tool_version"].get<std::string>(), tool_version());
  std::map<std::string, std::string> listed;
  for (auto h = (*manifest)["files"].begin(); h != (*manifest)["files"].end(); ++h)
    listed[h.key()] = h.value().get<std::string>();
  ojson hashes = ojson::object();
  for (const auto& [name, hash] : listed) hashes[name] = hash;
  ojson canonical = {
      {"files", hashes}, {"fingerprint", (*manifest)["fingerprint"]}, {"tool_version", (*manifest)["tool_version"]}};
  if (canonical.dump(2) + "\n" != it->second) c.problem(bundle_file::manifest, say(w_not_canonical));
  return manifest;
}

// Every entry of the directory: regular files are hashed, and read when they
// are to be parsed (the others, decision.md above all, only hashed as they are
// read in pieces); anything else does not belong.
BundleFiles read_entries(const std::string& path, BundleAudit& a, Checker& c) {
  BundleFiles files;
  std::error_code ec;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    ++a.files;
    if (it->symlink_status().type() != fs::file_type::regular) {
      c.problem("files." + name, say(w_not_regular));
    } else if (parsed_names().count(name)) {
      std::string& text = files.text[name] = read_file(it->path());
      files.sha[name] = sha256_hex(text);
    } else {
      Sha256 sha;
      read_input_pieces(it->path().string(), it->path().string(), [&](std::string_view piece) { sha.update(piece); });
      files.sha[name] = sha.hex();
    }
  }
  if (ec) throw Error(ErrorKind::io, say(cannot_read_directory_words, path, ec.message()));
  return files;
}

// decision.json as the audit holds it: a national round's record is too big
// for a tree (formats/record_scan.hpp). When its text is canonical, the tree
// holds all but the applications, which are read again from the text; else
// (a record export did not write) the whole tree. The text (100 MB at a
// million) is let go while the decision is computed again and read back after.
class StoredRecord {
 public:
  ojson tree;
  std::string text;
  bool streamed = false;  // the applications are read from `text`

  // The record's applications, in order (none unless `applications` is an array).
  void each_application(const ApplicationVisit& visit) const {
    if (streamed) {
      each_record_application(text, visit);
      return;
    }
    if (tree.is_object() && tree.contains("applications") && tree["applications"].is_array())
      for (const auto& x : tree["applications"]) visit(x);
  }
  void let_go() { std::string().swap(text); }
  // The text read again: the bytes hashed before, or Error(io).
  void read_back(const fs::path& file, const std::string& sha256) {
    text = read_file(file);
    if (sha256_hex(text) != sha256) throw Error(ErrorKind::io, say(w_changed, file.string()));
  }
};

// decision.json: the stored record, when it is JSON. Its round and fingerprint
// go to the report; its bytes must be the canonical form export writes and its
// fingerprint the manifest's.
std::optional<StoredRecord> read_record(BundleFiles& files, const std::optional<ojson>& manifest, BundleAudit& a,
                                        Checker& c) {
  auto it = files.text.find(bundle_file::record);
  if (it == files.text.end()) return std::nullopt;
  StoredRecord record;
  std::optional<std::string> canonical_sha;
  try {
    ScannedRecord scanned = scan_record(it->second);
    record.tree = std::move(scanned.rest);
    canonical_sha = std::move(scanned.canonical_file_sha256);
  } catch (const std::exception&) {
    c.problem(bundle_file::record, say(not_json_words));
    return std::nullopt;
  }
  if (canonical_sha) {
    record.streamed = true;
  } else {
    // As export writes it: the log payload (RFC 8785) and a line end.
    record.tree = ojson::parse(it->second);
    std::string canonical;
    try {
      canonical = canonical_json(record.tree) + "\n";
    } catch (const std::exception&) {
    }
    canonical_sha = sha256_hex(canonical);
  }
  const ojson& tree = record.tree;
  if (tree.is_object() && tree.contains("round") && tree["round"].is_string())
    a.round = tree["round"].get<std::string>();
  if (tree.is_object() && tree.contains("fingerprint") && tree["fingerprint"].is_string())
    a.fingerprint = tree["fingerprint"].get<std::string>();
  c.differ(std::nullopt, "canonical.decision.json", files.sha.at(bundle_file::record), *canonical_sha);
  if (manifest)
    c.differ(std::nullopt, "manifest.fingerprint", (*manifest)["fingerprint"].get<std::string>(), a.fingerprint);
  record.text = std::move(it->second);
  files.text.erase(it);
  return record;
}

// What the audit takes of reviews.csv, fed its reviews in canonical order (by
// application, then reviewer): the hash of its canonical form, the reviews
// that name an unknown application or reviewer, and the summaries scoring
// needs (conflicts of interest excluded). No review is kept.
class ReviewsAudit {
 public:
  ReviewsAudit(const Rules& rules, const std::vector<Application>& applications, const Conflicts& conflicts)
      : conflicts_(conflicts), hash_(rules), summaries_(rules, applications) {}

  void add(const Review& rv) {
    ++count_;
    if (!conflicts_.knows_application(rv.application))
      unknown_.push_back(say(w_unknown_app, rv.application, rv.reviewer));
    if (!conflicts_.knows_reviewer(rv.reviewer))
      unknown_.push_back(say(w_unknown_reviewer, rv.application, rv.reviewer));
    summaries_.add(rv.application, conflicts_.excluded(rv.application, rv.reviewer), rv.scores);
    hash_.add(rv.application, rv.reviewer, rv.scores, rv.comment);
  }

  // Once, after the last review.
  struct Result {
    std::size_t count = 0;         // reviews read
    std::string sha256;            // of canonical reviews.csv
    std::vector<Message> unknown;  // reviews naming an unknown application or reviewer
    std::vector<ReviewSummary> summaries;
    std::exception_ptr error;  // a summary's arithmetic error, raised when the round is scored
  };
  Result finish() {
    Result out{count_, hash_.hex(), std::move(unknown_), {}, nullptr};
    try {
      out.summaries = summaries_.finish();
    } catch (const std::exception&) {
      out.error = std::current_exception();
    }
    return out;
  }

 private:
  const Conflicts& conflicts_;
  std::size_t count_ = 0;
  ReviewsHash hash_;
  ReviewSummaries summaries_;
  std::vector<Message> unknown_;
};

// reviews.csv read into a ReviewsAudit with the diagnostics parse_reviews_csv
// gives. Row by row while every row's (application, reviewer) comes strictly
// after the previous row's, as export writes them (a national round's
// millions are never held); from the first row that does not (a bundle
// reordered or edited), the whole file again by parse_reviews_csv (which
// reports repeated pairs), sorted. The one difference this makes: the
// reviews naming unknown ids of such a file are listed in canonical order, not
// in file order.
ReviewsAudit::Result read_reviews(std::string_view bytes, const Rules& rules,
                                  const std::vector<Application>& applications, const Conflicts& conflicts,
                                  std::vector<Diagnostic>& errors) {
  auto before = [](const Review& x, const Review& y) {
    return std::tie(x.application, x.reviewer) < std::tie(y.application, y.reviewer);
  };
  {
    ReviewsAudit audit(rules, applications, conflicts);
    Review last;
    bool canonical = true, first = true;
    read_back_reviews(
        bytes, rules, bundle_file::reviews, errors,
        [&](RowReader& r, const Review& rv) {
          // Strictly after the previous pair, so no pair repeats. A row with
          // an invalid id goes the long way too: its pair key (application
          // \x1f reviewer) may equal another row's even so.
          canonical = r.ok && (first || before(last, rv));
          first = false;
          last.application = rv.application;
          last.reviewer = rv.reviewer;
          return canonical;
        },
        [&](Review& rv) { audit.add(rv); });
    if (canonical) return audit.finish();
  }
  std::vector<Review> reviews = parse_reviews_csv(bytes, rules, bundle_file::reviews, errors);
  std::sort(reviews.begin(), reviews.end(), before);
  ReviewsAudit audit(rules, applications, conflicts);
  for (const Review& rv : reviews) audit.add(rv);
  return audit.finish();
}

// The canonical applications.csv hashed as the file is parsed, so that each
// title can go as soon as its row is read (unless the double-funding check
// reads them, as in `allocate`): a national round's are 64 MB, and freed after
// the parse they would stay as a million holes between the rows kept. Only
// for rows in id order (as export writes them); whether the `services` column
// is there is known at the end, so both forms are hashed.
class ApplicationsAudit {
 public:
  explicit ApplicationsAudit(const Rules& rules) : without_services_(rules, false), with_services_(rules, true) {}
  void add(const Application& a) {
    if (!in_order_) return;
    if (!first_ && !(last_ < a.id)) {
      in_order_ = false;
      return;
    }
    first_ = false;
    last_ = a.id;
    services_ = services_ || !a.services.empty();
    without_services_.add(a);
    with_services_.add(a);
  }
  // The hash, or none when the rows were not in id order.
  std::optional<std::string> sha256() {
    if (!in_order_) return std::nullopt;
    return services_ ? with_services_.hex() : without_services_.hex();
  }

 private:
  ApplicationsHash without_services_, with_services_;
  bool in_order_ = true, first_ = true, services_ = false;
  std::string last_;
};

// The bundle's inputs read back (docs/rules.md's CSV forms); `readable` is false
// when any file had errors (each shown).
struct BundleInputs {
  std::vector<Application> applications;  // with their organisations (assign_organisations)
  std::string applications_sha256;        // of their canonical CSV
  std::vector<Reviewer> reviewers;
  ReviewsAudit::Result reviews;
  LoggedDecisions decisions;
  bool readable = true;
};

BundleInputs read_inputs(BundleFiles& files, const Rules& rules, Checker& c) {
  BundleInputs in;
  std::vector<Diagnostic> errors;
  auto shown = [&](const std::string& file) {
    c.diagnostics(file, errors);
    in.readable = in.readable && errors.empty();
    errors.clear();
  };
  const std::string& applications_text = files.at(bundle_file::applications);
  ApplicationsAudit hashed(rules);
  in.applications =
      parse_applications_csv(applications_text, rules, bundle_file::applications, errors, [&](Application& x) {
        hashed.add(x);
        if (!rules.double_funding) std::string().swap(x.title);
      });
  in.applications_sha256 = hashed.sha256().value_or("");
  if (in.applications_sha256.empty()) {
    // Not in id order (not as export writes it): hashed again from the text, titles and all.
    std::vector<Diagnostic> again;
    in.applications_sha256 =
        applications_sha256(rules, parse_applications_csv(applications_text, rules, bundle_file::applications, again));
  }
  files.drop(bundle_file::applications);
  shown(bundle_file::applications);
  in.reviewers = parse_reviewers_csv(files.at(bundle_file::reviewers), bundle_file::reviewers, errors);
  shown(bundle_file::reviewers);
  // What the store would add: organisations and conflicts of interest.
  assign_organisations(in.applications);
  in.reviews = read_reviews(files.at(bundle_file::reviews), rules, in.applications,
                            Conflicts(in.applications, in.reviewers), errors);
  files.drop(bundle_file::reviews);
  shown(bundle_file::reviews);
  if (auto it = files.text.find(bundle_file::decisions); it != files.text.end()) {
    std::vector<CommissionDecision> list = parse_decisions_csv(it->second, bundle_file::decisions, errors);
    if (errors.empty()) {
      c.differ(std::nullopt, "canonical.decisions.csv", files.sha.at(bundle_file::decisions),
               sha256_hex(decisions_csv(list)));
      in.decisions = decisions_standing(list);
    }
    shown(bundle_file::decisions);
  }
  return in;
}

// The inputs as they are must be the canonical CSV export writes (the record
// hashes that form), and every review must name a known application and reviewer.
void check_inputs(const BundleFiles& files, const Rules& rules, const BundleInputs& in, Checker& c) {
  c.differ(std::nullopt, "canonical.applications.csv", files.sha.at(bundle_file::applications), in.applications_sha256);
  c.differ(std::nullopt, "canonical.reviewers.csv", files.sha.at(bundle_file::reviewers),
           sha256_hex(canonical_reviewers_csv(in.reviewers)));
  c.differ(std::nullopt, "canonical.reviews.csv", files.sha.at(bundle_file::reviews), in.reviews.sha256);
  if (rules.source == ScoreSource::votes && in.reviews.count > 0) c.problem(bundle_file::reviews, say(w_votes_reviews));
  for (const Message& m : in.reviews.unknown) c.problem(bundle_file::reviews, m);
}

// The decision computed again from the inputs against the stored record, and
// decision.md against the record rendered again.
void check_decision(const BundleFiles& files, StoredRecord& record, const Rules& rules, BundleInputs& in,
                    BundleAudit& a, Checker& c, const std::optional<CheckFacts>& facts) {
  Decision decision;
  try {
    if (in.reviews.error) std::rethrow_exception(in.reviews.error);
    ScoreResult scores =
        score_summarised(rules, in.applications, std::move(in.reviews.summaries), {}, facts.value_or(CheckFacts{}));
    // year.md §5: the flags the bundle's facts give, named for the auditor (the record holds none).
    const CrossYearView checks = cross_year_view(rules, in.applications, scores);
    a.checks_cut_off = checks.cut_off;
    for (const auto& [application, flags] : checks.flags)
      for (const std::string& flag : flags) a.flags.push_back({application, flag});
    // The criteria go before the allocation, as the summaries did.
    drop_criteria_unless_ordered(scores, in.decisions.applied);
    release_free_memory();
    decision = decide(rules, in.applications, scores, in.decisions.applied).decision;
  } catch (const std::exception& e) {
    c.problem("allocation", error_message(e));
    return;
  }
  ojson inputs = {{bundle_file::applications, files.sha.at(bundle_file::applications)},
                  {bundle_file::reviewers, files.sha.at(bundle_file::reviewers)},
                  {bundle_file::reviews, files.sha.at(bundle_file::reviews)}};
  if (facts) inputs[bundle_file::history] = files.sha.at(bundle_file::history);
  {
    // As text first (export writes the record's canonical text and a line
    // end): only when they differ are both compared member by member.
    SignedRecord computed =
        signed_decision_record(rules.id, files.sha.at(bundle_file::rules), inputs, in.decisions.record, decision);
    decision = Decision();
    computed.canonical += "\n";
    release_free_memory();
    record.read_back(fs::path(a.path) / bundle_file::record, files.sha.at(bundle_file::record));
    if (sha256_hex(computed.canonical) != files.sha.at(bundle_file::record)) {
      computed.canonical.pop_back();
      compare_records(ojson::parse(record.text), ojson::parse(computed.canonical), a.differences);
    }
  }

  // decision.md: decision.json for people, in either language; compared by
  // hash, one rendering at a time, each hashed as it is written.
  if (auto it = files.sha.find(bundle_file::minutes); it != files.sha.end()) {
    auto rendered_sha = [&](Lang lang) {
      Sha256 sha;
      write_decision_md(
          rules, in.applications, record.tree, [&](const ApplicationVisit& visit) { record.each_application(visit); },
          lang, [&](std::string_view piece) { sha.update(piece); });
      return sha.hex();
    };
    if (it->second != rendered_sha(Lang::uk) && it->second != rendered_sha(Lang::en))
      c.problem(bundle_file::minutes, say(w_minutes));
  }
}

// docs/audit.md "Agreements and payments": agreements.csv and payments.csv,
// when there, read back, in canonical form, and within the rules of
// docs/formats.md against the awards of decision.json.
void check_money(const BundleFiles& files, const StoredRecord& record, Checker& c, BundleAudit& a) {
  auto agreements_file = files.text.find(bundle_file::agreements);
  auto payments_file = files.text.find(bundle_file::payments);
  if (agreements_file == files.text.end() && payments_file == files.text.end()) return;
  std::vector<Diagnostic> errors;
  std::vector<Agreement> agreements;
  std::vector<Payment> payments;
  if (agreements_file != files.text.end()) {
    AgreementRowParser parser;
    read_back_rows(agreements_file->second, bundle_file::agreements, agreement_columns, errors, [&](RowReader& r) {
      AgreementRow row = parser.parse(r);
      if (!row.amount) r.error(3, say(w_amount_empty));
      row.agreement.amount = row.amount.value_or(Money());
      if (r.ok) agreements.push_back(std::move(row.agreement));
    });
    c.diagnostics(bundle_file::agreements, errors);
    if (!errors.empty()) return;
    c.differ(std::nullopt, "canonical.agreements.csv", files.sha.at(bundle_file::agreements),
             sha256_hex(canonical_agreements_csv(agreements)));
  }
  if (payments_file != files.text.end()) {
    PaymentRowParser parser;
    read_back_rows(payments_file->second, bundle_file::payments, payment_columns, errors, [&](RowReader& r) {
      Payment p = parser.parse(r);
      if (r.ok) payments.push_back(std::move(p));
    });
    c.diagnostics(bundle_file::payments, errors);
    if (!errors.empty()) return;
    c.differ(std::nullopt, "canonical.payments.csv", files.sha.at(bundle_file::payments),
             sha256_hex(canonical_payments_csv(payments)));
  }
  std::map<std::string, Money> awards;
  record.each_application([&](const ojson& x) {
    if (x.is_object() && x.contains("id") && x["id"].is_string() && x.contains("award") && x["award"].is_string())
      if (auto award = Money::parse(x["award"].get<std::string>()); award && *award > Money())
        awards.emplace(x["id"].get<std::string>(), *award);
  });
  compare_money(awards, agreements, payments, a.differences);
}

// year.md §5: history.json, when there, read back and in canonical form; the
// rules' [checks] on earlier rounds cannot be recomputed without it.
std::optional<CheckFacts> read_history(const BundleFiles& files, const Rules& rules, Checker& c, bool& readable) {
  auto it = files.text.find(bundle_file::history);
  if (it == files.text.end()) {
    if (rules.checks_history()) {
      c.problem(bundle_file::history, say(w_no_history));
      readable = false;
    }
    return std::nullopt;
  }
  try {
    CheckFacts facts = parse_history_json(it->second, bundle_file::history);
    c.differ(std::nullopt, "canonical.history.json", files.sha.at(bundle_file::history),
             sha256_hex(history_json(facts)));
    return facts;
  } catch (const Error& e) {
    c.problem(bundle_file::history, error_message(e));
    readable = false;
    return std::nullopt;
  }
}

}  // namespace

// docs/cli.md "audit bundle".
BundleAudit audit_bundle(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) throw Error(ErrorKind::io, say(w_no_bundle, path, std::strerror(errno)));
  if (!S_ISDIR(st.st_mode)) throw Error(ErrorKind::invalid, say(w_not_dir, path));
  BundleAudit a;
  a.path = path;
  Checker c(a);
  BundleFiles files = read_entries(path, a, c);
  for (const char* name : {bundle_file::agreements, bundle_file::outcomes, bundle_file::payments})
    if (files.has(name)) a.manifest_only.emplace_back(name);
  std::optional<ojson> manifest = check_manifest(files, c);
  std::optional<StoredRecord> record = read_record(files, manifest, a, c);
  // Only their hashes are wanted from here on.
  files.drop(bundle_file::manifest);

  // The full recomputation needs the rules, the three inputs and the record.
  for (const char* name : {bundle_file::rules, bundle_file::applications, bundle_file::reviewers, bundle_file::reviews})
    if (!files.has(name)) return a;
  if (!record) return a;
  Rules rules;
  try {
    rules = load_rules(files.at(bundle_file::rules), bundle_file::rules);
  } catch (const Error& e) {
    if (e.diagnostics().empty())
      c.problem(bundle_file::rules, error_message(e));
    else
      c.diagnostics(bundle_file::rules, e.diagnostics());
    return a;
  }
  if (!a.round) a.round = rules.id;
  a.currency = rules.currency;

  check_money(files, *record, c, a);
  record->let_go();  // read back once the decision is computed again
  BundleInputs in = read_inputs(files, rules, c);
  std::optional<CheckFacts> facts = read_history(files, rules, c, in.readable);
  for (const auto& [name, _] : files.sha) files.drop(name);
  if (!in.readable) return a;
  check_inputs(files, rules, in, c);
  check_decision(files, *record, rules, in, a, c, facts);
  return a;
}

}  // namespace competition
