#include "commands/input_hashing.hpp"

#include <optional>
#include <utility>

namespace competition {

ApplicationsHashing::ApplicationsHashing(const Rules& rules, bool services)
    : hash_(rules, services), pipe_([this](const Application& a) { hash_.add(a); }) {}

std::string ApplicationsHashing::hex() {
  pipe_.finish();
  return hash_.hex();
}

ReviewsHashing::ReviewsHashing(const Rules& rules, std::function<void(const ReviewRow&)> also)
    : also_(std::move(also)), hash_(rules), pipe_([this](const Copy& c) {
        hash_.add(c.application, c.reviewer, c.scores, c.comment);
        if (also_) also_(ReviewRow{c.application, c.reviewer, c.scores, c.comment, c.excluded});
      }) {}

void ReviewsHashing::add(const ReviewRow& row) {
  Copy& c = pipe_.next();
  c.application.assign(row.application);
  c.reviewer.assign(row.reviewer);
  c.comment.assign(row.comment);
  c.scores.assign(row.scores.begin(), row.scores.end());
  c.excluded = row.excluded;
}

std::string ReviewsHashing::hex() {
  pipe_.finish();
  return hash_.hex();
}

HashedApplications read_hashed_applications(Store& store, const std::string& round, const Rules& rules,
                                            bool keep_titles, bool hashed) {
  HashedApplications out;
  std::optional<ApplicationsHashing> hashing;
  std::optional<std::size_t> count;
  if (hashed) {
    const Store::ApplicationsShape shape = store.applications_shape(round);
    hashing.emplace(rules, shape.services);
    count = shape.count;
  }
  out.applications = store.applications(
      round,
      [&](Application& a) {
        if (hashing) hashing->add(a);
        if (!keep_titles) std::string().swap(a.title);
      },
      count);
  if (hashing) out.sha256 = hashing->hex();
  return out;
}

}  // namespace competition
