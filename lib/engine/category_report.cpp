#include "engine/category_report.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace competition {

bool CategoryYear::without_categories() const { return rows.size() == 1 && !rows.front().category; }

namespace {

// docs/report.md "By category": the `name` of the first lot listing the category,
// lots in rules file order and rounds by id; else the slug.
std::string category_label(const std::vector<const RoundData*>& rounds, const std::string& category) {
  for (const RoundData* r : rounds)
    for (const Lot& lot : r->lots)
      if (std::find(lot.categories.begin(), lot.categories.end(), category) != lot.categories.end()) return lot.name;
  return category;
}

// The round restricted to the applications of one category (with their
// decision lines and outcomes); what the round says of all (paid) is dropped.
RoundData only_category(const RoundData& r, const std::string& category) {
  RoundData out;
  out.id = r.id;
  out.year = r.year;
  out.currency = r.currency;
  out.allocated = r.allocated;
  std::set<std::string> ids;
  for (const auto& a : r.applications)
    if (a.category == category) {
      ids.insert(a.id);
      out.applications.push_back(a);
    }
  for (const auto& d : r.decision)
    if (ids.count(d.application)) out.decision.push_back(d);
  for (const auto& o : r.outcomes)
    if (ids.count(o.application)) out.outcomes.push_back(o);
  return out;
}

// One year's rows: the indicators engine run over each category's share of the year's rounds.
CategoryYear category_year(const YearRow& main, const std::vector<const RoundData*>& rounds) {
  CategoryYear y;
  y.year = main.year;
  y.total = main;
  std::set<std::string> categories;
  for (const RoundData* r : rounds)
    for (const auto& a : r->applications) categories.insert(a.category);
  for (const auto& category : categories) {
    ReportInput part;
    for (const RoundData* r : rounds) part.rounds.push_back(only_category(*r, category));
    ReportTable t = build_report_table(part, {.year = main.year, .from = {}, .to = {}});
    CategoryRow row;
    if (!category.empty()) row.category = category;
    row.label = category.empty() ? std::string("—") : category_label(rounds, category);
    row.values = t.years.front();
    row.values.new_partners.reset();
    row.values.paid.reset();
    y.rows.push_back(std::move(row));
  }
  // The empty slug sorts first among the set; the row without a category goes last.
  if (!y.rows.empty() && !y.rows.front().category) std::rotate(y.rows.begin(), y.rows.begin() + 1, y.rows.end());
  return y;
}

}  // namespace

// docs/report.md "By category".
CategoryTable build_category_table(const ReportInput& input, const ReportYears& asked) {
  CategoryTable t;
  static_cast<RoundYearsSpan&>(t) = each_round_year(
      input, asked, [&](const YearRow& row, const auto& rounds) { t.years.push_back(category_year(row, rounds)); });
  return t;
}

}  // namespace competition
