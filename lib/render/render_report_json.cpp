// docs/report.md "json".
#include <nlohmann/json.hpp>

#include "render/render_report.hpp"
#include "render/render_report_by.hpp"
#include "render/report_by_words.hpp"

namespace competition {

namespace {

using json = nlohmann::ordered_json;

json planned_keys(const IndicatorValues& v) {
  json out = json::array();
  for (Indicator i : v.planned) out.push_back(std::string(key_of(i)));
  return out;
}

// The keys from `participants` to `new_partners`, in docs/report.md's order: money
// as strings with 2 decimals, coefficient with 4, cost per client with 2, an
// undefined ratio null.
void put_values(json& o, const IndicatorValues& v) {
  o["participants"] = v.participants;
  o["winners"] = v.winners;
  o["budget"] = v.budget.to_string();
  if (v.paid) o["paid"] = v.paid->to_string();  // docs/report.md: years with payments, and their total
  o["attracted"] = v.attracted.to_string();
  o["coefficient"] = v.coefficient ? json(v.coefficient->to_fixed(4)) : json(nullptr);
  o["clients"] = v.clients;
  o["cost_per_client"] = v.cost_per_client ? json(v.cost_per_client->to_fixed(2)) : json(nullptr);
  o["jobs"] = v.jobs;
  o["volunteers"] = v.volunteers;
  o["new_partners"] = v.new_partners ? json(*v.new_partners) : json(nullptr);
}

}  // namespace

// docs/report.md "json": {"from", "to", "years": [...], "totals": {...}}.
std::string render_report_json(const ReportTable& t) {
  json years = json::array();
  for (const auto& row : t.years) {
    json y;
    y["year"] = row.year;
    y["source"] = std::string(to_string(row.source));
    put_values(y, row);
    y["note"] = row.note ? json(*row.note) : json(nullptr);
    y["planned"] = planned_keys(row);
    years.push_back(std::move(y));
  }
  json totals = json::object();
  put_values(totals, t.totals);
  totals["planned"] = planned_keys(t.totals);
  json out;
  out["from"] = t.from;
  out["to"] = t.to;
  if (t.paid_as_of) out["paid_as_of"] = *t.paid_as_of;  // docs/report.md: the day `paid` is counted at
  out["years"] = std::move(years);
  out["totals"] = std::move(totals);
  return out.dump() + "\n";
}

namespace {

// docs/report.md "By category": the keys of a year but year, source, note, new_partners and paid.
json category_values(const IndicatorValues& v) {
  json o;
  put_values(o, v);
  o.erase("paid");
  o.erase("new_partners");
  o["planned"] = planned_keys(v);
  return o;
}

}  // namespace

// docs/report.md "By category": {"by": "category", "years": [{"year", "rows", "total"}]}.
std::string render_category_json(const CategoryTable& t) {
  json years = json::array();
  for (const auto& y : t.years) {
    json rows = json::array();
    for (const auto& row : y.rows) {
      json r;
      r["category"] = row.category ? json(*row.category) : json(nullptr);
      r["label"] = row.label;
      r.update(category_values(row.values));
      rows.push_back(std::move(r));
    }
    json year;
    year["year"] = y.year;
    year["rows"] = std::move(rows);
    year["total"] = category_values(y.total);
    years.push_back(std::move(year));
  }
  json out;
  out["by"] = "category";
  out["years"] = std::move(years);
  return out.dump() + "\n";
}

// docs/report.md "By service": {"by": "service", "years": [{"year", "organisations", "rows"}]}.
std::string render_service_json(const ServiceTable& t, Lang lang) {
  json years = json::array();
  for (const auto& y : t.years) {
    json rows = json::array();
    for (const auto& row : y.rows) {
      json r;
      r["service"] = row.service;
      r["label"] = service_label(row.service, lang);
      r["organisations"] = row.organisations;
      r["share"] = row.share;
      rows.push_back(std::move(r));
    }
    json year;
    year["year"] = y.year;
    year["organisations"] = y.organisations;
    year["rows"] = std::move(rows);
    years.push_back(std::move(year));
  }
  json out;
  out["by"] = "service";
  out["years"] = std::move(years);
  return out.dump() + "\n";
}

}  // namespace competition
