// What the checks of `import reviews` need from the store, loaded once per
// file: the round's applications and reviewers, the conflicts of interest
// between them, and which pairs the file has had so far (by position, not by
// string: a national file has millions of reviews).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/string_index.hpp"
#include "store/store.hpp"
#include "values/model.hpp"
#include "values/round.hpp"

namespace competition {

class ReviewChecks {
 public:
  ReviewChecks(Store& store, const RoundRecord& round);
  // The same checks over the round's reviewers and applications as a caller
  // has read them already (Store::reviewers, Store::applications, before
  // use_round_keys changes their keys): `score` reads no table twice.
  ReviewChecks(Store& store, const std::vector<Reviewer>& reviewers, const std::vector<Application>& applications);

  // Positions of an application and a reviewer, or -1 when the round has none by that id.
  std::int64_t app(std::string_view id) const {
    const std::uint32_t* i = app_index_.find(id);
    return i ? static_cast<std::int64_t>(*i) : -1;
  }
  std::int64_t reviewer(std::string_view id) const {
    const std::uint32_t* i = reviewer_index_.find(id);
    return i ? static_cast<std::int64_t>(*i) : -1;
  }

  // Whether reviewer `r`'s conflicts name application `a`'s organisation: the
  // organisation a conflict entry resolves to, the application's code, or its
  // organisation name (normalised).
  bool conflicted(std::uint32_t a, std::uint32_t r) const;
  // Whether reviewer `r` declares any conflict (only then can conflicted() hold).
  bool declares_conflicts(std::uint32_t r) const { return reviewers_[r].declares; }

  // Records the pair at `line`: the line of its first review when the file
  // already had it, else 0. `a` and `r` are positions, or -1 when unknown.
  int first_line(std::int64_t a, std::int64_t r, const std::string& application, const std::string& reviewer_id,
                 int line);

 private:
  struct AppInfo {
    std::int64_t org = 0;
    // Up to 4 reviews per application are remembered inline (national rounds
    // have 3), further ones in `more_seen_`: no allocation per review.
    std::array<std::pair<std::uint32_t, int>, 4> seen{};  // (reviewer, line of the review)
    std::uint8_t seen_count = 0;
  };
  struct ReviewerInfo {
    std::vector<std::int64_t> orgs;  // organisations its conflicts resolve to
    bool declares = false;           // it has conflict entries (known organisations or not)
  };
  using Named = std::unordered_map<std::string, std::vector<std::uint32_t>>;  // code or name key -> reviewers

  void load_reviewers(Store& store, const std::vector<Reviewer>& reviewers, Named& by_code, Named& by_name);
  void load_applications(Store& store, const RoundRecord& round, const Named& by_code, const Named& by_name);
  void add_application(std::string_view id, std::int64_t org, std::string_view edrpou, std::string_view organisation,
                       const Named& by_code, const Named& by_name);

  StringIndex<std::uint32_t> app_index_, reviewer_index_;  // id -> position in apps_ / reviewers_
  std::vector<AppInfo> apps_;
  std::vector<ReviewerInfo> reviewers_;
  // Application -> reviewers whose conflicts name its code or its organisation
  // name (normalised); rare, so kept apart.
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> named_by_;
  std::unordered_map<std::uint64_t, int> more_seen_;  // (application, reviewer) -> line, beyond 4 per application
  std::unordered_map<std::string, int> other_seen_;   // pairs with an unknown application or reviewer -> line
};

}  // namespace competition
