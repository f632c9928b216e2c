#include "formats/reviews_csv.hpp"

#include "base/string_index.hpp"
#include "formats/csv_rows.hpp"
#include "values/message.hpp"
#include "values/rational.hpp"

namespace competition {

constexpr PerLang<const char*> w_score_empty{.uk = "не може бути порожнім (очікується число від {} до {})",
                                             .en = "must not be empty (expected a number from {} to {})"};
constexpr PerLang<const char*> w_places{.uk = "{} має більше ніж 4 знаки після коми (очікується число від {} до {})",
                                        .en = "{} has more than 4 decimal places (expected a number from {} to {})"};
constexpr PerLang<const char*> w_not_score{.uk = "\"{}\" — не оцінка (очікується число від {} до {})",
                                           .en = "\"{}\" is not a score (expected a number from {} to {})"};
constexpr PerLang<const char*> w_other_reviewer{
    .uk = "експерт \"{}\" відрізняється від competition_reviewer робочої книги {}",
    .en = "reviewer \"{}\" differs from the workbook's competition_reviewer {}"};
constexpr PerLang<const char*> w_out_of_range{.uk = "{} поза межами (очікується від {} до {})",
                                              .en = "{} is out of range (expected {} to {})"};
constexpr PerLang<const char*> w_off_step{.uk = "{} не відповідає кроку {} (очікується {} + кратне {})",
                                          .en = "{} is not on the step {} (expected {} + a multiple of {})"};
constexpr PerLang<const char*> w_review_of{.uk = "оцінка {} експертом {}", .en = "review of {} by {}"};

namespace {

// True when `cell`, a decimal that parsed with at most 4 places, is written the
// way Rational::to_decimal writes its value: an optional minus, no leading
// zeros, a point only before digits that do not end in 0, and no "-0". Such a
// cell is stored as it is, without formatting the parsed value again.
bool canonical_decimal(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  const std::size_t digits = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == digits || (s[digits] == '0' && i - digits > 1)) return false;  // no digits, or a leading zero
  if (i == s.size()) return !(digits == 1 && s == "-0");
  if (s[i] != '.' || i + 1 == s.size() || s.back() == '0') return false;
  for (++i; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// docs/rules.md §1: (value − min) / step is a whole number. Exactly, in 128 bits
// without reducing fractions (a review has one check per criterion); falls
// back to Rational arithmetic if a product would not fit.
bool on_step(const Rational& v, const Rational& min, const Rational& step) {
  int128 num = static_cast<int128>(v.num()) * min.den() - static_cast<int128>(min.num()) * v.den();
  int128 den = static_cast<int128>(v.den()) * min.den();
  if (__builtin_mul_overflow(num, static_cast<int128>(step.den()), &num) ||
      __builtin_mul_overflow(den, static_cast<int128>(step.num()), &den) || den == 0)
    return ((v - min) / step).is_integer();
  return num % den == 0;
}

// The error of a criterion cell that is not a decimal of at most 4 places.
void report_unparsed_score(RowReader& r, std::size_t k, const Criterion& cr, std::string_view cell) {
  if (cell.empty())
    r.error(k, say(w_score_empty, cr.min.to_decimal(), cr.max.to_decimal()));
  else if (Rational::parse_decimal(cell, 15))
    r.error(k, say(w_places, shown(cell), cr.min.to_decimal(), cr.max.to_decimal()));
  else
    r.error(k, say(w_not_score, shown(cell), cr.min.to_decimal(), cr.max.to_decimal()));
}

}  // namespace

std::vector<ColumnSpec> review_columns(const Rules& rules, bool reviewer_required) {
  std::vector<ColumnSpec> specs = {{"application", true}, {"reviewer", reviewer_required}, {"comment", false}};
  // Criterion ids are matched case-insensitively like every column name.
  for (const auto& c : rules.criteria) specs.push_back({normalize_header(c.id), true});
  for (const char* extra : {"organisation", "title", "category", "requested", "cofinancing", "round"})
    specs.push_back({extra, false});
  return specs;
}

std::size_t review_round_column(const Rules& rules) { return review_first_criterion + rules.criteria.size() + 5; }

void parse_review_pair(RowReader& r, Review& rv, const std::optional<std::string>& sheet_reviewer) {
  rv.application = r.id(0);
  if (sheet_reviewer && r.cell(review_reviewer_column).empty()) {
    rv.reviewer = *sheet_reviewer;
  } else {
    rv.reviewer = r.id(review_reviewer_column);
    if (sheet_reviewer && rv.reviewer != *sheet_reviewer)
      r.error(review_reviewer_column, say(w_other_reviewer, shown(rv.reviewer), *sheet_reviewer));
  }
  rv.comment = std::string(r.cell(2));
  rv.scores.clear();
  rv.excluded = false;
}

bool review_scores_blank(const RowReader& r, const Rules& rules) {
  for (std::size_t c = 0; c < rules.criteria.size(); ++c)
    if (!r.cell(review_first_criterion + c).empty()) return false;
  return true;
}

void parse_review_scores(RowReader& r, const Rules& rules, Review& rv, std::string& encoded) {
  encoded.clear();
  for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
    const Criterion& cr = rules.criteria[c];
    const std::size_t k = review_first_criterion + c;
    auto cell = r.cell(k);
    auto v = Rational::parse_decimal(cell, 4);
    if (c) encoded += ';';
    encoded += cr.id;
    encoded += '=';
    if (v && canonical_decimal(cell))
      encoded += cell;
    else if (v)
      encoded += v->to_decimal(4);
    if (!v) {
      report_unparsed_score(r, k, cr, cell);
      rv.scores.emplace_back(0);
      continue;
    }
    if (*v < cr.min || *v > cr.max) {
      r.error(k, say(w_out_of_range, cell, cr.min.to_decimal(), cr.max.to_decimal()));
    } else if (!on_step(*v, cr.min, cr.step)) {
      r.error(k, say(w_off_step, cell, cr.step.to_decimal(), cr.min.to_decimal(), cr.step.to_decimal()));
    }
    rv.scores.push_back(*v);
  }
}

void read_back_reviews(std::string_view bytes, const Rules& rules, const std::string& file,
                       std::vector<Diagnostic>& errors, const std::function<bool(RowReader&, const Review&)>& pair,
                       const std::function<void(Review&)>& review) {
  Review rv;
  std::string encoded;  // not needed here
  read_back_rows(bytes, file, review_columns(rules), errors, [&](RowReader& r) {
    parse_review_pair(r, rv);
    if (!pair(r, rv)) return false;
    parse_review_scores(r, rules, rv, encoded);
    if (r.ok) review(rv);
    return true;
  });
}

std::vector<Review> parse_reviews_csv(std::string_view bytes, const Rules& rules, const std::string& file,
                                      std::vector<Diagnostic>& errors) {
  StringIndex<int> seen;  // application \x1f reviewer -> line of its first row
  std::vector<Review> out;
  out.reserve(line_count(bytes));  // a national round's 3 million: no doubling on the way
  read_back_reviews(
      bytes, rules, file, errors,
      [&](RowReader& r, const Review& rv) {
        check_unique(seen, rv.application + "\x1f" + rv.reviewer, r, 0,
                     [&] { return say(w_review_of, rv.application, rv.reviewer); });
        return true;
      },
      [&](Review& rv) { out.push_back(std::move(rv)); });
  return out;
}

}  // namespace competition
