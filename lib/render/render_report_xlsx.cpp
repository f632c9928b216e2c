// docs/report.md "xlsx"; docs/cli.md "XLSX writes text as string cells (never
// formulas), unchanged".
#include <fmt/format.h>
#include <xlsxwriter.h>

#include <string>
#include <vector>

#include "render/render_report.hpp"
#include "render/render_report_by.hpp"
#include "render/report_by_words.hpp"
#include "render/report_style.hpp"
#include "render/words.hpp"
#include "render/xlsx_file.hpp"
#include "render/xlsx_text.hpp"
#include "values/diagnostic.hpp"

namespace competition {

namespace {

// A number cell's display formats: as computed, and with the planned mark
// appended by the format (the cell keeps the number).
struct NumberFormats {
  lxw_format* plain = nullptr;
  lxw_format* planned = nullptr;
};

struct Formats {
  lxw_format* heading = nullptr;   // bold, header row
  lxw_format* year = nullptr;      // header row, a year as a number without grouping
  lxw_format* label = nullptr;     // first column
  lxw_format* text = nullptr;      // right-aligned text in the value columns (`—`, notes)
  lxw_format* title = nullptr;     // summary sheet heading
  lxw_format* note = nullptr;      // notes under the table (plain text, overflowing to the right)
  NumberFormats integer, decimal;  // `# ##0` and `# ##0.0` (Excel shows its locale's separators)
};

lxw_format* number_format(lxw_workbook* wb, const char* code) {
  lxw_format* f = workbook_add_format(wb);
  format_set_num_format(f, code);
  return f;
}

Formats make_formats(lxw_workbook* wb) {
  Formats f;
  f.heading = workbook_add_format(wb);
  format_set_bold(f.heading);
  format_set_bg_color(f.heading, 0xDCE6F1);
  format_set_bottom(f.heading, LXW_BORDER_THIN);
  f.year = workbook_add_format(wb);
  format_set_bold(f.year);
  format_set_bg_color(f.year, 0xDCE6F1);
  format_set_bottom(f.year, LXW_BORDER_THIN);
  format_set_num_format(f.year, "0");
  f.label = workbook_add_format(wb);
  format_set_text_wrap(f.label);
  f.text = workbook_add_format(wb);
  format_set_align(f.text, LXW_ALIGN_RIGHT);
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  f.note = workbook_add_format(wb);
  f.integer = {number_format(wb, "#,##0"), number_format(wb, "#,##0\"*\"")};
  f.decimal = {number_format(wb, "#,##0.0"), number_format(wb, "#,##0.0\"*\"")};
  return f;
}

constexpr PerLang<const char*> cut_words{
    .uk = "рік {}: примітку ({} символів) обрізано до 32 767 символів — більше комірка xlsx не вміщує",
    .en = "year {}: the note ({} characters) was cut to 32 767 characters, the most an xlsx cell holds"};

double to_double(const Rational& r) { return static_cast<double>(r.num()) / static_cast<double>(r.den()); }

// The exact value of an indicator for a spreadsheet cell (money in thousands
// of UAH), or none when undefined.
std::optional<Rational> cell_value(const IndicatorValues& v, Indicator i) {
  switch (i) {
    case Indicator::participants:
      return Rational(v.participants);
    case Indicator::winners:
      return Rational(v.winners);
    case Indicator::budget:
      return Rational::of_money(v.budget) / Rational(1000);
    case Indicator::paid:
      return v.paid ? std::optional<Rational>(Rational::of_money(*v.paid) / Rational(1000)) : std::nullopt;
    case Indicator::attracted:
      return Rational::of_money(v.attracted) / Rational(1000);
    case Indicator::coefficient:
      return v.coefficient;
    case Indicator::clients:
      return Rational(v.clients);
    case Indicator::cost_per_client:
      return v.cost_per_client;
    case Indicator::jobs:
      return Rational(v.jobs);
    case Indicator::volunteers:
      return Rational(v.volunteers);
    case Indicator::new_partners:
      return v.new_partners ? std::optional<Rational>(Rational(*v.new_partners)) : std::nullopt;
  }
  return std::nullopt;
}

bool has_decimals(Indicator i) {
  return i == Indicator::budget || i == Indicator::paid || i == Indicator::attracted || i == Indicator::coefficient ||
         i == Indicator::cost_per_client;
}

// Writes a number cell with its display format; `—` as a string when undefined.
void write_value(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const IndicatorValues& v, Indicator i, const Formats& f) {
  auto value = cell_value(v, i);
  if (!value) {
    if (i != Indicator::paid) xlsx_write_text(ws, r, c, undefined_mark, f.text);  // a year without payments: empty
    return;
  }
  const NumberFormats& n = has_decimals(i) ? f.decimal : f.integer;
  worksheet_write_number(ws, r, c, to_double(*value), v.is_planned(i) ? n.planned : n.plain);
}

struct SheetWords {
  const char* indicators;  // the sheets
  const char* summary;
  const char* total;  // the column of the period
  const char* data_source;
  const char* note;
};

constexpr PerLang<SheetWords> sheet_words{
    .uk = {.indicators = "Показники",
           .summary = "Підсумки",
           .total = "Разом ",
           .data_source = "Джерело даних",
           .note = "Примітка"},
    .en = {.indicators = "Indicators",
           .summary = "Summary",
           .total = "Total ",
           .data_source = "Data source",
           .note = "Note"},
};

// The table sheet: labels in column A, one column per year and one for the
// period, header row and first column frozen; then the source and note rows
// and the notes.
void table_sheet(lxw_workbook* wb, const ReportTable& t, Lang lang, const Formats& f) {
  const SheetWords& w = sheet_words[lang];
  lxw_worksheet* ws = workbook_add_worksheet(wb, w.indicators);
  xlsx_write_text(ws, 0, 0, indicators_heading(lang), f.heading);
  lxw_col_t total_col = static_cast<lxw_col_t>(t.years.size() + 1);
  for (std::size_t y = 0; y < t.years.size(); ++y)
    worksheet_write_number(ws, 0, static_cast<lxw_col_t>(y + 1), t.years[y].year, f.year);
  std::string period = w.total + years_span(t.from, t.to);
  xlsx_write_text(ws, 0, total_col, period, f.heading);
  lxw_row_t r = 1;
  for (Indicator i : shown_indicators(t)) {
    xlsx_write_text(ws, r, 0, indicator_label(i, lang), f.label);
    for (std::size_t y = 0; y < t.years.size(); ++y)
      write_value(ws, r, static_cast<lxw_col_t>(y + 1), t.years[y], i, f);
    write_value(ws, r, total_col, t.totals, i, f);
    ++r;
  }
  xlsx_write_text(ws, r, 0, w.data_source, f.label);
  for (std::size_t y = 0; y < t.years.size(); ++y)
    xlsx_write_text(ws, r, static_cast<lxw_col_t>(y + 1), source_label(t.years[y].source, lang), f.text);
  ++r;
  bool any_note = false;
  for (const auto& row : t.years) any_note = any_note || row.note.has_value();
  if (any_note) {
    xlsx_write_text(ws, r, 0, w.note, f.label);
    for (std::size_t y = 0; y < t.years.size(); ++y)
      if (t.years[y].note)
        xlsx_write_text(ws, r, static_cast<lxw_col_t>(y + 1), note_in_words(*t.years[y].note, lang), f.text);
    ++r;
  }
  ++r;
  for (const auto& note : report_notes(t, lang)) xlsx_write_text(ws, r++, 0, note, f.note);
  worksheet_set_column(ws, 0, 0, 62, nullptr);
  if (!t.years.empty()) worksheet_set_column(ws, 1, static_cast<lxw_col_t>(t.years.size()), 11, nullptr);
  worksheet_set_column(ws, total_col, total_col, 16, nullptr);
  worksheet_freeze_panes(ws, 1, 1);
}

// The summary sheet: docs/report.md "Summary of the period" as sentences, then the
// totals as numbers.
void summary_sheet(lxw_workbook* wb, const ReportTable& t, Lang lang, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_words[lang].summary);
  lxw_row_t r = 0;
  xlsx_write_text(ws, r++, 0, summary_heading(t, lang), f.title);
  for (const auto& s : summary_sentences(t, lang)) xlsx_write_text(ws, r++, 0, s, nullptr);
  ++r;
  xlsx_write_text(ws, r, 0, indicators_heading(lang), f.heading);
  xlsx_write_text(ws, r++, 1, years_span(t.from, t.to), f.heading);
  for (Indicator i : shown_indicators(t)) {
    xlsx_write_text(ws, r, 0, indicator_label(i, lang), f.label);
    write_value(ws, r++, 1, t.totals, i, f);
  }
  worksheet_set_column(ws, 0, 0, 62, nullptr);
  worksheet_set_column(ws, 1, 1, 16, nullptr);
}

}  // namespace

// docs/report.md "xlsx": a workbook with the table and the summary, written as
// every output file is (formats/output_file.hpp: a temporary file beside
// `path` renamed into place), so a failed run leaves no half-written workbook.
std::vector<std::string> write_report_xlsx(const ReportTable& t, Lang lang, const std::string& path,
                                           const std::string& database) {
  // Only a year's note is free text that can exceed a cell: each one cut is reported.
  std::vector<std::string> warnings;
  for (const auto& year : t.years)
    if (year.note && utf8_length(xlsx_text(*year.note)) > xlsx_cell_chars)
      warnings.push_back(fmt::format(fmt::runtime(cut_words[lang]), year.year, utf8_length(xlsx_text(*year.note))));
  write_workbook(path, database, [&](lxw_workbook* wb) {
    Formats f = make_formats(wb);
    table_sheet(wb, t, lang, f);
    summary_sheet(wb, t, lang, f);
  });
  return warnings;
}

namespace {

// A sheet named for its year (or the note sheet of a table without years), its header row bold and frozen.
lxw_worksheet* year_sheet(lxw_workbook* wb, const std::string& name, const std::vector<std::string>& header,
                          const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  for (std::size_t c = 0; c < header.size(); ++c)
    xlsx_write_text(ws, 0, static_cast<lxw_col_t>(c), header[c], f.heading);
  worksheet_set_column(ws, 0, 0, 40, nullptr);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(header.size() - 1), 16, nullptr);
  worksheet_freeze_panes(ws, 1, 1);
  return ws;
}

void write_notes(lxw_worksheet* ws, lxw_row_t r, const std::vector<std::string>& notes, const Formats& f) {
  for (const auto& note : notes) xlsx_write_text(ws, r++, 0, note, f.note);
}

}  // namespace

// docs/report.md "By category" "xlsx": one sheet per year, numbers as numbers
// (money in thousands of UAH), the total row last, the notes under it.
void write_category_xlsx(const CategoryTable& t, Lang lang, const std::string& path, const std::string& database) {
  write_workbook(path, database, [&](lxw_workbook* wb) {
    Formats f = make_formats(wb);
    const std::vector<std::string> header = category_columns(lang);
    for (const auto& y : t.years) {
      lxw_worksheet* ws = year_sheet(wb, std::to_string(y.year), header, f);
      lxw_row_t r = 1;
      auto add = [&](const std::string& label, const IndicatorValues& v) {
        xlsx_write_text(ws, r, 0, label, f.label);
        lxw_col_t c = 1;
        for (Indicator i : category_indicators) write_value(ws, r, c++, v, i, f);
        ++r;
      };
      std::vector<std::string> labels = shown_labels(y);
      for (std::size_t i = 0; i < y.rows.size(); ++i) add(labels[i], y.rows[i].values);
      add(std::string(total_label(lang)), y.total);
      std::vector<std::string> notes = category_notes(t, lang);
      if (y.without_categories()) notes.insert(notes.begin(), no_categories_note(y.year, lang));
      write_notes(ws, r + 1, notes, f);
    }
    if (t.years.empty()) write_notes(year_sheet(wb, sheet_words[lang].note, header, f), 2, category_notes(t, lang), f);
  });
}

// docs/report.md "By service" "xlsx": one sheet per year; organisations and share as numbers.
void write_service_xlsx(const ServiceTable& t, Lang lang, const std::string& path, const std::string& database) {
  write_workbook(path, database, [&](lxw_workbook* wb) {
    Formats f = make_formats(wb);
    const std::vector<std::string> header = service_columns(lang);
    for (const auto& y : t.years) {
      lxw_worksheet* ws = year_sheet(wb, std::to_string(y.year), header, f);
      lxw_row_t r = 1;
      for (const auto& row : y.rows) {
        xlsx_write_text(ws, r, 0, service_label(row.service, lang), f.label);
        worksheet_write_number(ws, r, 1, static_cast<double>(row.organisations), f.integer.plain);
        worksheet_write_number(ws, r, 2, static_cast<double>(row.share), f.integer.plain);
        ++r;
      }
      std::vector<std::string> notes = service_notes(t, lang);
      notes.insert(notes.begin(), service_year_note(y, lang));
      write_notes(ws, r + 1, notes, f);
    }
    if (t.years.empty()) write_notes(year_sheet(wb, sheet_words[lang].note, header, f), 2, service_notes(t, lang), f);
  });
}

}  // namespace competition
