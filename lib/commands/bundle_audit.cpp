#include "commands/bundle_audit.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "base/canonical_json.hpp"
#include "base/sha256.hpp"
#include "commands/bundle.hpp"
#include "commands/importer.hpp"
#include "engine/audit_decisions.hpp"
#include "engine/decide.hpp"
#include "engine/decision_record.hpp"
#include "engine/scoring.hpp"
#include "formats/bundle_inputs.hpp"
#include "formats/canonical_csv.hpp"
#include "formats/decisions_csv.hpp"
#include "render/render_decision_md.hpp"
#include "values/rules.hpp"

namespace competition {

namespace {

using ojson = nlohmann::ordered_json;
namespace fs = std::filesystem;

// Diagnostics of one file shown per bundle: enough to see what is wrong.
constexpr std::size_t shown_errors = 10;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw Error(ErrorKind::io, fmt::format("{}: cannot open the file: {}", p.string(), std::strerror(errno)));
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error(ErrorKind::io, fmt::format("{}: cannot read the file", p.string()));
  return data;
}

class Checker {
 public:
  explicit Checker(BundleAudit& a) : a_(a) {}

  void differ(const std::optional<std::string>& app, const std::string& field, const std::optional<std::string>& stored,
              const std::optional<std::string>& computed) {
    note_difference(a_.differences, app, field, stored, computed);
  }
  // Something that could not be read or does not belong: the field and what is wrong.
  void problem(const std::string& field, const std::string& what) {
    a_.differences.push_back({std::nullopt, field, what, std::nullopt, true});
  }
  void diagnostics(const std::string& file, const std::vector<Diagnostic>& errors) {
    for (std::size_t i = 0; i < errors.size() && i < shown_errors; ++i) problem(file, errors[i].to_string());
    if (errors.size() > shown_errors) problem(file, fmt::format("… and {} more", errors.size() - shown_errors));
  }

 private:
  BundleAudit& a_;
};

const std::set<std::string>& bundle_names() {
  static const std::set<std::string> names = {bundle_file::rules,   bundle_file::applications, bundle_file::reviewers,
                                              bundle_file::reviews, bundle_file::outcomes,     bundle_file::decisions,
                                              bundle_file::record,  bundle_file::minutes};
  return names;
}

const std::vector<std::string>& required_names() {
  static const std::vector<std::string> names = {bundle_file::rules,     bundle_file::applications,
                                                 bundle_file::reviewers, bundle_file::reviews,
                                                 bundle_file::record,    bundle_file::minutes};
  return names;
}

// cli.md "export bundle": the manifest lists every file but itself with its
// hash, no other file is there, and the manifest is exactly what
// bundle_manifest writes for its content (so that no byte of it goes unchecked).
std::optional<ojson> check_manifest(const std::map<std::string, std::string>& files, Checker& c) {
  auto it = files.find(bundle_file::manifest);
  std::optional<ojson> manifest;
  if (it == files.end()) {
    c.problem(bundle_file::manifest, "missing");
  } else {
    try {
      manifest = ojson::parse(it->second);
    } catch (const std::exception&) {
      c.problem(bundle_file::manifest, "not JSON");
    }
    bool shaped = manifest && manifest->is_object() && manifest->size() == 3 && manifest->contains("files") &&
                  (*manifest)["files"].is_object() && manifest->contains("fingerprint") &&
                  (*manifest)["fingerprint"].is_string() && manifest->contains("tool_version") &&
                  (*manifest)["tool_version"].is_string();
    if (shaped)
      for (const auto& h : (*manifest)["files"]) shaped = shaped && h.is_string();
    if (manifest && !shaped) {
      c.problem(bundle_file::manifest,
                "not of the form {\"files\": {name: sha256}, \"fingerprint\", \"tool_version\"}");
      manifest.reset();
    }
  }

  std::set<std::string> names;
  for (const auto& [name, _] : files)
    if (name != bundle_file::manifest) names.insert(name);
  if (manifest)
    for (auto h = (*manifest)["files"].begin(); h != (*manifest)["files"].end(); ++h) names.insert(h.key());
  for (const std::string& name : required_names()) names.insert(name);
  for (const std::string& name : names) {
    auto file = files.find(name);
    std::optional<std::string> listed;
    if (manifest && (*manifest)["files"].contains(name)) listed = (*manifest)["files"][name].get<std::string>();
    std::optional<std::string> actual =
        file == files.end() ? std::nullopt : std::optional<std::string>(sha256_hex(file->second));
    if (!listed && !actual) {
      c.problem("files." + name, "missing");
      continue;
    }
    if (manifest || !actual) c.differ(std::nullopt, "files." + name, listed, actual);
    if (actual && listed == actual && !bundle_names().count(name)) c.problem("files." + name, "not a file of a bundle");
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
  if (canonical.dump(2) + "\n" != it->second)
    c.problem(bundle_file::manifest, "not written as competition writes it (order, spacing or escapes changed)");
  return manifest;
}

}  // namespace

// cli.md "audit bundle".
BundleAudit audit_bundle(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw Error(ErrorKind::io, fmt::format("{}: no bundle here: {}", path, std::strerror(errno)));
  if (!S_ISDIR(st.st_mode))
    throw Error(ErrorKind::invalid,
                fmt::format("{}: not a directory (give the directory `export bundle` wrote)", path));
  BundleAudit a;
  a.path = path;
  Checker c(a);

  // Every entry of the directory: regular files are read, anything else does not belong.
  std::map<std::string, std::string> files;
  std::error_code ec;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    ++a.files;
    if (it->symlink_status().type() == fs::file_type::regular)
      files[name] = read_file(it->path());
    else
      c.problem("files." + name, "not a regular file (a bundle holds plain files only)");
  }
  if (ec) throw Error(ErrorKind::io, fmt::format("{}: cannot read the directory: {}", path, ec.message()));

  std::optional<ojson> manifest = check_manifest(files, c);

  // decision.json: the stored record.
  std::optional<ojson> record;
  if (auto it = files.find(bundle_file::record); it != files.end()) {
    try {
      record = ojson::parse(it->second);
    } catch (const std::exception&) {
      c.problem(bundle_file::record, "not JSON");
    }
    if (record) {
      if (record->is_object() && record->contains("round") && (*record)["round"].is_string())
        a.round = (*record)["round"].get<std::string>();
      if (record->is_object() && record->contains("fingerprint") && (*record)["fingerprint"].is_string())
        a.fingerprint = (*record)["fingerprint"].get<std::string>();
      // As export writes it: the log payload (RFC 8785) and a line end.
      std::string canonical;
      try {
        canonical = canonical_json(*record) + "\n";
      } catch (const std::exception&) {
      }
      c.differ(std::nullopt, "canonical.decision.json", sha256_hex(it->second), sha256_hex(canonical));
      if (manifest)
        c.differ(std::nullopt, "manifest.fingerprint", (*manifest)["fingerprint"].get<std::string>(), a.fingerprint);
    }
  }

  // The full recomputation needs the rules, the three inputs and the record.
  for (const char* name : {bundle_file::rules, bundle_file::applications, bundle_file::reviewers, bundle_file::reviews})
    if (!files.count(name)) return a;
  if (!record) return a;
  const std::string& rules_text = files[bundle_file::rules];
  Rules rules;
  try {
    rules = load_rules(rules_text, bundle_file::rules);
  } catch (const Error& e) {
    if (e.diagnostics().empty())
      c.problem(bundle_file::rules, e.what());
    else
      c.diagnostics(bundle_file::rules, e.diagnostics());
    return a;
  }
  if (!a.round) a.round = rules.id;

  std::vector<Diagnostic> errors;
  std::vector<Application> applications =
      parse_applications_csv(files[bundle_file::applications], rules, bundle_file::applications, errors);
  c.diagnostics(bundle_file::applications, errors);
  bool readable = errors.empty();
  errors.clear();
  std::vector<Reviewer> reviewers = parse_reviewers_csv(files[bundle_file::reviewers], bundle_file::reviewers, errors);
  c.diagnostics(bundle_file::reviewers, errors);
  readable = readable && errors.empty();
  errors.clear();
  std::vector<Review> reviews = parse_reviews_csv(files[bundle_file::reviews], rules, bundle_file::reviews, errors);
  c.diagnostics(bundle_file::reviews, errors);
  readable = readable && errors.empty();
  errors.clear();
  LoggedDecisions decisions;
  if (auto it = files.find(bundle_file::decisions); it != files.end()) {
    std::vector<CommissionDecision> list = parse_decisions_csv(it->second, bundle_file::decisions, errors);
    c.diagnostics(bundle_file::decisions, errors);
    readable = readable && errors.empty();
    if (errors.empty()) {
      c.differ(std::nullopt, "canonical.decisions.csv", sha256_hex(it->second), sha256_hex(decisions_csv(list)));
      decisions = decisions_standing(list);
    }
  }
  if (!readable) return a;

  // The inputs as they are must be the canonical CSV export writes (the record hashes that form).
  c.differ(std::nullopt, "canonical.applications.csv", sha256_hex(files[bundle_file::applications]),
           sha256_hex(canonical_applications_csv(rules, applications)));
  c.differ(std::nullopt, "canonical.reviewers.csv", sha256_hex(files[bundle_file::reviewers]),
           sha256_hex(canonical_reviewers_csv(reviewers)));
  c.differ(std::nullopt, "canonical.reviews.csv", sha256_hex(files[bundle_file::reviews]),
           sha256_hex(canonical_reviews_csv(rules, reviews)));
  if (rules.source == ScoreSource::votes && !reviews.empty())
    c.problem(bundle_file::reviews, "a round ranked by votes takes no reviews");
  {
    std::set<std::string> app_ids, reviewer_ids;
    for (const auto& x : applications) app_ids.insert(x.id);
    for (const auto& x : reviewers) reviewer_ids.insert(x.id);
    for (const auto& rv : reviews) {
      if (!app_ids.count(rv.application))
        c.problem(bundle_file::reviews,
                  fmt::format("the review of {} by {} names an unknown application", rv.application, rv.reviewer));
      if (!reviewer_ids.count(rv.reviewer))
        c.problem(bundle_file::reviews,
                  fmt::format("the review of {} by {} names an unknown reviewer", rv.application, rv.reviewer));
    }
  }

  // What the store would add: organisations and conflicts of interest.
  assign_organisations(applications);
  mark_conflicts(applications, reviewers, reviews);

  Decision decision;
  try {
    decision = decide(rules, applications, score_round(rules, applications, reviews), decisions.applied).decision;
  } catch (const std::exception& e) {
    c.problem("allocation", e.what());
    return a;
  }
  ojson inputs = {{bundle_file::applications, sha256_hex(files[bundle_file::applications])},
                  {bundle_file::reviewers, sha256_hex(files[bundle_file::reviewers])},
                  {bundle_file::reviews, sha256_hex(files[bundle_file::reviews])}};
  ojson computed =
      with_fingerprint(decision_record(rules.id, sha256_hex(rules_text), inputs, decisions.record, decision));
  compare_records(*record, computed, a.differences);

  // decision.md: decision.json for people, in either language.
  if (auto it = files.find(bundle_file::minutes); it != files.end()) {
    if (it->second != render_decision_md(rules, applications, *record, false) &&
        it->second != render_decision_md(rules, applications, *record, true))
      c.problem(bundle_file::minutes, "does not say what decision.json says (rendered again in uk and en)");
  }
  return a;
}

}  // namespace competition
