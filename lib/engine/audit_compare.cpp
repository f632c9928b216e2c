#include "engine/audit_compare.hpp"

#include <map>
#include <set>

#include "base/canonical_json.hpp"
#include "base/text.hpp"
#include "engine/decision_record.hpp"

namespace competition {

using ojson = nlohmann::ordered_json;

void note_difference(std::vector<Difference>& out, const std::optional<std::string>& application,
                     const std::string& field, const std::optional<std::string>& stored,
                     const std::optional<std::string>& computed) {
  if (stored != computed) out.push_back({application, field, stored, computed});
}

std::string exact_text(const Rational& value) {
  std::string decimal = value.to_decimal(4);
  // to_decimal rounds when the expansion is longer: then the exact fraction.
  auto back = Rational::parse_decimal(decimal, 4);
  if (back && *back == value) return decimal;
  return std::to_string(value.num()) + "/" + std::to_string(value.den());
}

namespace {

std::optional<std::string> rank_text(const std::optional<int>& rank) {
  return rank ? std::optional<std::string>(std::to_string(*rank)) : std::nullopt;
}

std::optional<std::string> exact_or_none(const std::optional<Rational>& v) {
  return v ? std::optional<std::string>(exact_text(*v)) : std::nullopt;
}

std::string yes_no(bool present) { return present ? "yes" : "no"; }

// A stored JSON value as text: strings as they are, null as none, anything else
// (a tampered record may hold any JSON) as its canonical JSON.
std::optional<std::string> json_text(const ojson* v) {
  if (!v || v->is_null()) return std::nullopt;
  if (v->is_string()) return v->get<std::string>();
  try {
    return canonical_json(*v);
  } catch (const std::exception&) {
    return v->dump();
  }
}

const ojson* member(const ojson& object, const std::string& key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

// `reasons` of a record's application: absent means none (docs/cli.md).
std::optional<std::string> reasons_text(const ojson& app) {
  const ojson* r = member(app, "reasons");
  if (!r) return std::string();
  if (!r->is_array()) return json_text(r);
  std::vector<std::string> items;
  for (const auto& x : *r) items.push_back(x.is_string() ? x.get<std::string>() : x.dump());
  return join(items, "|");
}

// Entries of a JSON array of objects by their `id`, in array order.
std::vector<std::pair<std::string, const ojson*>> by_id(const ojson* list) {
  std::vector<std::pair<std::string, const ojson*>> out;
  if (!list || !list->is_array()) return out;
  for (const auto& item : *list) {
    const ojson* id = member(item, "id");
    out.emplace_back(id && id->is_string() ? id->get<std::string>() : json_text(id).value_or("?"), &item);
  }
  return out;
}

std::string ids_in_order(const std::vector<std::pair<std::string, const ojson*>>& items) {
  std::vector<std::string> ids;
  for (const auto& [id, _] : items) ids.push_back(id);
  return join(ids, "|");
}

}  // namespace

// docs/cli.md "audit": the stored `scores` rows against a fresh score_round.
void compare_scores(const Rules& rules, const ScoreResult& stored, const ScoreResult& computed,
                    std::vector<Difference>& out) {
  std::map<std::string, const ScoredApplication*> old;
  for (const auto& s : stored.applications) old[s.id] = &s;
  auto criterion_id = [&](std::size_t i) {
    return i < rules.criteria.size() ? rules.criteria[i].id : std::to_string(i + 1);
  };
  for (const ScoredApplication& c : computed.applications) {
    auto it = old.find(c.id);
    if (it == old.end()) {
      note_difference(out, c.id, "score.present", yes_no(false), yes_no(true));
      continue;
    }
    const ScoredApplication& s = *it->second;
    note_difference(out, c.id, "score.status", std::string(to_string(s.status)), std::string(to_string(c.status)));
    note_difference(out, c.id, "score.rank", rank_text(s.rank), rank_text(c.rank));
    note_difference(out, c.id, "score.total", exact_or_none(s.total), exact_or_none(c.total));
    for (std::size_t i = 0; i < std::max(s.criteria.size(), c.criteria.size()); ++i)
      note_difference(out, c.id, "score.criteria." + criterion_id(i),
                      i < s.criteria.size() ? exact_or_none(s.criteria[i]) : std::nullopt,
                      i < c.criteria.size() ? exact_or_none(c.criteria[i]) : std::nullopt);
    note_difference(out, c.id, "score.reviews", std::to_string(s.reviews), std::to_string(c.reviews));
    note_difference(out, c.id, "score.flags", s.flags.joined(), c.flags.joined());
    note_difference(out, c.id, "score.reasons", s.reasons.joined(), c.reasons.joined());
    old.erase(it);
  }
  for (const auto& [id, _] : old) note_difference(out, id, "score.present", yes_no(true), yes_no(false));
}

// docs/cli.md "audit": the `allocations` table against a fresh allocation.
void compare_allocation(const std::vector<AllocationLine>& stored, const Decision& computed,
                        std::vector<Difference>& out) {
  std::map<std::string, const AllocationLine*> old;
  for (const auto& l : stored) old[l.id] = &l;
  for (const AllocationLine& c : computed.applications) {
    auto it = old.find(c.id);
    if (it == old.end()) {
      note_difference(out, c.id, "present", yes_no(false), yes_no(true));
      continue;
    }
    const AllocationLine& s = *it->second;
    note_difference(out, c.id, "status", std::string(to_string(s.status)), std::string(to_string(c.status)));
    note_difference(out, c.id, "rank", rank_text(s.rank), rank_text(c.rank));
    note_difference(out, c.id, "award", s.award.to_string(), c.award.to_string());
    note_difference(out, c.id, "lot", s.lot, c.lot);
    note_difference(out, c.id, "reasons", s.reasons.joined(), c.reasons.joined());
    old.erase(it);
  }
  for (const auto& [id, _] : old) note_difference(out, id, "present", yes_no(true), yes_no(false));
}

namespace {

// The record's `inputs`: every hash named on either side.
void compare_inputs(const ojson& stored, const ojson& computed, std::vector<Difference>& out) {
  const ojson* a = member(stored, "inputs");
  const ojson* b = member(computed, "inputs");
  std::set<std::string> names;
  for (const ojson* o : {a, b})
    if (o && o->is_object())
      for (auto it = o->begin(); it != o->end(); ++it) names.insert(it.key());
  if (a && !a->is_object()) note_difference(out, std::nullopt, "record.inputs", json_text(a), json_text(b));
  for (const auto& name : names)
    note_difference(out, std::nullopt, "inputs." + name,
                    a && a->is_object() ? json_text(member(*a, name)) : std::nullopt, json_text(member(*b, name)));
}

// The record's `lots`, by id, then their order.
void compare_lots(const ojson& stored, const ojson& computed, std::vector<Difference>& out) {
  auto a = by_id(member(stored, "lots"));
  auto b = by_id(member(computed, "lots"));
  std::map<std::string, const ojson*> old(a.begin(), a.end());
  for (const auto& [id, lot] : b) {
    auto it = old.find(id);
    const ojson* s = it == old.end() ? nullptr : it->second;
    if (!s) {
      note_difference(out, std::nullopt, "record.lots." + id, std::nullopt, json_text(lot));
      continue;
    }
    note_difference(out, std::nullopt, "record.lots." + id + ".budget", json_text(member(*s, "budget")),
                    json_text(member(*lot, "budget")));
    note_difference(out, std::nullopt, "record.lots." + id + ".awarded", json_text(member(*s, "awarded")),
                    json_text(member(*lot, "awarded")));
    old.erase(it);
  }
  for (const auto& [id, lot] : old)
    note_difference(out, std::nullopt, "record.lots." + id, json_text(lot), std::nullopt);
  note_difference(out, std::nullopt, "record.lots.order", ids_in_order(a), ids_in_order(b));
}

// The record's `applications`, by id in the computed order, then their order.
void compare_record_applications(const ojson& stored, const ojson& computed, std::vector<Difference>& out) {
  auto a = by_id(member(stored, "applications"));
  auto b = by_id(member(computed, "applications"));
  std::map<std::string, const ojson*> old(a.begin(), a.end());
  for (const auto& [id, app] : b) {
    auto it = old.find(id);
    if (it == old.end()) {
      note_difference(out, id, "record.present", yes_no(false), yes_no(true));
      continue;
    }
    const ojson& s = *it->second;
    for (const char* key : {"status", "rank", "award", "lot"})
      note_difference(out, id, std::string("record.") + key, json_text(member(s, key)), json_text(member(*app, key)));
    note_difference(out, id, "record.reasons", reasons_text(s), reasons_text(*app));
    old.erase(it);
  }
  for (const auto& [id, _] : old) note_difference(out, id, "record.present", yes_no(true), yes_no(false));
  note_difference(out, std::nullopt, "record.order", ids_in_order(a), ids_in_order(b));
}

}  // namespace

// docs/bundle.md "The decision record", field by field.
void compare_records(const ojson& stored, const ojson& computed, std::vector<Difference>& out) {
  static const std::set<std::string> known = {"round",   "rules_sha256", "inputs", "decisions",    "budget",
                                              "awarded", "leftover",     "lots",   "applications", "fingerprint"};
  auto field = [&](const std::string& key) { return json_text(member(stored, key)); };
  auto fresh = [&](const std::string& key) { return json_text(member(computed, key)); };

  note_difference(out, std::nullopt, "record.round", field("round"), fresh("round"));
  note_difference(out, std::nullopt, "record.rules_sha256", field("rules_sha256"), fresh("rules_sha256"));
  compare_inputs(stored, computed, out);
  note_difference(out, std::nullopt, "record.decisions", field("decisions"), fresh("decisions"));
  for (const char* key : {"budget", "awarded", "leftover"})
    note_difference(out, std::nullopt, std::string("record.") + key, field(key), fresh(key));
  compare_lots(stored, computed, out);
  compare_record_applications(stored, computed, out);

  if (stored.is_object())
    for (auto it = stored.begin(); it != stored.end(); ++it)
      if (!known.count(it.key()))
        note_difference(out, std::nullopt, "record." + it.key(), json_text(&*it), std::nullopt);

  // The fingerprint: of the stored record itself, and of the record the inputs give.
  std::optional<std::string> stored_fp = field("fingerprint");
  std::optional<std::string> own;
  try {
    own = fingerprint_of(stored);
  } catch (const std::exception&) {
    own = std::nullopt;  // not canonicalisable (e.g. a floating-point number): cannot match
  }
  note_difference(out, std::nullopt, "record.fingerprint", stored_fp, own);
  note_difference(out, std::nullopt, "fingerprint", stored_fp, fresh("fingerprint"));
}

}  // namespace competition
