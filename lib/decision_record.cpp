#include "decision_record.hpp"

#include "canonical_csv.hpp"
#include "canonical_json.hpp"
#include "sha256.hpp"

namespace competition {

// cli.md `allocate` JSON, "lots".
nlohmann::ordered_json lots_json(const Decision& d) {
  nlohmann::ordered_json lots = nlohmann::ordered_json::array();
  for (const LotAllocation& l : d.lots)
    lots.push_back({{"id", l.id}, {"budget", l.amount.to_string()}, {"awarded", l.awarded.to_string()}});
  return lots;
}

// cli.md `allocate` JSON, "applications".
nlohmann::ordered_json applications_json(const Decision& d) {
  nlohmann::ordered_json apps = nlohmann::ordered_json::array();
  for (const AllocationLine& a : d.applications) {
    nlohmann::ordered_json j;
    j["id"] = a.id;
    j["rank"] = a.rank ? nlohmann::ordered_json(*a.rank) : nlohmann::ordered_json(nullptr);
    j["status"] = std::string(to_string(a.status));
    j["award"] = a.award.to_string();
    j["lot"] = a.lot ? nlohmann::ordered_json(*a.lot) : nlohmann::ordered_json(nullptr);
    if (!a.reasons.empty()) j["reasons"] = a.reasons;
    apps.push_back(std::move(j));
  }
  return apps;
}

// cli.md "The decision record", `inputs`.
nlohmann::ordered_json input_hashes(const Rules& rules, const std::vector<Application>& applications,
                                    const std::vector<Reviewer>& reviewers, const std::vector<Review>& reviews) {
  return input_hashes_with(rules, applications, reviewers, sha256_hex(canonical_reviews_csv(rules, reviews)));
}

nlohmann::ordered_json input_hashes_with(const Rules& rules, const std::vector<Application>& applications,
                                         const std::vector<Reviewer>& reviewers, const std::string& reviews_sha256) {
  // Hashed as written: a national round's applications.csv is 100s of megabytes.
  Sha256 apps;
  write_canonical_applications_csv(rules, applications, [&](std::string_view piece) { apps.update(piece); });
  return {{"applications.csv", apps.hex()},
          {"reviewers.csv", sha256_hex(canonical_reviewers_csv(reviewers))},
          {"reviews.csv", reviews_sha256}};
}

ReviewsHash::ReviewsHash(const Rules& rules) : csv_(rules, [this](std::string_view piece) { sha_.update(piece); }) {}

std::string ReviewsHash::hex() {
  csv_.finish();
  return sha_.hex();
}

// cli.md "The decision record".
nlohmann::ordered_json decision_record(const std::string& round, const std::string& rules_sha256,
                                       const nlohmann::ordered_json& inputs, const nlohmann::ordered_json& decisions,
                                       const Decision& d) {
  nlohmann::ordered_json r;
  r["round"] = round;
  r["rules_sha256"] = rules_sha256;
  r["inputs"] = inputs;
  r["decisions"] = decisions.is_null() ? nlohmann::ordered_json::array() : decisions;
  r["budget"] = d.budget.to_string();
  r["awarded"] = d.awarded.to_string();
  r["leftover"] = d.leftover.to_string();
  r["lots"] = lots_json(d);
  r["applications"] = applications_json(d);
  return r;
}

// cli.md: the fingerprint is over the record without `fingerprint`.
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
