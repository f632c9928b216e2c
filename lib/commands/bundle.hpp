// `competition export bundle PATH` (docs/bundle.md): a directory with
// everything an auditor needs to re-check one round without the database —
// the rules as stored, the inputs as canonical CSV, the commission decisions,
// the decision record and its Markdown form, and a manifest of SHA-256 hashes.
// build_bundle gathers the files from the store; write_bundle puts them in
// place atomically (a temporary directory renamed to PATH).
#pragma once
#include <map>
#include <optional>
#include <string>

#include "store/store.hpp"
#include "values/lang.hpp"

namespace competition {

// The file names of a bundle (docs/cli.md), all directly in PATH.
namespace bundle_file {
inline constexpr const char* rules = "rules.toml";
inline constexpr const char* applications = "applications.csv";
inline constexpr const char* reviewers = "reviewers.csv";
inline constexpr const char* reviews = "reviews.csv";
inline constexpr const char* outcomes = "outcomes.csv";      // when there are outcomes
inline constexpr const char* decisions = "decisions.csv";    // when the commission recorded decisions
inline constexpr const char* agreements = "agreements.csv";  // when the round has agreements
inline constexpr const char* payments = "payments.csv";      // when the round has payments
inline constexpr const char* history = "history.json";       // when the rules' [checks] read earlier rounds
inline constexpr const char* record = "decision.json";
inline constexpr const char* minutes = "decision.md";
inline constexpr const char* manifest = "manifest.json";
}  // namespace bundle_file

// The version written to the manifest and required by `audit bundle`.
[[nodiscard]] std::string tool_version();

struct Bundle {
  std::string round;
  std::string fingerprint;                   // of the exported decision
  std::map<std::string, std::string> files;  // name -> bytes, manifest.json included
};

// docs/bundle.md: the round's latest allocation (the decision record of
// its last `allocate` log entry), the stored rules text byte for byte, the
// stored inputs as canonical CSV, decisions.csv with the decision entries
// logged before that allocation (when there are any), outcomes.csv (when there
// are outcomes), decision.md in the language asked, and the manifest.
// Error(conflict) when the round is not allocated.
[[nodiscard]] Bundle build_bundle(Store& store, const std::optional<std::string>& round_id, Lang lang);

// manifest.json: {"files": {name: sha256 hex, … (sorted by name)}, "fingerprint",
// "tool_version"}, two-space indented, ending in a newline; it does not list itself.
[[nodiscard]] std::string bundle_manifest(const std::map<std::string, std::string>& files,
                                          const std::string& fingerprint, const std::string& version);

// Writes the files into a new directory PATH: into a temporary directory next
// to it first, each file synced, then renamed into place, so that PATH holds
// the whole bundle or nothing. PATH may be an empty directory (it is replaced);
// an existing non-empty directory or any other file at PATH is Error(conflict)
// (exit 3) and nothing is written. Other failures are Error(io).
void write_bundle(const Bundle& bundle, const std::string& path);

}  // namespace competition
