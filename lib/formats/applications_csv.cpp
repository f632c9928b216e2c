#include "formats/applications_csv.hpp"

#include <cctype>

#include "formats/csv_rows.hpp"
#include "values/category_list.hpp"
#include "values/common_words.hpp"
#include "values/dates.hpp"
#include "values/edrpou.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_bad_edrpou{
    .uk = "\"{}\" — неправильний код ЄДРПОУ (очікується 8 цифр із правильною контрольною цифрою)",
    .en = "\"{}\" is not a valid ЄДРПОУ code (expected 8 digits with a valid check digit)"};
constexpr PerLang<const char*> w_not_sector{.uk = "\"{}\" — не сектор (очікується ngo, state або business)",
                                            .en = "\"{}\" is not a sector (expected ngo, state or business)"};
constexpr PerLang<const char*> w_votes_required{
    .uk = "обов’язкове в конкурсі, що ранжує за голосами (очікується ціле число)",
    .en = "required in a round ranked by votes (expected a whole number)"};
constexpr PerLang<const char*> w_votes_refused{
    .uk = "конкурс {} оцінюють експерти; голоси — лише для конкурсів, що ранжують за голосами",
    .en = "round {} is scored by reviews; votes are only for rounds ranked by votes"};
constexpr PerLang<const char*> w_id_key{.uk = "id \"{}\"", .en = "id \"{}\""};
constexpr PerLang<const char*> w_order{.uk = "має бути не меншим за 1 (позиція в імпорті, від 1)",
                                       .en = "must be at least 1 (the 1-based import position)"};

const std::vector<ColumnSpec> application_columns = {{"id", true},
                                                     {"organisation", true},
                                                     {"edrpou", false},
                                                     {"sector", false},
                                                     {"title", true},
                                                     {"category", false},
                                                     {"requested", true},
                                                     {"cofinancing", false},
                                                     {"planned_clients", false},
                                                     {"planned_jobs", false},
                                                     {"planned_volunteers", false},
                                                     {"submitted_at", false},
                                                     {"services", false},
                                                     {"votes", false}};

namespace {

enum AppCol {
  a_id,
  a_org,
  a_edrpou,
  a_sector,
  a_title,
  a_category,
  a_requested,
  a_cofinancing,
  a_clients,
  a_jobs,
  a_volunteers,
  a_submitted,
  a_services,
  a_votes
};

// The cells that name the applicant: organisation, ЄДРПОУ and sector.
void parse_applicant(RowReader& r, Application& a) {
  a.organisation = r.text(a_org);
  if (auto e = r.cell(a_edrpou); !e.empty()) {
    if (auto code = normalize_edrpou(e))
      a.edrpou = *code;
    else
      r.error(a_edrpou, say(w_bad_edrpou, shown(e)));
  }
  if (auto sec = r.cell(a_sector); !sec.empty()) {
    std::string lower(sec);
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (auto v = parse_sector(lower))
      a.sector = *v;
    else
      r.error(a_sector, say(w_not_sector, shown(sec)));
  }
}

// The votes cell: required in a round ranked by votes, refused in one scored by reviews.
void parse_votes(RowReader& r, const Rules& rules, const std::string& round, Application& a) {
  auto votes_cell = r.cell(a_votes);
  if (rules.source == ScoreSource::votes) {
    if (votes_cell.empty())
      r.error(a_votes, say(w_votes_required));
    else
      a.votes = r.count(a_votes);
  } else if (!votes_cell.empty()) {
    r.error(a_votes, say(w_votes_refused, round));
  }
}

}  // namespace

Application ApplicationRowParser::parse(RowReader& r) {
  Application a;
  a.id = r.id(a_id);
  check_unique(seen_, a.id, r, a_id, [&] { return say(w_id_key, a.id); });
  parse_applicant(r, a);
  a.title = r.text(a_title);
  a.category = std::string(r.cell(a_category));
  if (auto m = r.money(a_requested)) {
    if (m->is_zero()) r.error(a_requested, say(above_zero_words));
    a.requested = *m;
  }
  if (auto m = r.money(a_cofinancing)) a.cofinancing = *m;
  if (auto v = r.count(a_clients)) a.planned_clients = *v;
  if (auto v = r.count(a_jobs)) a.planned_jobs = *v;
  if (auto v = r.count(a_volunteers)) a.planned_volunteers = *v;
  if (auto d = r.cell(a_submitted); !d.empty()) {
    // Stored and shown in its canonical form (docs/formats.md "Canonical forms").
    if (auto canonical = canonical_submitted_at(d)) {
      a.submitted_key = submitted_key_of_canonical(*canonical).value_or(0);
      a.submitted_at = std::move(*canonical);
    } else {
      r.error(a_submitted, submitted_at_error(shown(d)));
    }
  }
  a.services = parse_categories(r.cell(a_services));  // the same slug list as reviewers' categories
  parse_votes(r, rules_, round_, a);
  return a;
}

std::vector<Application> parse_applications_csv(std::string_view bytes, const Rules& rules, const std::string& file,
                                                std::vector<Diagnostic>& errors,
                                                const std::function<void(Application&)>& each) {
  // docs/bundle.md: a final input_order column when the rules use that key.
  std::vector<ColumnSpec> specs = application_columns;
  const bool with_order = rules.uses_input_order();
  if (with_order) specs.push_back({"input_order", true});
  ApplicationRowParser parser(rules, rules.id);
  std::vector<Application> out;
  out.reserve(line_count(bytes));  // a national round's million: no doubling on the way
  read_back_rows(bytes, file, std::move(specs), errors, [&](RowReader& r) {
    Application a = parser.parse(r);
    if (with_order) {
      auto k = application_columns.size();
      auto order = r.count(k);
      if (order && *order == 0) r.error(k, say(w_order));
      a.input_order = order.value_or(0);
    } else {
      a.input_order = static_cast<std::int64_t>(out.size()) + 1;
    }
    if (!r.ok) return;
    if (each) each(a);
    out.push_back(std::move(a));
  });
  return out;
}

}  // namespace competition
