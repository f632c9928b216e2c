#include "store/status.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace competition {

StatusReport collect_status(Store& store) {
  StatusReport s;
  auto& db = store.db();
  bool have_allocations = db.tableExists("allocations");
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
    s.rounds.push_back(std::move(st));
  }
  for (const auto& h : store.history()) s.history_years.push_back(h.year);
  return s;
}

}  // namespace competition
