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
constexpr PerLang<const char*> w_capacity{
    .uk = "має бути додатним цілим числом (найбільша кількість заявок для експерта) або порожнім, якщо без обмеження",
    .en = "must be a positive whole number (the most applications the reviewer takes), or empty for no limit"};
constexpr PerLang<const char*> w_id_key{.uk = "id \"{}\"", .en = "id \"{}\""};

const std::vector<ColumnSpec> reviewer_columns = {
    {"id", true}, {"name", true}, {"conflicts", false}, {"categories", false}, {"capacity", false}};

Reviewer ReviewerRowParser::parse(RowReader& r) {
  Reviewer rv;
  rv.id = r.id(0);
  rv.name = r.text(1);
  ConflictList conflicts = parse_conflicts(r.cell(2));
  for (const std::string& code : conflicts.invalid_codes) r.error(2, say(w_bad_code, shown(code)));
  rv.conflicts = std::move(conflicts.entries);
  rv.categories = parse_categories(r.cell(3));
  rv.capacity = r.count(4);
  if (rv.capacity && *rv.capacity == 0) {
    r.error(4, say(w_capacity));
    rv.capacity.reset();
  }
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
