#include "formats/canonical_csv.hpp"

#include <algorithm>
#include <tuple>

#include "base/text.hpp"
#include "formats/csv_writer.hpp"
#include "values/conflicts.hpp"

namespace competition {

namespace {

template <class T, class Less>
std::vector<const T*> sorted(const std::vector<T>& rows, Less less) {
  std::vector<const T*> out;
  out.reserve(rows.size());
  for (const T& r : rows) out.push_back(&r);
  // Rows read from the store come sorted already: a check instead of a sort.
  auto by = [&](const T* a, const T* b) { return less(*a, *b); };
  if (!std::is_sorted(out.begin(), out.end(), by)) std::sort(out.begin(), out.end(), by);
  return out;
}

// Rows per piece given to a CsvSink: big enough that the sink's per-call work
// does not count, small enough to stay in cache.
constexpr std::size_t rows_per_piece = 1024;

void optional_count(CsvWriter& w, const std::optional<std::int64_t>& v) {
  if (v)
    w.number(std::to_string(*v));
  else
    w.empty();
}

}  // namespace

// docs/bundle.md, canonical applications.csv.
std::string canonical_applications_csv(const Rules& rules, const std::vector<Application>& applications) {
  std::string out;
  write_canonical_applications_csv(rules, applications, [&](std::string_view piece) { out += piece; });
  return out;
}

void write_canonical_applications_csv(const Rules& rules, const std::vector<Application>& applications,
                                      const CsvSink& sink) {
  // docs/formats.md "CSV inputs": `services` only when some application has them.
  const bool services =
      std::any_of(applications.begin(), applications.end(), [](const Application& a) { return !a.services.empty(); });
  CanonicalApplicationsWriter w(rules, services, sink);
  for (const Application* a :
       sorted(applications, [](const Application&x, const Application&y) { return x.id < y.id; }))
    w.row(*a);
  w.finish();
}

CanonicalApplicationsWriter::CanonicalApplicationsWriter(const Rules& rules, bool services, CsvSink sink)
    : votes_(rules.source == ScoreSource::votes),
      input_order_(rules.uses_input_order()),
      services_(services),
      sink_(std::move(sink)) {
  CsvWriter& w = out_.emplace(CsvStyle::canonical());
  for (const char* h : {"id", "organisation", "edrpou", "sector", "title", "category", "requested", "cofinancing",
                        "planned_clients", "planned_jobs", "planned_volunteers", "submitted_at"})
    w.text(h);
  if (services_) w.text("services");
  if (votes_) w.text("votes");
  if (input_order_) w.text("input_order");
  w.end_row();
}

void CanonicalApplicationsWriter::row(const Application& a) {
  if (++rows_ % rows_per_piece == 0) finish();
  CsvWriter& w = *out_;
  w.text(a.id).text(a.organisation).text(a.edrpou).text(to_string(a.sector)).text(a.title).text(a.category);
  w.number(a.requested.to_string()).number(a.cofinancing.to_string());
  w.number(std::to_string(a.planned_clients))
      .number(std::to_string(a.planned_jobs))
      .number(std::to_string(a.planned_volunteers));
  w.text(a.submitted_at);
  if (services_) w.text(join(a.services, "|"));
  if (votes_) optional_count(w, a.votes);
  if (input_order_) w.number(std::to_string(a.input_order));
  w.end_row();
}

void CanonicalApplicationsWriter::finish() {
  sink_(out_->str());
  out_.emplace(CsvStyle::canonical());
}

// docs/bundle.md, canonical reviewers.csv.
std::string canonical_reviewers_csv(const std::vector<Reviewer>& reviewers) {
  // The year's columns only when some reviewer has a value (docs/formats.md "CSV inputs").
  const bool categories =
      std::any_of(reviewers.begin(), reviewers.end(), [](const Reviewer& r) { return !r.categories.empty(); });
  const bool capacity =
      std::any_of(reviewers.begin(), reviewers.end(), [](const Reviewer& r) { return r.capacity.has_value(); });
  CsvWriter w(CsvStyle::canonical());
  w.text("id").text("name").text("conflicts");
  if (categories) w.text("categories");
  if (capacity) w.text("capacity");
  w.end_row();
  for (const Reviewer* r : sorted(reviewers, [](const Reviewer&x, const Reviewer&y) { return x.id < y.id; })) {
    w.text(r->id).text(r->name).text(join_conflicts(r->conflicts));
    if (categories) w.text(join(r->categories, "|"));
    if (capacity) w.text(r->capacity ? std::to_string(*r->capacity) : std::string());
    w.end_row();
  }
  return w.str();
}

// docs/bundle.md, canonical reviews.csv.
std::string canonical_reviews_csv(const Rules& rules, const std::vector<Review>& reviews) {
  std::string out;
  write_canonical_reviews_csv(rules, reviews, [&](std::string_view piece) { out += piece; });
  return out;
}

void write_canonical_reviews_csv(const Rules& rules, const std::vector<Review>& reviews, const CsvSink& sink) {
  CanonicalReviewsWriter w(rules, sink);
  auto less = [](const Review& x, const Review& y) {
    return x.application != y.application ? x.application < y.application : x.reviewer < y.reviewer;
  };
  for (const Review* r : sorted(reviews, less)) w.row(r->application, r->reviewer, r->scores, r->comment);
  w.finish();
}

CanonicalReviewsWriter::CanonicalReviewsWriter(const Rules& rules, CsvSink sink)
    : rules_(rules), sink_(std::move(sink)) {
  CsvWriter& out = out_.emplace(CsvStyle::canonical());
  out.text("application").text("reviewer");
  for (const Criterion& c : rules_.criteria) out.text(c.id);
  out.text("comment").end_row();
}

void CanonicalReviewsWriter::row(std::string_view application, std::string_view reviewer,
                                 std::span<const Rational> scores, std::string_view comment) {
  CsvWriter& out = *out_;
  out.text(application).text(reviewer);
  for (std::size_t i = 0; i < rules_.criteria.size(); ++i) {
    if (i < scores.size())
      out.number(scores[i].to_decimal(4));
    else
      out.empty();
  }
  out.text(comment).end_row();
  if (++rows_ % rows_per_piece == 0) finish();
}

void CanonicalReviewsWriter::finish() {
  sink_(out_->str());
  out_.emplace(CsvStyle::canonical());
}

// docs/bundle.md, canonical outcomes.csv.
// The `received_on` column only when some outcome has it, so that the outcomes
// of rounds that record no reports keep their bytes.
std::string canonical_outcomes_csv(const std::vector<Outcome>& outcomes) {
  CsvWriter w(CsvStyle::canonical());
  const bool received = std::any_of(outcomes.begin(), outcomes.end(), [](const Outcome& o) { return o.received_on; });
  w.text("application").text("clients").text("jobs").text("volunteers").text("attracted");
  if (received) w.text("received_on");
  w.end_row();
  for (const Outcome* o :
       sorted(outcomes, [](const Outcome&x, const Outcome&y) { return x.application < y.application; })) {
    w.text(o->application);
    optional_count(w, o->clients);
    optional_count(w, o->jobs);
    optional_count(w, o->volunteers);
    if (o->attracted)
      w.number(o->attracted->to_string());
    else
      w.empty();
    if (received) w.text(o->received_on.value_or(""));
    w.end_row();
  }
  return w.str();
}

// docs/bundle.md, canonical agreements.csv: by application.
std::string canonical_agreements_csv(const std::vector<Agreement>& agreements) {
  CsvWriter w(CsvStyle::canonical());
  w.text("application").text("number").text("signed_on").text("amount").text("report_due").end_row();
  for (const Agreement* a :
       sorted(agreements, [](const Agreement&x, const Agreement&y) { return x.application < y.application; }))
    w.text(a->application)
        .text(a->number)
        .text(a->signed_on)
        .number(a->amount.to_string())
        .text(a->report_due)
        .end_row();
  return w.str();
}

// docs/bundle.md, canonical payments.csv: by application, then reference.
std::string canonical_payments_csv(const std::vector<Payment>& payments) {
  CsvWriter w(CsvStyle::canonical());
  w.text("application").text("reference").text("paid_on").text("amount").text("kind").end_row();
  for (const Payment* p : sorted(payments, [](const Payment&x, const Payment&y) {
         return std::tie(x.application, x.reference) < std::tie(y.application, y.reference);
       }))
    w.text(p->application)
        .text(p->reference)
        .text(p->paid_on)
        .number(p->amount.to_string())
        .text(p->refund ? "refund" : "payment")
        .end_row();
  return w.str();
}

}  // namespace competition
