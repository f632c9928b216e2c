// docs/cli.md "sheets", docs/formats.md "Score sheets": the workbook a reviewer fills in Excel.
#include <fmt/format.h>
#include <xlsxwriter.h>

#include "render/number_style.hpp"
#include "render/render_score_sheet.hpp"
#include "render/words.hpp"
#include "render/xlsx_file.hpp"
#include "values/diagnostic.hpp"

namespace competition {

namespace {

struct SheetWords {
  const char* table;  // the first worksheet
  const char* help;   // the second
  const char* heading;
  const char *criterion, *name, *scale, *step;  // the criteria table's columns
  const char* how;                              // the instructions' heading
  const char* steps[5];
  const char* input_title;
  const char* input_message;  // {0} min, {1} max, {2} step
  const char* error_title;
  const char* error_message;  // {0} min, {1} max
};

constexpr PerLang<SheetWords> sheet_words{
    .uk = {.table = "Оцінки",
           .help = "Пояснення",
           .heading = "Конкурс {}, експерт {}",
           .criterion = "Критерій",
           .name = "Назва",
           .scale = "Шкала",
           .step = "Крок",
           .how = "Як заповнити",
           .steps = {"1. На аркуші «Оцінки» поставте в рядку кожної заявки оцінку за кожним критерієм: число "
                     "в межах шкали, кратне кроку (від мінімуму).",
                     "2. Рядок без жодної оцінки вважається ще не оціненим: імпорт його пропускає. Рядок, де "
                     "оцінено лише частину критеріїв, — помилка.",
                     "3. Коментар необов'язковий; у рядку без оцінок він — помилка.",
                     "4. Інші клітинки захищені від випадкових змін; назви колонок не змінюйте. Конкурс і експерт "
                     "записані в книзі, тож назва файлу не важлива.",
                     "5. Збережіть книгу у форматі .xlsx і поверніть її секретарю конкурсу."},
           .input_title = "Оцінка",
           .input_message = "Число від {0} до {1} з кроком {2}",
           .error_title = "Оцінка поза шкалою",
           .error_message = "Оцінка має бути числом від {0} до {1}."},
    .en = {.table = "Scores",
           .help = "Instructions",
           .heading = "Round {}, reviewer {}",
           .criterion = "Criterion",
           .name = "Name",
           .scale = "Scale",
           .step = "Step",
           .how = "How to fill in the sheet",
           .steps = {"1. On the sheet \"Scores\", give every application's row a score for each criterion: a "
                     "number within the scale, on its step (counted from the minimum).",
                     "2. A row with no score at all is not reviewed yet: the import skips it. A row with only "
                     "some criteria scored is an error.",
                     "3. The comment is optional; on a row without scores it is an error.",
                     "4. The other cells are protected against slips; do not rename the columns. The round and "
                     "the reviewer are stored in the workbook, so the file name does not matter.",
                     "5. Save the workbook as .xlsx and return it to the competition's secretary."},
           .input_title = "Score",
           .input_message = "A number from {0} to {1}, in steps of {2}",
           .error_title = "Score outside the scale",
           .error_message = "The score must be a number from {0} to {1}."},
};

double to_double(const Rational& r) { return static_cast<double>(r.num()) / static_cast<double>(r.den()); }
double to_double(Money m) { return static_cast<double>(m.kopiykas()) / 100.0; }

std::string number_words(const Rational& v, Lang lang) { return with_decimal_separator(v.to_decimal(), lang); }

// A defined name's formula holding `text` as a constant (`"esm-2018"`, quotes doubled).
std::string text_constant(const std::string& text) {
  std::string out = "=\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

struct Formats {
  lxw_format* heading = nullptr;  // the header row: bold, locked
  lxw_format* money = nullptr;    // locked amounts
  lxw_format* score = nullptr;    // unlocked
  lxw_format* comment = nullptr;  // unlocked, wrapped
  lxw_format* title = nullptr;    // the instructions' headings
  lxw_format* wrap = nullptr;     // the instructions' text
};

Formats make_formats(lxw_workbook* wb) {
  Formats f;
  f.heading = workbook_add_format(wb);
  format_set_bold(f.heading);
  format_set_bg_color(f.heading, 0xDCE6F1);
  format_set_bottom(f.heading, LXW_BORDER_THIN);
  f.money = workbook_add_format(wb);
  format_set_num_format(f.money, "#,##0.00");
  f.score = workbook_add_format(wb);
  format_set_unlocked(f.score);
  format_set_bg_color(f.score, 0xFFF2CC);
  f.comment = workbook_add_format(wb);
  format_set_unlocked(f.comment);
  format_set_text_wrap(f.comment);
  format_set_bg_color(f.comment, 0xFFF2CC);
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  f.wrap = workbook_add_format(wb);
  format_set_text_wrap(f.wrap);
  return f;
}

// Each criterion column's cells: a decimal between its min and max, with its step named.
void validate_scores(lxw_worksheet* ws, const ScoreSheet& sheet, Lang lang) {
  if (sheet.rows.empty()) return;
  const SheetWords& w = sheet_words[lang];
  for (std::size_t c = 0; c < sheet.criteria.size(); ++c) {
    const Criterion& cr = sheet.criteria[c];
    const std::string min = number_words(cr.min, lang), max = number_words(cr.max, lang);
    std::string input_title = w.input_title;
    std::string input_message = fmt::format(fmt::runtime(w.input_message), min, max, number_words(cr.step, lang));
    std::string error_title = w.error_title;
    std::string error_message = fmt::format(fmt::runtime(w.error_message), min, max);
    lxw_data_validation v{};
    v.validate = LXW_VALIDATION_TYPE_DECIMAL;
    v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    v.minimum_number = to_double(cr.min);
    v.maximum_number = to_double(cr.max);
    v.input_title = input_title.data();
    v.input_message = input_message.data();
    v.error_title = error_title.data();
    v.error_message = error_message.data();
    const auto col = static_cast<lxw_col_t>(6 + c);
    worksheet_data_validation_range(ws, 1, col, static_cast<lxw_row_t>(sheet.rows.size()), col, &v);
  }
}

// The table: row 1 the header, a row per application; only score and comment cells unlocked.
void table_sheet(lxw_workbook* wb, const ScoreSheet& sheet, Lang lang, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_words[lang].table);
  const std::vector<std::string> columns = score_sheet_columns(sheet);
  for (std::size_t c = 0; c < columns.size(); ++c)
    xlsx_write_text(ws, 0, static_cast<lxw_col_t>(c), columns[c], f.heading);
  const std::size_t n = sheet.criteria.size();
  lxw_row_t r = 1;
  for (const ScoreSheetRow& row : sheet.rows) {
    xlsx_write_text(ws, r, 0, row.application, nullptr);
    xlsx_write_text(ws, r, 1, row.organisation, nullptr);
    xlsx_write_text(ws, r, 2, row.title, nullptr);
    xlsx_write_text(ws, r, 3, row.category, nullptr);
    worksheet_write_number(ws, r, 4, to_double(row.requested), f.money);
    worksheet_write_number(ws, r, 5, to_double(row.cofinancing), f.money);
    for (std::size_t c = 0; c < n; ++c) {
      const auto col = static_cast<lxw_col_t>(6 + c);
      if (c < row.scores.size())
        worksheet_write_number(ws, r, col, to_double(row.scores[c]), f.score);
      else
        worksheet_write_blank(ws, r, col, f.score);
    }
    const auto comment = static_cast<lxw_col_t>(6 + n);
    if (row.comment.empty())
      worksheet_write_blank(ws, r, comment, f.comment);
    else
      xlsx_write_text(ws, r, comment, row.comment, f.comment);
    ++r;
  }
  validate_scores(ws, sheet, lang);
  worksheet_set_column(ws, 0, 0, 12, nullptr);
  worksheet_set_column(ws, 1, 2, 36, nullptr);
  worksheet_set_column(ws, 3, 5, 14, nullptr);
  worksheet_set_column(ws, 6, static_cast<lxw_col_t>(5 + n), 12, nullptr);
  worksheet_set_column(ws, static_cast<lxw_col_t>(6 + n), static_cast<lxw_col_t>(6 + n), 48, nullptr);
  worksheet_freeze_panes(ws, 1, 0);
  worksheet_protect(ws, nullptr, nullptr);  // no password: against slips, not people
}

// The criteria (id, name, scale, step) and how to fill the table.
void help_sheet(lxw_workbook* wb, const ScoreSheet& sheet, Lang lang, const Formats& f) {
  const SheetWords& w = sheet_words[lang];
  lxw_worksheet* ws = workbook_add_worksheet(wb, w.help);
  lxw_row_t r = 0;
  xlsx_write_text(ws, r++, 0, fmt::format(fmt::runtime(w.heading), sheet.round, sheet.reviewer), f.title);
  ++r;
  const char* heads[] = {w.criterion, w.name, w.scale, w.step};
  for (lxw_col_t c = 0; c < 4; ++c) xlsx_write_text(ws, r, c, heads[c], f.heading);
  ++r;
  for (const Criterion& cr : sheet.criteria) {
    xlsx_write_text(ws, r, 0, cr.id, nullptr);
    xlsx_write_text(ws, r, 1, cr.name, f.wrap);
    xlsx_write_text(ws, r, 2, number_words(cr.min, lang) + "–" + number_words(cr.max, lang), nullptr);
    xlsx_write_text(ws, r, 3, number_words(cr.step, lang), nullptr);
    ++r;
  }
  ++r;
  xlsx_write_text(ws, r++, 0, w.how, f.title);
  for (const char* step : w.steps) xlsx_write_text(ws, r++, 0, step, nullptr);
  worksheet_set_column(ws, 0, 0, 16, nullptr);
  worksheet_set_column(ws, 1, 1, 40, nullptr);
  worksheet_set_column(ws, 2, 3, 10, nullptr);
}

}  // namespace

void write_score_sheet_xlsx(const ScoreSheet& sheet, Lang lang, const std::string& path, const std::string& database) {
  write_workbook(path, database, [&](lxw_workbook* wb) {
    const Formats f = make_formats(wb);
    table_sheet(wb, sheet, lang, f);
    help_sheet(wb, sheet, lang, f);
    workbook_define_name(wb, "competition_round", text_constant(sheet.round).c_str());
    workbook_define_name(wb, "competition_reviewer", text_constant(sheet.reviewer).c_str());
  });
}

}  // namespace competition
