#include "store/status.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace competition {

StatusReport collect_status(Store& store) {
  StatusReport s;
  auto& db = store.db();
  bool have_allocations = db.tableExists("allocations");
  bool have_assignments = db.tableExists("assignments");
  for (const auto& r : store.rounds()) {
    RoundStatus st;
    st.id = r.id;
    st.year = r.year;
    st.title = r.title;
    st.stage = r.stage;
    st.currency = r.currency;
    st.budget = r.budget;
    SQLite::Statement a(db, "SELECT count(*) FROM applications WHERE round_id = ?");
    a.bind(1, r.id);
    a.executeStep();
    st.applications = a.getColumn(0).getInt64();
    SQLite::Statement v(db, "SELECT count(*) FROM reviews WHERE round_id = ?");
    v.bind(1, r.id);
    v.executeStep();
    st.reviews = v.getColumn(0).getInt64();
    if (have_allocations && r.stage == Stage::allocated) {
      SQLite::Statement f(db,
                          "SELECT count(*), COALESCE(sum(award), 0) FROM allocations WHERE round_id = ? AND award > 0");
      f.bind(1, r.id);
      f.executeStep();
      st.funded = f.getColumn(0).getInt64();
      st.awarded = Money::from_kopiykas(f.getColumn(1).getInt64());
    }
    if (have_assignments) {
      SQLite::Statement q(db,
                          "SELECT r.id, count(a.application), count(v.application) FROM reviewers r "
                          "LEFT JOIN assignments a ON a.round_id = r.round_id AND a.reviewer = r.id "
                          "LEFT JOIN reviews v ON v.round_id = a.round_id AND v.application = a.application "
                          "AND v.reviewer = a.reviewer WHERE r.round_id = ? GROUP BY r.id ORDER BY r.id");
      q.bind(1, r.id);
      long total = 0;
      while (q.executeStep()) {
        ReviewerProgress p{q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(), 0};
        p.missing = p.assigned - p.received;
        total += p.assigned;
        st.reviewers.push_back(std::move(p));
      }
      if (total == 0) st.reviewers.clear();
    }
    s.rounds.push_back(std::move(st));
  }
  for (const auto& h : store.history()) s.history_years.push_back(h.year);
  return s;
}

}  // namespace competition
