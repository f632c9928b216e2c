#include "formats/xlsx_reader.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "base/text.hpp"
#include "formats/xlsx_cell.hpp"
#include "formats/xlsx_workbook.hpp"
#include "formats/xlsx_zip.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_boolean{
    .uk = "логічна клітинка (TRUE/FALSE) тут не є значенням (введіть текст або число)",
    .en = "a boolean cell (TRUE/FALSE) is not a value here (type the text or a number)"};
constexpr PerLang<const char*> w_error_cell{.uk = "клітинка з помилкою ({})", .en = "an error cell ({})"};
constexpr PerLang<const char*> w_uncached{.uk = "формула без обчисленого значення (перерахуйте й збережіть в Excel)",
                                          .en = "a formula without a calculated value (recalculate and save in Excel)"};
constexpr PerLang<const char*> w_not_number{.uk = "\"{}\" — не число", .en = "\"{}\" is not a number"};
constexpr PerLang<const char*> w_date_cell{
    .uk = "клітинка з датою в стовпці, що не є датою (відформатуйте клітинку як число або текст)",
    .en = "a date cell in a column that is not a date (format the cell as a number or text)"};
constexpr PerLang<const char*> w_serial{.uk = "порядковий номер дати {} — не дата",
                                        .en = "date serial {} is not a date"};
constexpr PerLang<const char*> w_fraction{.uk = "{} — не код (дріб; відформатуйте стовпець як текст)",
                                          .en = "{} is not a code (a fraction; format the column as text)"};
constexpr PerLang<const char*> w_xls{
    .uk = "файл .xls або зашифрована робоча книга: збережіть її як .xlsx (робоча книга Excel) або CSV",
    .en = "an .xls or an encrypted workbook: save it as .xlsx (Excel workbook) or CSV"};
constexpr PerLang<const char*> w_empty_sheet{.uk = "порожній аркуш (очікується рядок заголовків у рядку 1)",
                                             .en = "empty sheet (expected a header row in row 1)"};
constexpr PerLang<const char*> w_right_of_header{.uk = "значення праворуч від останнього названого стовпця заголовка",
                                                 .en = "a value right of the header's last named column"};

namespace {

// Columns whose number cells are codes: their integer digits (docs/formats.md).
constexpr std::array<std::string_view, 6> code_columns{"id",     "application", "reviewer",
                                                       "edrpou", "number",      "reference"};
constexpr std::array<std::string_view, 5> date_columns{"submitted_at", "signed_on", "report_due", "paid_on",
                                                       "received_on"};
// history's published ratios: their decimals set `audit history`'s tolerance, so they are kept as shown.
constexpr std::array<std::string_view, 2> shown_decimals_columns{"coefficient", "cost_per_client"};

bool one_of(std::string_view name, auto const& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// The text of a non-header cell in column `name`; sets `problem` instead when it has none.
std::string cell_text(const XlsxCell& c, std::string_view name, bool date1904, Message& problem) {
  switch (c.type) {
    case XlsxCell::Type::text:
      return c.value;
    case XlsxCell::Type::boolean:
      problem = say(w_boolean);
      return {};
    case XlsxCell::Type::error:
      problem = say(w_error_cell, c.value);
      return {};
    case XlsxCell::Type::uncached:
      problem = say(w_uncached);
      return {};
    case XlsxCell::Type::number:
      break;
  }
  const auto number = xlsx_number_text(c.value);
  if (!number) {
    problem = say(w_not_number, c.value);
    return {};
  }
  if (c.date_format) {
    if (!one_of(name, date_columns)) {
      problem = say(w_date_cell);
      return {};
    }
    auto date = xlsx_serial_date(*number, date1904);
    if (!date) problem = say(w_serial, *number);
    return date.value_or(std::string());
  }
  if (one_of(name, code_columns) && number->find('.') != std::string::npos) {
    problem = say(w_fraction, *number);
    return {};
  }
  if (c.decimals >= 0 && one_of(name, shown_decimals_columns)) return xlsx_fixed_decimals(*number, c.decimals);
  return *number;
}

}  // namespace

std::optional<std::string> xlsx_text_constant(std::string_view formula) {
  if (!formula.empty() && formula.front() == '=') formula.remove_prefix(1);
  if (formula.size() < 2 || formula.front() != '"' || formula.back() != '"') return std::nullopt;
  std::string out;
  for (std::size_t i = 1; i + 1 < formula.size(); ++i) {
    if (formula[i] == '"') {
      if (i + 2 >= formula.size() || formula[i + 1] != '"') return std::nullopt;  // a lone quote inside
      ++i;
    }
    out += formula[i];
  }
  return out;
}

XlsxTable read_xlsx_table(std::string_view bytes, const std::string& file) {
  if (looks_like_ole(bytes)) refuse_file(file, say(w_xls));
  XlsxSheet sheet = read_first_sheet(bytes, file);
  XlsxTable t;
  t.sheet = sheet.name;
  for (const auto& [name, formula] : sheet.defined_names)
    if (auto text = xlsx_text_constant(formula)) t.text_names.emplace_back(name, std::move(*text));
  auto problem_at = [&](int row, int column, std::string field, Message message) {
    if (t.problems.size() < max_reported_errors)
      t.problems.push_back(
          Diagnostic{file, row, column, std::move(field), std::move(message), ErrorKind::invalid, t.sheet});
  };
  // The header: row 1, up to its last non-empty cell.
  std::vector<std::string> names;
  std::size_t i = 0;
  for (; i < sheet.cells.size() && sheet.cells[i].row == 1; ++i) {
    const XlsxCell& c = sheet.cells[i];
    std::string text = c.type == XlsxCell::Type::number ? xlsx_number_text(c.value).value_or(c.value) : c.value;
    if (trim(text).empty()) continue;
    names.resize(static_cast<std::size_t>(c.column));
    names[static_cast<std::size_t>(c.column) - 1] = std::move(text);
  }
  if (names.empty())
    throw Error(ErrorKind::invalid, {Diagnostic{file, 1, 0, "", say(w_empty_sheet), ErrorKind::invalid, t.sheet}});
  t.header.line = 1;
  t.header.fields = names;
  t.header.field_lines.assign(names.size(), 1);
  const std::size_t width = names.size();
  for (auto& n : names) n = normalize_header(n);

  // Data rows: cells are stored by row; a row of only empty cells is skipped.
  while (i < sheet.cells.size()) {
    CsvRecord rec;
    rec.line = sheet.cells[i].row;
    rec.fields.assign(width, std::string());
    rec.field_lines.assign(width, rec.line);
    bool any = false;
    for (; i < sheet.cells.size() && sheet.cells[i].row == rec.line; ++i) {
      const XlsxCell& c = sheet.cells[i];
      const auto col = static_cast<std::size_t>(c.column);
      Message problem;
      std::string text =
          cell_text(c, col <= width ? std::string_view(names[col - 1]) : std::string_view{}, sheet.date1904, problem);
      if (problem.empty() && trim(text).empty()) continue;
      any = true;
      if (col > width) {
        problem_at(rec.line, c.column, "", say(w_right_of_header));
      } else if (!problem.empty()) {
        problem_at(rec.line, c.column, names[col - 1], std::move(problem));
        rec.reported.resize(width);
        rec.reported[col - 1] = true;
      } else {
        rec.fields[col - 1] = std::move(text);
      }
    }
    if (any) t.rows.push_back(std::move(rec));
  }
  return t;
}

}  // namespace competition
