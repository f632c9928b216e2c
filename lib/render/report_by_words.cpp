#include "render/report_by_words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "render/report_style.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

struct ByWords {
  const char* category;
  const char* total;
  const char* category_title;  // years phrase
  const char* no_categories;   // years phrase
  const char* history_left_out;
  const char* history_no_applications;
  const char* service_title;  // years phrase
  const char* service;        // the service table's column headings
  const char* organisations;
  const char* share;
  const char* service_base;  // winning organisations, years phrase
  const char* no_services;   // the same, when no winning project names services
  const char* no_winners;    // years phrase
};

constexpr PerLang<ByWords> by_words{
    .uk =
        {
            .category = "Пріоритетний напрям",
            .total = "Разом",
            .category_title = "Показники за пріоритетними напрямами, {}",
            .no_categories = "{}: жодна заявка не має пріоритетного напряму, тому рядок один — «—».",
            .history_left_out = "Роки з історії ({}) не показано: пріоритетних напрямів у них немає.",
            .history_no_applications = "Роки з історії ({}) не показано: заявок у них немає.",
            .service_title = "Послуги організацій-переможців, {}",
            .service = "Послуги",
            .organisations = "Організацій",
            .share = "Частка, %",
            .service_base = "{1}: частка — від усіх організацій-переможців ({0}).",
            .no_services = "{1}: жоден проект-переможець не вказав послуг (організацій-переможців: {0}).",
            .no_winners = "{}: переможців немає.",
        },
    .en =
        {
            .category = "Priority area",
            .total = "Total",
            .category_title = "Indicators by priority area, {}",
            .no_categories = "{}: no application has a priority area, so the only row is “—”.",
            .history_left_out = "History years ({}) are left out: they have no priority areas.",
            .history_no_applications = "History years ({}) are left out: they hold no applications.",
            .service_title = "Services of the winning organisations, {}",
            .service = "Service",
            .organisations = "Organisations",
            .share = "Share, %",
            .service_base = "{1}: shares are of all the winning organisations ({0}).",
            .no_services = "{1}: no winning project names its services ({0} winning organisations).",
            .no_winners = "{}: no winners.",
        },
};

struct ColumnInWords {
  Indicator indicator;
  PerLang<const char*> words;
};

// The short column headings of the category table.
constexpr ColumnInWords category_column_words[] = {
    {Indicator::participants, {.uk = "Учасники", .en = "Participants"}},
    {Indicator::winners, {.uk = "Переможці", .en = "Winners"}},
    {Indicator::budget, {.uk = "Бюджет, тис. грн", .en = "Budget, thousand UAH"}},
    {Indicator::attracted, {.uk = "Залучено, тис. грн", .en = "Attracted, thousand UAH"}},
    {Indicator::coefficient, {.uk = "Коефіцієнт", .en = "Coefficient"}},
    {Indicator::cost_per_client, {.uk = "Затрати на 1 клієнта, грн", .en = "Cost per client, UAH"}},
    {Indicator::clients, {.uk = "Клієнти", .en = "Clients"}},
    {Indicator::jobs, {.uk = "Робочі місця", .en = "Jobs"}},
    {Indicator::volunteers, {.uk = "Волонтери", .en = "Volunteers"}},
};

struct ServiceInWords {
  std::string_view slug;
  PerLang<const char*> words;
};

// docs/report.md "By service": the services the Kharkiv documents name.
constexpr ServiceInWords known_services[] = {
    {"information", {.uk = "інформаційні", .en = "information"}},
    {"social_medical", {.uk = "соціально-медичні", .en = "socio-medical"}},
    {"psychological", {.uk = "психологічні", .en = "psychological"}},
    {"legal", {.uk = "юридичні", .en = "legal"}},
    {"employment", {.uk = "з працевлаштування", .en = "employment"}},
    {"rehabilitation", {.uk = "з професійної реабілітації", .en = "vocational rehabilitation"}},
    {"household", {.uk = "соціально-побутові", .en = "everyday (household)"}},
};

}  // namespace

std::string_view category_column(Indicator i, Lang lang) {
  for (const auto& c : category_column_words)
    if (c.indicator == i) return c.words[lang];
  return indicator_label(i, lang);
}

std::vector<std::string> category_columns(Lang lang) {
  std::vector<std::string> header{std::string(category_heading(lang))};
  for (Indicator i : category_indicators) header.emplace_back(category_column(i, lang));
  return header;
}

std::vector<std::string> category_cells(const std::string& label, const IndicatorValues& v, Lang lang) {
  std::vector<std::string> cells{label};
  for (Indicator i : category_indicators) cells.push_back(indicator_cell(v, i, lang));
  return cells;
}

std::vector<std::string> shown_labels(const CategoryYear& y) {
  std::map<std::string, int> uses;
  for (const auto& row : y.rows) ++uses[row.label];
  std::vector<std::string> out;
  for (const auto& row : y.rows)
    out.push_back(uses[row.label] > 1 && row.category ? row.label + " (" + *row.category + ")" : row.label);
  return out;
}

std::vector<std::string> service_cells(const ServiceRow& row, Lang lang) {
  return {service_label(row.service, lang), format_integer(row.organisations, lang), format_integer(row.share, lang)};
}

std::string_view category_heading(Lang lang) { return by_words[lang].category; }
std::string_view total_label(Lang lang) { return by_words[lang].total; }

std::string category_title(int from, int to, Lang lang) {
  return fmt::format(fmt::runtime(by_words[lang].category_title), years_phrase(from, to, lang));
}

std::string no_categories_note(int year, Lang lang) {
  return fmt::format(fmt::runtime(by_words[lang].no_categories), years_phrase(year, year, lang));
}

std::vector<std::string> category_notes(const CategoryTable& t, Lang lang) {
  std::vector<std::string> notes;
  if (!t.history_years.empty())
    notes.push_back(fmt::format(fmt::runtime(by_words[lang].history_left_out), year_runs(t.history_years)));
  bool planned =
      std::any_of(t.years.begin(), t.years.end(), [](const CategoryYear& y) { return !y.total.planned.empty(); });
  if (planned) notes.push_back(planned_note(lang));
  return notes;
}

std::string service_label(std::string_view slug, Lang lang) {
  for (const auto& s : known_services)
    if (s.slug == slug) return s.words[lang];
  return std::string(slug);
}

std::string service_title(int from, int to, Lang lang) {
  return fmt::format(fmt::runtime(by_words[lang].service_title), years_phrase(from, to, lang));
}

std::vector<std::string> service_columns(Lang lang) {
  const ByWords& w = by_words[lang];
  return {w.service, w.organisations, w.share};
}

std::string service_year_note(const ServiceYear& y, Lang lang) {
  const ByWords& w = by_words[lang];
  if (y.organisations == 0) return fmt::format(fmt::runtime(w.no_winners), years_phrase(y.year, y.year, lang));
  return fmt::format(fmt::runtime(y.rows.empty() ? w.no_services : w.service_base),
                     format_integer(y.organisations, lang), years_phrase(y.year, y.year, lang));
}

std::vector<std::string> service_notes(const ServiceTable& t, Lang lang) {
  std::vector<std::string> notes;
  if (!t.history_years.empty())
    notes.push_back(fmt::format(fmt::runtime(by_words[lang].history_no_applications), year_runs(t.history_years)));
  return notes;
}

}  // namespace competition
