// docs/report.md for people: the labels (uk, en), the number style of `--lang`,
// the cells of the human formats, the notes under the table and the summary
// sentences. Shared by the text, Markdown, HTML and XLSX renderers so that
// every human format says the same thing.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/indicators.hpp"
#include "values/lang.hpp"

namespace competition {

inline constexpr std::string_view undefined_mark = "—";  // an undefined ratio
inline constexpr std::string_view planned_mark = "*";    // a value a planned figure went into

// docs/report.md "Number style": uk `1 248 667`, en `1,248,667`.
std::string format_integer(std::int64_t v, Lang lang);
// uk `1 470,9`, en `1,470.9`; rounded half away from zero.
std::string format_decimal(const Rational& v, int places, Lang lang);
// Money in thousands of UAH with 1 decimal (`1 470,9`).
std::string format_thousands(Money m, Lang lang);

std::string_view indicator_label(Indicator i, Lang lang);
// The label of the first column ("Показники").
std::string_view indicators_heading(Lang lang);
// The unit a chart or spreadsheet cell of the indicator is in ("тис. грн").
std::string_view indicator_unit(Indicator i, Lang lang);
std::string_view source_label(YearSource s, Lang lang);

// A cell of the human table, in docs/report.md's precision: the formatted value,
// `—` when undefined, the planned mark, and for `winners` the year's note.
std::string indicator_cell(const IndicatorValues& v, Indicator i, Lang lang);
std::string year_cell(const YearRow& row, Indicator i, Lang lang);
// A year's note of the published table in words: `безфін.` is en `unfunded`;
// any other note is data, shown as written.
std::string note_in_words(const std::string& note, Lang lang);

// `2000–2017` or `2012`.
std::string years_span(int from, int to);
// The years as the language writes them after a word: uk `2012 р.`, `2000–2017 рр.`, en `2000–2017`.
std::string years_phrase(int from, int to, Lang lang);
// Years as runs of consecutive numbers: `2000–2003, 2005`.
std::string year_runs(const std::vector<int>& years);
// The footnote of the planned mark: `* з урахуванням запланованих значень: …`.
std::string planned_note(Lang lang);
// "Динаміка показників конкурсів соціальних проектів, 2000–2017 рр."
std::string report_title(const ReportTable& t, Lang lang);
// docs/report.md: the new partners row is shown when a year of the table has a value.
bool shows_new_partners(const ReportTable& t);
// The rows the human formats show, in order.
std::vector<Indicator> shown_indicators(const ReportTable& t);

// The sentences under the table: data sources, years where rounds replaced the
// history, rounds left out, how ratios and new partners are counted, and the
// footnote of the planned mark. Each a complete sentence.
std::vector<std::string> report_notes(const ReportTable& t, Lang lang);

// docs/report.md "Summary of the period": the heading and one item per total
// (each ending in `;`, the last in `.`).
std::string summary_heading(const ReportTable& t, Lang lang);
std::vector<std::string> summary_sentences(const ReportTable& t, Lang lang);
// docs/report.md "csv": what the total of `paid` covers, `paid: 2018 as of 2019-01-31`
// (the years with payments; the day they are counted at). Only when `t.paid_as_of`.
std::string paid_coverage(const ReportTable& t);

}  // namespace competition
