// docs/report.md "By category" and "By service" for people: the titles, column
// headings, service labels and notes of the two tables, in Ukrainian or English.
// Shared by their text, Markdown, HTML and XLSX renderers.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "engine/category_report.hpp"
#include "engine/service_report.hpp"
#include "values/lang.hpp"

namespace competition {

// The indicators of a category row, in column order (the main report's rows but paid and new partners).
inline constexpr Indicator category_indicators[] = {
    Indicator::participants,    Indicator::winners, Indicator::budget, Indicator::attracted, Indicator::coefficient,
    Indicator::cost_per_client, Indicator::clients, Indicator::jobs,   Indicator::volunteers};

// A short column heading of the category table (`Бюджет, тис. грн`).
std::string_view category_column(Indicator i, Lang lang);
// The header row of the category table and the cells of one of its rows (human formats).
std::vector<std::string> category_columns(Lang lang);
std::vector<std::string> category_cells(const std::string& label, const IndicatorValues& v, Lang lang);
// The labels of a year's rows for people: a lot's name shared by two of its
// categories is followed by the slug (`Люди з інвалідністю (disability)`).
std::vector<std::string> shown_labels(const CategoryYear& y);
// The cells of a service row: label, organisations, share.
std::vector<std::string> service_cells(const ServiceRow& row, Lang lang);
// "Пріоритетний напрям" / "Priority area"; "Разом" / "Total".
std::string_view category_heading(Lang lang);
std::string_view total_label(Lang lang);
// "Показники за пріоритетними напрямами, 2018 р."
std::string category_title(int from, int to, Lang lang);
// The note of a year whose applications have no category (one row `—`).
std::string no_categories_note(int year, Lang lang);
// The notes under all the tables: history years left out, the planned mark.
std::vector<std::string> category_notes(const CategoryTable& t, Lang lang);

// docs/report.md "By service": the label of a known slug (`information` ->
// `інформаційні`); an unknown slug is its own label.
std::string service_label(std::string_view slug, Lang lang);
// "Послуги організацій-переможців, 2018 р."
std::string service_title(int from, int to, Lang lang);
// The column headings: service, organisations, share.
std::vector<std::string> service_columns(Lang lang);
// The note under a year's table: out of how many winning organisations the shares are.
std::string service_year_note(const ServiceYear& y, Lang lang);
// The notes under all the tables: history years left out.
std::vector<std::string> service_notes(const ServiceTable& t, Lang lang);

}  // namespace competition
