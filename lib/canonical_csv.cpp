#include "canonical_csv.hpp"

#include <algorithm>

#include "csv_writer.hpp"

namespace competition {

namespace {

template <class T, class Less>
std::vector<const T*> sorted(const std::vector<T>& rows, Less less) {
  std::vector<const T*> out;
  out.reserve(rows.size());
  for (const T& r : rows) out.push_back(&r);
  std::sort(out.begin(), out.end(), [&](const T* a, const T* b) { return less(*a, *b); });
  return out;
}

void optional_count(CsvWriter& w, const std::optional<std::int64_t>& v) {
  if (v)
    w.number(std::to_string(*v));
  else
    w.empty();
}

}  // namespace

// cli.md `export bundle`, canonical applications.csv.
std::string canonical_applications_csv(const Rules& rules, const std::vector<Application>& applications) {
  const bool votes = rules.source == ScoreSource::votes;
  const bool input_order = rules.uses_input_order();
  CsvWriter w(CsvStyle::canonical());
  for (const char* h : {"id", "organisation", "edrpou", "sector", "title", "category", "requested", "cofinancing",
                        "planned_clients", "planned_jobs", "planned_volunteers", "submitted_at"})
    w.text(h);
  if (votes) w.text("votes");
  if (input_order) w.text("input_order");
  w.end_row();
  for (const Application* a : sorted(applications, [](const Application& x, const Application& y) { return x.id < y.id; })) {
    w.text(a->id).text(a->organisation).text(a->edrpou).text(to_string(a->sector)).text(a->title).text(a->category);
    w.number(a->requested.to_string()).number(a->cofinancing.to_string());
    w.number(std::to_string(a->planned_clients))
        .number(std::to_string(a->planned_jobs))
        .number(std::to_string(a->planned_volunteers));
    w.text(a->submitted_at);
    if (votes) optional_count(w, a->votes);
    if (input_order) w.number(std::to_string(a->input_order));
    w.end_row();
  }
  return w.str();
}

// cli.md `export bundle`, canonical reviewers.csv.
std::string canonical_reviewers_csv(const std::vector<Reviewer>& reviewers) {
  CsvWriter w(CsvStyle::canonical());
  w.text("id").text("name").text("conflicts").end_row();
  for (const Reviewer* r : sorted(reviewers, [](const Reviewer& x, const Reviewer& y) { return x.id < y.id; })) {
    std::string conflicts;
    for (const auto& c : r->conflicts) conflicts += (conflicts.empty() ? "" : "|") + c;
    w.text(r->id).text(r->name).text(conflicts).end_row();
  }
  return w.str();
}

// cli.md `export bundle`, canonical reviews.csv.
std::string canonical_reviews_csv(const Rules& rules, const std::vector<Review>& reviews) {
  CsvWriter w(CsvStyle::canonical());
  w.text("application").text("reviewer");
  for (const Criterion& c : rules.criteria) w.text(c.id);
  w.text("comment").end_row();
  auto less = [](const Review& x, const Review& y) {
    return x.application != y.application ? x.application < y.application : x.reviewer < y.reviewer;
  };
  for (const Review* r : sorted(reviews, less)) {
    w.text(r->application).text(r->reviewer);
    for (std::size_t i = 0; i < rules.criteria.size(); ++i) {
      if (i < r->scores.size())
        w.number(r->scores[i].to_decimal(4));
      else
        w.empty();
    }
    w.text(r->comment).end_row();
  }
  return w.str();
}

// cli.md `export bundle`, canonical outcomes.csv.
std::string canonical_outcomes_csv(const std::vector<Outcome>& outcomes) {
  CsvWriter w(CsvStyle::canonical());
  w.text("application").text("clients").text("jobs").text("volunteers").text("attracted").end_row();
  for (const Outcome* o :
       sorted(outcomes, [](const Outcome& x, const Outcome& y) { return x.application < y.application; })) {
    w.text(o->application);
    optional_count(w, o->clients);
    optional_count(w, o->jobs);
    optional_count(w, o->volunteers);
    if (o->attracted)
      w.number(o->attracted->to_string());
    else
      w.empty();
    w.end_row();
  }
  return w.str();
}

}  // namespace competition
