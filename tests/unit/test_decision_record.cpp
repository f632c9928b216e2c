// The decision record of docs/cli.md and its fingerprint: members, the allocate
// JSON's lots and applications, and `sha256:` over the canonical JSON without
// the fingerprint member.
#include <doctest/doctest.h>

#include <string>

#include "base/canonical_json.hpp"
#include "base/sha256.hpp"
#include "engine/decision_record.hpp"

using namespace competition;

namespace {

Decision small_decision() {
  Decision d;
  d.round = "r-1";
  d.budget = Money::from_hryvnias(100);
  d.awarded = Money::from_hryvnias(60);
  d.leftover = Money::from_hryvnias(40);
  d.lots = {{"main", Money::from_hryvnias(100), Money::from_hryvnias(60)}};
  AllocationLine a{"A", 1, AwardStatus::funded, Money::from_hryvnias(60), std::string("main"), {}};
  AllocationLine b{"B", 2, AwardStatus::reserve, Money{}, std::nullopt, {"budget_exhausted"}};
  AllocationLine c{"C", std::nullopt, AwardStatus::rejected, Money{}, std::nullopt, {"total_below_pass"}};
  d.applications = {a, b, c};
  return d;
}

// small_decision's record (round r-1, rules ff, inputs aa/bb/cc, no decisions)
// as RFC 8785 text, in two pieces: where a `fingerprint` member would go.
const std::string small_record_head =
    R"({"applications":[{"award":"60.00","id":"A","lot":"main","rank":1,"status":"funded"},)"
    R"({"award":"0.00","id":"B","lot":null,"rank":2,"reasons":["budget_exhausted"],"status":"reserve"},)"
    R"({"award":"0.00","id":"C","lot":null,"rank":null,"reasons":["total_below_pass"],"status":"rejected"}],)"
    R"("awarded":"60.00","budget":"100.00","decisions":[])";
const std::string small_record_tail =
    R"(,"inputs":{"applications.csv":"aa","reviewers.csv":"bb","reviews.csv":"cc"},"leftover":"40.00",)"
    R"("lots":[{"awarded":"60.00","budget":"100.00","id":"main"}],"round":"r-1","rules_sha256":"ff"})";

}  // namespace

TEST_CASE("decision record: members and canonical bytes") {
  nlohmann::ordered_json inputs = {{"applications.csv", "aa"}, {"reviewers.csv", "bb"}, {"reviews.csv", "cc"}};
  auto record = decision_record("r-1", "ff", inputs, nlohmann::ordered_json::array(), small_decision());
  const std::string expected = small_record_head + small_record_tail;
  CHECK(canonical_json(record) == expected);
  CHECK(fingerprint_of(record) == "sha256:" + sha256_hex(expected));
  auto signed_record = with_fingerprint(record);
  CHECK(signed_record["fingerprint"] == "sha256:" + sha256_hex(expected));
  // The fingerprint member itself is left out of what it covers.
  CHECK(fingerprint_of(signed_record) == fingerprint_of(record));
}

TEST_CASE("decision record: the signed text is the canonical record with its fingerprint member") {
  nlohmann::ordered_json inputs = {{"applications.csv", "aa"}, {"reviewers.csv", "bb"}, {"reviews.csv", "cc"}};
  SignedRecord s = signed_decision_record("r-1", "ff", inputs, nlohmann::ordered_json::array(), small_decision());
  CHECK(s.fingerprint == "sha256:" + sha256_hex(small_record_head + small_record_tail));
  CHECK(s.canonical == small_record_head + R"(,"fingerprint":")" + s.fingerprint + "\"" + small_record_tail);
}

TEST_CASE("decision record: the text written directly is canonical_json of the allocate JSON's members") {
  // Two lots and a pool, several reasons, names that need escaping and
  // Cyrillic, decisions given in insertion order (canonicalised in the record).
  Decision d = small_decision();
  d.round = "мій \"раунд\"";
  d.lots.push_back({"діти\\2", Money::from_hryvnias(5), Money{}});
  d.applications.push_back(
      AllocationLine{"Д-1\t", 3, AwardStatus::partial, Money::from_kopiykas(12345), std::string("pool"), {}});
  d.applications.push_back(AllocationLine{"E",
                                          std::nullopt,
                                          AwardStatus::rejected,
                                          Money{},
                                          std::nullopt,
                                          {"cofinancing_below_minimum", "total_below_pass"}});
  nlohmann::ordered_json inputs = {{"reviews.csv", "cc"}, {"applications.csv", "aa"}, {"reviewers.csv", "bb"}};
  nlohmann::ordered_json decisions = nlohmann::ordered_json::array(
      {{{"n", 2}, {"kind", "withdraw"}, {"applications", {"B"}}, {"reason", "лист від 2 березня"}}});
  nlohmann::ordered_json tree;
  tree["round"] = d.round;
  tree["rules_sha256"] = "ff";
  tree["inputs"] = inputs;
  tree["decisions"] = decisions;
  tree["budget"] = d.budget.to_string();
  tree["awarded"] = d.awarded.to_string();
  tree["leftover"] = d.leftover.to_string();
  tree["lots"] = lots_json(d);
  tree["applications"] = applications_json(d);

  SignedRecord s = signed_decision_record(d.round, "ff", inputs, decisions, d);
  CHECK(s.fingerprint == fingerprint_of(tree));
  CHECK(s.canonical == canonical_json(with_fingerprint(tree)));
  auto record = decision_record(d.round, "ff", inputs, decisions, d);
  CHECK(canonical_json(record) == canonical_json(tree));
  CHECK(record["round"] == "мій \"раунд\"");
}

TEST_CASE("decision record: the allocate JSON keeps docs/cli.md's key order, reasons only when present") {
  auto apps = applications_json(small_decision());
  CHECK(apps[0].dump() == R"({"id":"A","rank":1,"status":"funded","award":"60.00","lot":"main"})");
  CHECK(apps[1].dump() ==
        R"({"id":"B","rank":2,"status":"reserve","award":"0.00","lot":null,"reasons":["budget_exhausted"]})");
  CHECK(lots_json(small_decision()).dump() == R"([{"id":"main","budget":"100.00","awarded":"60.00"}])");
}

TEST_CASE("decision record: input hashes are over the canonical CSV") {
  Rules rules;
  Criterion c;
  c.id = "q";
  rules.criteria = {c};
  auto h = input_hashes(rules, {}, {}, {});
  CHECK(h["applications.csv"] ==
        sha256_hex("id,organisation,edrpou,sector,title,category,requested,cofinancing,planned_clients,"
                   "planned_jobs,planned_volunteers,submitted_at\n"));
  CHECK(h["reviewers.csv"] == sha256_hex("id,name,conflicts\n"));
  CHECK(h["reviews.csv"] == sha256_hex("application,reviewer,q,comment\n"));
}

TEST_CASE("decision record: reviews.csv hashed row by row is the hash of the whole file") {
  Rules rules;
  Criterion q, s;
  q.id = "q";
  s.id = "s";
  rules.criteria = {q, s};
  // In canonical order (application, then reviewer), as the store streams them;
  // a comment that needs quoting, and more rows than one piece of the stream.
  std::vector<Review> reviews;
  for (int i = 0; i < 2500; ++i)
    reviews.push_back(Review{"A" + std::to_string(1000 + i / 3),
                             "R" + std::to_string(i % 3),
                             {Rational(i % 11, 2), Rational(7)},
                             i % 7 ? "" : "good, \"very\"",
                             i % 5 == 0});
  ReviewsHash streamed(rules);
  for (const Review& r : reviews) streamed.add(r.application, r.reviewer, r.scores, r.comment);
  const std::string hex = streamed.hex();
  CHECK(hex == sha256_hex(canonical_reviews_csv(rules, reviews)));
  // Over the whole round in any order (audit bundle's), sorted as it is written.
  std::vector<Review> reversed(reviews.rbegin(), reviews.rend());
  CHECK(reviews_sha256(rules, reversed) == hex);
  CHECK(input_hashes_with(applications_sha256(rules, {}), {}, hex) == input_hashes(rules, {}, {}, reviews));
}

TEST_CASE("decision record: SHA-256 in pieces is SHA-256 of the whole") {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "row " + std::to_string(i) + "\n";
  Sha256 pieces;
  for (std::size_t at = 0; at < text.size(); at += 777) pieces.update(std::string_view(text).substr(at, 777));
  CHECK(pieces.hex() == sha256_hex(text));
  Sha256 empty;
  CHECK(empty.hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
