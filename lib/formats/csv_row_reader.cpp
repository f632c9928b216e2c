#include "formats/csv_row_reader.hpp"

#include <algorithm>

#include "values/common_words.hpp"
#include "values/dates.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_no_name{
    .uk = "стовпець {} не має назви (очікується одна з: {}; вилучіть стовпець або назвіть його x_...)",
    .en = "column {} has no name (expected one of: {}; remove the column or name it x_...)"};
constexpr PerLang<const char*> w_unknown_column{
    .uk = "невідомий стовпець \"{}\" (очікується один з: {}; додаткові стовпці починайте з x_)",
    .en = "unknown column \"{}\" (expected one of: {}; prefix extra columns with x_)"};
constexpr PerLang<const char*> w_column_twice{.uk = "стовпець \"{}\" двічі трапляється в заголовку",
                                              .en = "column \"{}\" appears twice in the header"};
constexpr PerLang<const char*> w_on_line{.uk = "у рядку {}", .en = "on line {}"};
constexpr PerLang<const char*> w_at{.uk = "у {}", .en = "at {}"};
constexpr PerLang<const char*> w_bad_id{
    .uk = "\"{}\" — неприпустимий id (очікується 1–64 символи з A-Z a-z 0-9 . _ / -)",
    .en = "\"{}\" is not a valid id (expected 1-64 characters of A-Z a-z 0-9 . _ / -)"};
constexpr PerLang<const char*> w_count_empty{.uk = "не може бути порожнім (очікується ціле число, наприклад, 120)",
                                             .en = "must not be empty (expected a whole number such as 120)"};
constexpr PerLang<const char*> w_not_count{.uk = "\"{}\" — не невід’ємне ціле число (очікується, наприклад, 120)",
                                           .en = "\"{}\" is not a non-negative whole number (expected e.g. 120)"};
constexpr PerLang<const char*> w_date_empty{.uk = "не може бути порожнім (очікується дата, наприклад, 2018-02-03)",
                                            .en = "must not be empty (expected a date such as 2018-02-03)"};

Message missing_column_message(std::string_view name) { return say(missing_column_words, name); }

std::vector<int> map_columns(const std::vector<std::string>& header, const std::vector<ColumnSpec>& specs,
                             int header_line, DiagnosticSink& sink) {
  std::vector<int> index(specs.size(), -1);
  std::string expected;
  for (const auto& s : specs) expected += (expected.empty() ? "" : ", ") + s.name;
  for (std::size_t c = 0; c < header.size(); ++c) {
    std::string name = normalize_header(header[c]);
    int col = static_cast<int>(c) + 1;
    if (name.rfind("x_", 0) == 0) continue;
    auto it = std::find_if(specs.begin(), specs.end(), [&](const ColumnSpec& s) { return s.name == name; });
    if (it == specs.end()) {
      if (name.empty())
        sink.add(header_line, col, "header", say(w_no_name, col, expected));
      else
        sink.add(header_line, col, shown(name), say(w_unknown_column, shown(header[c]), expected));
      continue;
    }
    auto k = static_cast<std::size_t>(it - specs.begin());
    if (index[k] >= 0) {
      sink.add(header_line, col, name, say(w_column_twice, name));
      continue;
    }
    index[k] = static_cast<int>(c);
  }
  for (std::size_t k = 0; k < specs.size(); ++k)
    if (specs[k].required && index[k] < 0)
      sink.add(header_line, 0, specs[k].name, missing_column_message(specs[k].name));
  return index;
}

namespace {

// A-Z a-z 0-9 . _ / - (a test per character; find_first_not_of scans the set for each)
bool id_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '/' || c == '-';
}

}  // namespace

Message place_of(const RowReader& r, int line, std::size_t k) {
  if (r.sink.sheet().empty()) return say(w_on_line, line);
  Diagnostic at;
  at.file = r.sink.file();
  at.line = line;
  at.column = r.present(k) ? r.column(k) : 0;
  at.sheet = r.sink.sheet();
  return say(w_at, at.location());
}

void RowReader::error(std::size_t k, Message message, ErrorKind kind) {
  ok = ok && kind != ErrorKind::invalid;
  // A workbook cell whose own problem was reported already gets no second one (its field is empty).
  if (index[k] >= 0 && static_cast<std::size_t>(index[k]) < rec.reported.size() &&
      rec.reported[static_cast<std::size_t>(index[k])])
    return;
  sink.add(line(k), present(k) ? column(k) : 0, specs[k].name, std::move(message), kind);
}

std::string RowReader::text(std::size_t k) {
  auto v = cell(k);
  if (specs[k].required && v.empty()) error(k, say(not_empty_words));
  return std::string(v);
}

std::string RowReader::id(std::size_t k) {
  auto v = cell(k);
  if (v.empty()) {
    error(k, say(not_empty_words));
  } else if (v.size() > 64 || !std::all_of(v.begin(), v.end(), id_char)) {
    error(k, say(w_bad_id, shown(v)));
  }
  return std::string(v);
}

std::optional<Money> RowReader::money(std::size_t k) {
  auto v = cell(k);
  if (v.empty()) {
    if (specs[k].required) error(k, say(money_empty_words));
    return std::nullopt;
  }
  auto m = Money::parse(v);
  if (!m) error(k, Money::parse_error(shown(v)));
  return m;
}

std::optional<std::int64_t> RowReader::count(std::size_t k) {
  auto v = cell(k);
  if (v.empty()) {
    if (specs[k].required) error(k, say(w_count_empty));
    return std::nullopt;
  }
  // Spreadsheets may group thousands: `1 248 667`. Added up in place, no
  // string per cell (three count columns a row were 2.4 % of an import).
  std::int64_t n = 0;
  std::size_t digits = 0;
  bool only_digits = true;
  for (char c : v) {
    if (c == ' ') continue;
    ++digits;
    if (c < '0' || c > '9') only_digits = false;
    if (only_digits && digits <= 15) n = n * 10 + (c - '0');
  }
  if (digits == 0 || digits > 15 || !only_digits) {
    error(k, say(w_not_count, shown(v)));
    return std::nullopt;
  }
  return n;
}

// docs/formats.md "Dates".
std::optional<std::string> RowReader::date(std::size_t k) {
  auto v = cell(k);
  if (v.empty()) {
    if (specs[k].required) error(k, say(w_date_empty));
    return std::nullopt;
  }
  auto d = canonical_date(v);
  if (!d) error(k, date_error(shown(v)));
  return d;
}

}  // namespace competition
