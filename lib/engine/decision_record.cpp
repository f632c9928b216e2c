#include "engine/decision_record.hpp"

#include "base/canonical_json.hpp"
#include "base/sha256.hpp"
#include "formats/canonical_csv.hpp"
#include "formats/history_json.hpp"

namespace competition {

// docs/cli.md "allocate" JSON, "lots".
nlohmann::ordered_json lots_json(const Decision& d) {
  nlohmann::ordered_json lots = nlohmann::ordered_json::array();
  for (const LotAllocation& l : d.lots)
    lots.push_back({{"id", l.id}, {"budget", l.amount.to_string()}, {"awarded", l.awarded.to_string()}});
  return lots;
}

// docs/cli.md "allocate" JSON, "applications".
nlohmann::ordered_json applications_json(const Decision& d) {
  nlohmann::ordered_json apps = nlohmann::ordered_json::array();
  for (const AllocationLine& a : d.applications) {
    nlohmann::ordered_json j;
    j["id"] = a.id;
    j["rank"] = a.rank ? nlohmann::ordered_json(*a.rank) : nlohmann::ordered_json(nullptr);
    j["status"] = std::string(to_string(a.status));
    j["award"] = a.award.to_string();
    j["lot"] = a.lot ? nlohmann::ordered_json(*a.lot) : nlohmann::ordered_json(nullptr);
    if (!a.reasons.empty()) j["reasons"] = a.reasons.to_vector();
    apps.push_back(std::move(j));
  }
  return apps;
}

// docs/bundle.md "The decision record", `inputs`.
nlohmann::ordered_json input_hashes(const Rules& rules, const std::vector<Application>& applications,
                                    const std::vector<Reviewer>& reviewers, const std::vector<Review>& reviews) {
  return input_hashes_with(applications_sha256(rules, applications), reviewers, reviews_sha256(rules, reviews));
}

nlohmann::ordered_json input_hashes_with(const std::string& applications_sha256, const std::vector<Reviewer>& reviewers,
                                         const std::string& reviews_sha256) {
  return {{"applications.csv", applications_sha256},
          {"reviewers.csv", sha256_hex(canonical_reviewers_csv(reviewers))},
          {"reviews.csv", reviews_sha256}};
}

// docs/bundle.md "history.json".
nlohmann::ordered_json with_history(nlohmann::ordered_json inputs, const std::optional<CheckFacts>& facts) {
  if (facts) inputs["history.json"] = sha256_hex(history_json(*facts));
  return inputs;
}

// Hashed as written: a national round's applications.csv is 100s of megabytes.
std::string applications_sha256(const Rules& rules, const std::vector<Application>& applications) {
  Sha256 sha;
  write_canonical_applications_csv(rules, applications, [&](std::string_view piece) { sha.update(piece); });
  return sha.hex();
}

std::string reviews_sha256(const Rules& rules, const std::vector<Review>& reviews) {
  Sha256 sha;
  write_canonical_reviews_csv(rules, reviews, [&](std::string_view piece) { sha.update(piece); });
  return sha.hex();
}

ApplicationsHash::ApplicationsHash(const Rules& rules, bool services)
    : csv_(rules, services, [this](std::string_view piece) { sha_.update(piece); }) {}

std::string ApplicationsHash::hex() {
  csv_.finish();
  return sha_.hex();
}

ReviewsHash::ReviewsHash(const Rules& rules) : csv_(rules, [this](std::string_view piece) { sha_.update(piece); }) {}

std::string ReviewsHash::hex() {
  csv_.finish();
  return sha_.hex();
}

namespace {

// The record in its two canonical pieces: `head` from `{` to the end of
// `decisions`, `tail` from `,"inputs"` to the closing `}`; a fingerprint
// member goes between them. RFC 8785 order (every name is ASCII, so bytes
// order them): applications, awarded, budget, decisions, [fingerprint],
// inputs, leftover, lots, round, rules_sha256; an application's members award,
// id, lot, rank, reasons (only when there are any), status; a lot's awarded,
// budget, id. The same bytes as canonical_json of the tree applications_json
// and lots_json make (tests/unit/test_decision_record.cpp).
struct RecordPieces {
  std::string head, tail;
};

RecordPieces record_pieces(const std::string& round, const std::string& rules_sha256,
                           const nlohmann::ordered_json& inputs, const nlohmann::ordered_json& decisions,
                           const Decision& d) {
  RecordPieces p;
  std::string& h = p.head;
  // A line is 85–105 bytes: one allocation (pages reserved and never written are not resident).
  h.reserve(d.applications.size() * 128 + 1024);
  h += "{\"applications\":[";
  bool first = true;
  for (const AllocationLine& a : d.applications) {
    h += first ? "{\"award\":" : ",{\"award\":";
    first = false;
    append_canonical_string(h, a.award.to_string());
    h += ",\"id\":";
    append_canonical_string(h, a.id);
    h += ",\"lot\":";
    if (a.lot)
      append_canonical_string(h, *a.lot);
    else
      h += "null";
    h += ",\"rank\":";
    if (a.rank)
      h += std::to_string(*a.rank);
    else
      h += "null";
    if (!a.reasons.empty()) {
      h += ",\"reasons\":[";
      bool first_reason = true;
      for (std::string_view r : a.reasons) {
        if (!first_reason) h += ',';
        first_reason = false;
        append_canonical_string(h, r);
      }
      h += ']';
    }
    h += ",\"status\":";
    append_canonical_string(h, to_string(a.status));
    h += '}';
  }
  h += "],\"awarded\":";
  append_canonical_string(h, d.awarded.to_string());
  h += ",\"budget\":";
  append_canonical_string(h, d.budget.to_string());
  h += ",\"decisions\":";
  append_canonical_json(h, decisions.is_null() ? nlohmann::ordered_json::array() : decisions);

  std::string& t = p.tail;
  t += ",\"inputs\":";
  append_canonical_json(t, inputs);
  t += ",\"leftover\":";
  append_canonical_string(t, d.leftover.to_string());
  t += ",\"lots\":[";
  for (std::size_t i = 0; i < d.lots.size(); ++i) {
    const LotAllocation& l = d.lots[i];
    t += i ? ",{\"awarded\":" : "{\"awarded\":";
    append_canonical_string(t, l.awarded.to_string());
    t += ",\"budget\":";
    append_canonical_string(t, l.amount.to_string());
    t += ",\"id\":";
    append_canonical_string(t, l.id);
    t += '}';
  }
  t += "],\"round\":";
  append_canonical_string(t, round);
  t += ",\"rules_sha256\":";
  append_canonical_string(t, rules_sha256);
  t += '}';
  return p;
}

}  // namespace

// docs/bundle.md "The decision record".
nlohmann::ordered_json decision_record(const std::string& round, const std::string& rules_sha256,
                                       const nlohmann::ordered_json& inputs, const nlohmann::ordered_json& decisions,
                                       const Decision& d) {
  RecordPieces p = record_pieces(round, rules_sha256, inputs, decisions, d);
  p.head += p.tail;
  return nlohmann::ordered_json::parse(p.head);
}

SignedRecord signed_decision_record(const std::string& round, const std::string& rules_sha256,
                                    const nlohmann::ordered_json& inputs, const nlohmann::ordered_json& decisions,
                                    const Decision& d) {
  RecordPieces p = record_pieces(round, rules_sha256, inputs, decisions, d);
  Sha256 sha;
  sha.update(p.head);
  sha.update(p.tail);
  SignedRecord r;
  r.fingerprint = "sha256:" + sha.hex();
  r.canonical = std::move(p.head);
  r.canonical += ",\"fingerprint\":";
  append_canonical_string(r.canonical, r.fingerprint);
  r.canonical += p.tail;
  return r;
}

// docs/bundle.md "The fingerprint": over the record without `fingerprint`.
std::string fingerprint_of(const nlohmann::ordered_json& record) {
  // Copied only to drop a fingerprint it has: a new record (100 000 applications
  // at national scale) is hashed as it is.
  if (!record.is_object() || !record.contains("fingerprint")) return "sha256:" + sha256_hex(canonical_json(record));
  nlohmann::ordered_json bare = record;
  bare.erase("fingerprint");
  return "sha256:" + sha256_hex(canonical_json(bare));
}

nlohmann::ordered_json with_fingerprint(nlohmann::ordered_json record) {
  std::string fp = fingerprint_of(record);
  record["fingerprint"] = fp;
  return record;
}

}  // namespace competition
