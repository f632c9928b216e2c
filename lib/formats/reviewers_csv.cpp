#include "formats/reviewers_csv.hpp"

#include "base/text.hpp"
#include "formats/csv_rows.hpp"
#include "values/category_list.hpp"
#include "values/conflicts.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_bad_code{
    .uk = "\"{}\" — неправильний код ЄДРПОУ (очікується 8 цифр із правильною контрольною цифрою або назва організації)",
    .en = "\"{}\" is not a valid ЄДРПОУ code (expected 8 digits with a valid check digit, or an organisation name)"};
constexpr PerLang<const char*> w_id_key{.uk = "id \"{}\"", .en = "id \"{}\""};

const std::vector<ColumnSpec> reviewer_columns = {
    {"id", true}, {"name", true}, {"conflicts", false}, {"categories", false}, {"capacity", false}};

namespace {

// docs/formats.md "reviewers.csv": one message for every capacity that is not a whole number ≥ 1 (0, -1, 1.5, x).
constexpr PerLang<const char*> not_a_capacity{
    .uk = "\"{}\" — не ціле число від 1 (найбільше заявок, які експерт візьме; порожня клітинка — без ліміту)",
    .en =
        "\"{}\" is not a whole number of at least 1 (the most applications the reviewer takes; leave it empty for "
        "no limit)",
};

std::optional<std::int64_t> capacity(RowReader& r, std::size_t k) {
  const std::string_view v = r.cell(k);
  if (v.empty()) return std::nullopt;
  std::string digits;  // thousands may be grouped by spaces, as in every count
  for (char c : v)
    if (c != ' ') digits += c;
  if (!digits.empty() && digits.size() <= 15 && digits.find_first_not_of("0123456789") == std::string::npos)
    if (const std::int64_t n = std::stoll(digits); n >= 1) return n;
  r.error(k, say(not_a_capacity, shown(v)));
  return std::nullopt;
}

}  // namespace

Reviewer ReviewerRowParser::parse(RowReader& r) {
  Reviewer rv;
  rv.id = r.id(0);
  rv.name = r.text(1);
  ConflictList conflicts = parse_conflicts(r.cell(2));
  for (const std::string& code : conflicts.invalid_codes) r.error(2, say(w_bad_code, shown(code)));
  rv.conflicts = std::move(conflicts.entries);
  rv.categories = parse_categories(r.cell(3));
  rv.capacity = capacity(r, 4);
  check_unique(seen_, rv.id, r, 0, [&] { return say(w_id_key, rv.id); });
  return rv;
}

std::vector<Reviewer> parse_reviewers_csv(std::string_view bytes, const std::string& file,
                                          std::vector<Diagnostic>& errors) {
  ReviewerRowParser parser;
  std::vector<Reviewer> out;
  read_back_rows(bytes, file, reviewer_columns, errors, [&](RowReader& r) {
    Reviewer rv = parser.parse(r);
    if (r.ok) out.push_back(std::move(rv));
  });
  return out;
}

}  // namespace competition
