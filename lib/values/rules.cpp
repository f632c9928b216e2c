#include "values/rules.hpp"

#include "base/text.hpp"
#include "values/common_words.hpp"
#include "values/message.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <stdexcept>
#include <utility>

namespace competition {

constexpr PerLang<const char*> w_unknown_key{.uk = "невідомий ключ", .en = "unknown key"};
constexpr PerLang<const char*> w_required{.uk = "не вказано (обов’язковий ключ)", .en = "is required"};
constexpr PerLang<const char*> w_integer{.uk = "очікується ціле число", .en = "expected an integer"};
constexpr PerLang<const char*> w_at_least{.uk = "має бути >= {}", .en = "must be >= {}"};
constexpr PerLang<const char*> w_out_of_range{.uk = "поза допустимими межами", .en = "is out of range"};
constexpr PerLang<const char*> w_bool{.uk = "очікується true або false", .en = "expected true or false"};
constexpr PerLang<const char*> w_zero_one{.uk = "має бути від 0 до 1", .en = "must be between 0 and 1"};
constexpr PerLang<const char*> w_not_one_of{.uk = "\"{}\" — не одне з: {}", .en = "\"{}\" is not one of {}"};
constexpr PerLang<const char*> w_string_array{.uk = "очікується масив рядків", .en = "expected an array of strings"};
constexpr PerLang<const char*> w_table_array{.uk = "очікується масив таблиць", .en = "expected an array of tables"};
constexpr PerLang<const char*> w_table{.uk = "очікується таблиця", .en = "expected a table"};
constexpr PerLang<const char*> w_string{.uk = "очікується рядок", .en = "expected a string"};
constexpr PerLang<const char*> w_nonnegative{.uk = "має бути >= 0", .en = "must be >= 0"};
constexpr PerLang<const char*> w_finite{.uk = "має бути скінченним числом", .en = "must be a finite number"};
constexpr PerLang<const char*> w_number{.uk = "очікується число", .en = "expected a number"};
constexpr PerLang<const char*> w_places{.uk = "щонайбільше {} знаки після коми (маємо {})",
                                        .en = "at most {} decimal places (got {})"};
constexpr PerLang<const char*> w_bad_id{.uk = "\"{}\" — неприпустимий id (1–64 символи з a-z 0-9 . _ -)",
                                        .en = "\"{}\" is not a valid id (1-64 characters of a-z 0-9 . _ -)"};
constexpr PerLang<const char*> w_year{.uk = "має бути від 1900 до 2200", .en = "must be between 1900 and 2200"};
constexpr PerLang<const char*> w_currency{
    .uk = "\"{}\" — не код валюти (очікуються 3 великі латинські літери, наприклад, UAH)",
    .en = "\"{}\" is not a currency code (expected 3 capital letters, e.g. UAH)"};
constexpr PerLang<const char*> w_sector{.uk = "\"{}\" — не одне з: ngo, state, business",
                                        .en = "\"{}\" is not one of ngo, state, business"};
constexpr PerLang<const char*> w_twice{.uk = "\"{}\" вказано двічі", .en = "\"{}\" is listed twice"};
constexpr PerLang<const char*> w_sectors_empty{
    .uk = "не може бути порожнім (пропустіть ключ, щоб дозволити всі сектори)",
    .en = "must not be empty (leave it out to allow every sector)"};
constexpr PerLang<const char*> w_min_reviews{.uk = "має бути >= scoring.min_reviews ({})",
                                             .en = "must be >= scoring.min_reviews ({})"};
constexpr PerLang<const char*> w_above_one{.uk = "має бути > 1", .en = "must be > 1"};
constexpr PerLang<const char*> w_bad_criterion_id{
    .uk = "\"{}\" — неприпустимий id критерію (літери, цифри, _ і -)",
    .en = "\"{}\" is not a valid criterion id (letters, digits, _ and -)"};
constexpr PerLang<const char*> w_reserved{.uk = "\"{}\" — зарезервований id", .en = "\"{}\" is a reserved id"};
constexpr PerLang<const char*> w_used_by{.uk = "\"{}\" уже використано в {}", .en = "\"{}\" is already used by {}"};
constexpr PerLang<const char*> w_positive{.uk = "має бути > 0", .en = "must be > 0"};
constexpr PerLang<const char*> w_weight_limit{.uk = "має бути щонайбільше {} (docs/formats.md \"Limits\")",
                                              .en = "must be at most {} (docs/formats.md \"Limits\")"};
constexpr PerLang<const char*> w_min_max{.uk = "min ({}) має бути < max ({})", .en = "min ({}) must be < max ({})"};
constexpr PerLang<const char*> w_between{.uk = "має бути від {} до {}", .en = "must be between {} and {}"};
constexpr PerLang<const char*> w_need_criteria{.uk = "потрібен принаймні один, коли scoring.source = \"reviews\"",
                                               .en = "at least one is required when scoring.source = \"reviews\""};
constexpr PerLang<const char*> w_no_criteria{.uk = "має бути порожнім, коли scoring.source = \"votes\"",
                                             .en = "must be empty when scoring.source = \"votes\""};
constexpr PerLang<const char*> w_no_criterion{.uk = "немає критерію з id \"{}\"", .en = "no criterion with id \"{}\""};
constexpr PerLang<const char*> w_bad_lot_id{.uk = "\"{}\" — неприпустимий id лоту (a-z 0-9 . _ -)",
                                            .en = "\"{}\" is not a valid lot id (a-z 0-9 . _ -)"};
constexpr PerLang<const char*> w_budget_and_share{.uk = "вкажіть budget або share, не обидва",
                                                  .en = "give budget or share, not both"};
constexpr PerLang<const char*> w_budget_or_share{.uk = "потрібен budget або share",
                                                 .en = "budget or share is required"};
constexpr PerLang<const char*> w_utf16{
    .uk = "файл у кодуванні UTF-16 (починається з позначки порядку байтів UTF-16); збережіть його як UTF-8",
    .en = "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8"};
constexpr PerLang<const char*> w_lots_over{.uk = "суми лотів разом {} — більше за бюджет {}",
                                           .en = "lot amounts add up to {}, more than the budget {}"};
constexpr PerLang<const char*> w_floats{
    .uk = "дробові числа TOML неточні: пишіть гроші як \"1000000.50\" або цілим числом",
    .en = "floats are not exact: write money as \"1000000.50\" or an integer"};
constexpr PerLang<const char*> w_money{.uk = "очікується сума грошей: пишіть гроші як \"1000000.50\" або цілим числом",
                                       .en = "expected money: write money as \"1000000.50\" or an integer"};
constexpr PerLang<const char*> w_bound{.uk = "має бути від -{} до {} (docs/formats.md \"Limits\")",
                                       .en = "must be between -{} and {} (docs/formats.md \"Limits\")"};
constexpr PerLang<const char*> w_too_many_criteria{
    .uk = "{} критеріїв — більше за {}, що їх може мати конкурс (docs/formats.md \"Limits\")",
    .en = "{} criteria, more than the {} a round may have (docs/formats.md \"Limits\")"};
constexpr PerLang<const char*> w_tie_break{
    .uk = "\"{}\" — не одне з: criterion:ID, cofinancing_share, requested, submitted_at, input_order",
    .en = "\"{}\" is not one of criterion:ID, cofinancing_share, requested, submitted_at, input_order"};
constexpr PerLang<const char*> w_toml{.uk = "помилка синтаксису TOML: {}", .en = "{}"};

namespace {
__extension__ typedef __int128 i128;  // __extension__: no -Wpedantic warning
}  // namespace

std::string_view to_string(Sector s) {
  switch (s) {
    case Sector::ngo:
      return "ngo";
    case Sector::state:
      return "state";
    case Sector::business:
      return "business";
  }
  return "ngo";
}

std::optional<Sector> parse_sector(std::string_view s) {
  if (s == "ngo") return Sector::ngo;
  if (s == "state") return Sector::state;
  if (s == "business") return Sector::business;
  return std::nullopt;
}

const Criterion* Rules::find_criterion(std::string_view criterion_id) const {
  for (const Criterion& c : criteria)
    if (c.id == criterion_id) return &c;
  return nullptr;
}

int Rules::reviewers_per_application() const { return per_application.value_or(std::max(min_reviews, 2)); }

bool Rules::uses_input_order() const {
  return std::any_of(tie_break.begin(), tie_break.end(),
                     [](const TieBreakKey& k) { return k.kind == TieBreakKey::Kind::input_order; });
}

std::vector<Money> lot_amounts(const Rules& rules) {
  std::vector<Money> amounts;
  amounts.reserve(rules.lots.size());
  for (const Lot& lot : rules.lots) {
    if (lot.budget) {
      amounts.push_back(*lot.budget);
    } else if (lot.share) {
      // floor(share × budget) to the kopiyka; the same value as
      // (share * Rational::of_money(budget)).floor_money(), computed in 128 bits
      // so that no budget Money::parse accepts can overflow the product.
      i128 n = static_cast<i128>(rules.budget.kopiykas()) * lot.share->num();
      i128 q = n / lot.share->den();
      if (n % lot.share->den() != 0 && n < 0) --q;
      if (q > std::numeric_limits<std::int64_t>::max() || q < std::numeric_limits<std::int64_t>::min())
        throw std::overflow_error("money overflow");
      amounts.push_back(Money::from_kopiykas(static_cast<std::int64_t>(q)));
    } else {
      amounts.push_back(Money{});
    }
  }
  return amounts;
}

namespace {

constexpr int number_places = 4;                            // docs/formats.md: at most 4 decimals
constexpr std::int64_t max_hryvnias = 999'999'999'999'999;  // Money::parse's 15-digit limit

bool is_slug_char(char c) {  // [a-z0-9._-]
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

bool is_criterion_char(char c) {  // [A-Za-z0-9_-]
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

bool all_of(std::string_view s, bool (*pred)(char)) { return std::all_of(s.begin(), s.end(), pred); }

bool is_reserved_criterion_id(std::string_view id) {
  static constexpr std::string_view reserved[] = {"id",      "application",  "reviewer", "comment",
                                                  "rank",    "organisation", "status",   "total",
                                                  "reviews", "flags",        "reasons"};
  std::string l = lower_ascii(id);
  return l.starts_with("x_") || std::find(std::begin(reserved), std::end(reserved), l) != std::end(reserved);
}

std::size_t decimal_places(std::string_view text) {
  std::size_t point = text.find('.');
  return point == std::string_view::npos ? 0 : text.size() - point - 1;
}

// A key path with a 1-based array index: `criteria[2]`.
std::string indexed(std::string_view path, std::size_t zero_based) {
  return fmt::format("{}[{}]", path, zero_based + 1);
}

// Collects the diagnostics of one rules file.
class Reader {
 public:
  explicit Reader(std::string_view file) : file_(file) {}

  void error(std::string key, Message message) {
    diagnostics_.push_back(Diagnostic{file_, 0, 0, std::move(key), std::move(message)});
  }
  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }
  bool ok() const { return diagnostics_.empty(); }

  // Value conversions; each reports its own error under `key` and returns nullopt.
  std::optional<std::string> string_value(const toml::node& n, const std::string& key) {
    if (const auto* s = n.as_string()) return s->get();
    error(key, say(w_string));
    return std::nullopt;
  }

  std::optional<Money> money_value(const toml::node& n, const std::string& key) {
    if (const auto* i = n.as_integer()) {
      std::int64_t h = i->get();
      if (h < 0) {
        error(key, say(w_nonnegative));
        return std::nullopt;
      }
      if (h > max_hryvnias) {
        error(key, say(w_out_of_range));
        return std::nullopt;
      }
      return Money::from_hryvnias(h);
    }
    if (const auto* s = n.as_string()) {
      if (auto m = Money::parse(s->get())) return m;
      error(key, Money::parse_error(shown(s->get())));
      return std::nullopt;
    }
    if (n.is_floating_point()) {
      error(key, say(w_floats));
    } else {
      error(key, say(w_money));
    }
    return std::nullopt;
  }

  // An integer or float read as an exact decimal: a float is taken by its
  // shortest round-trip text (0.15 is 15/100, never 0.1499999...).
  std::optional<Rational> number_value(const toml::node& n, const std::string& key) {
    std::string text;
    std::string written;  // for messages: 1e-300 rather than its 300 fixed digits
    if (const auto* i = n.as_integer()) {
      text = std::to_string(i->get());
    } else if (const auto* f = n.as_floating_point()) {
      double d = f->get();
      if (!std::isfinite(d)) {
        error(key, say(w_finite));
        return std::nullopt;
      }
      char buf[512];
      auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
      if (res.ec != std::errc{}) {
        error(key, say(w_out_of_range));
        return std::nullopt;
      }
      text.assign(buf, res.ptr);
      if (text.size() > 24) {
        res = std::to_chars(buf, buf + sizeof buf, d);
        written.assign(buf, res.ptr);
      }
    } else {
      error(key, say(w_number));
      return std::nullopt;
    }
    if (auto r = Rational::parse_decimal(text, number_places)) return r;
    if (decimal_places(text) > number_places)
      error(key, say(w_places, number_places, written.empty() ? text : written));
    else
      error(key, say(w_out_of_range));
    return std::nullopt;
  }

 private:
  std::string file_;
  std::vector<Diagnostic> diagnostics_;
};

// One TOML table being read, with its key path (`scoring`, `criteria[2]`).
class Section {
 public:
  Section(Reader& reader, const toml::table& table, std::string path)
      : r_(reader), table_(table), path_(std::move(path)) {}

  std::string key(std::string_view name) const {
    return path_.empty() ? std::string(name) : path_ + "." + std::string(name);
  }

  // Every key not in `allowed` is an error: a typo must not be silently ignored.
  void allow_only(std::initializer_list<std::string_view> allowed) const {
    for (auto&& [k, v] : table_) {
      (void)v;
      if (std::find(allowed.begin(), allowed.end(), k.str()) == allowed.end())
        r_.error(key(shown(k.str())), say(w_unknown_key));
    }
  }

  const toml::node* node(std::string_view name, bool required = false) const {
    const toml::node* n = table_.get(name);
    if (!n && required) r_.error(key(name), say(w_required));
    return n;
  }

  std::optional<std::string> string(std::string_view name, bool required = false) const {
    const toml::node* n = node(name, required);
    return n ? r_.string_value(*n, key(name)) : std::nullopt;
  }

  std::optional<std::int64_t> integer(std::string_view name, bool required = false) const {
    const toml::node* n = node(name, required);
    if (!n) return std::nullopt;
    if (const auto* i = n->as_integer()) return i->get();
    r_.error(key(name), say(w_integer));
    return std::nullopt;
  }

  // An integer >= `least` that fits in an int.
  std::optional<int> count(std::string_view name, int least) const {
    auto v = integer(name);
    if (!v) return std::nullopt;
    if (*v < least) {
      r_.error(key(name), say(w_at_least, least));
      return std::nullopt;
    }
    if (*v > std::numeric_limits<int>::max()) {
      r_.error(key(name), say(w_out_of_range));
      return std::nullopt;
    }
    return static_cast<int>(*v);
  }

  std::optional<bool> boolean(std::string_view name) const {
    const toml::node* n = node(name);
    if (!n) return std::nullopt;
    if (const auto* b = n->as_boolean()) return b->get();
    r_.error(key(name), say(w_bool));
    return std::nullopt;
  }

  std::optional<Money> money(std::string_view name, bool required = false) const {
    const toml::node* n = node(name, required);
    return n ? r_.money_value(*n, key(name)) : std::nullopt;
  }

  std::optional<Rational> number(std::string_view name, bool required = false) const {
    const toml::node* n = node(name, required);
    return n ? r_.number_value(*n, key(name)) : std::nullopt;
  }

  // A number in [0, 1].
  std::optional<Rational> share(std::string_view name) const {
    auto v = number(name);
    if (v && (*v < Rational(0) || *v > Rational(1))) {
      r_.error(key(name), say(w_zero_one));
      return std::nullopt;
    }
    return v;
  }

  // A string that must be one of `options`.
  template <class E>
  std::optional<E> choice(std::string_view name, std::initializer_list<std::pair<std::string_view, E>> options) const {
    auto s = string(name);
    if (!s) return std::nullopt;
    std::string names;
    for (const auto& [text, value] : options) {
      if (*s == text) return value;
      names += names.empty() ? "" : ", ";
      names += text;
    }
    r_.error(key(name), say(w_not_one_of, shown(*s), names));
    return std::nullopt;
  }

  // Walks an array of strings in order: `visit(key of the element, text)` for each
  // string, an error for any other element. Returns the array's size, or nullopt
  // when it is absent or not an array.
  template <class Visit>
  std::optional<std::size_t> each_string(std::string_view name, bool required, Visit&& visit) const {
    const toml::node* n = node(name, required);
    if (!n) return std::nullopt;
    const toml::array* a = n->as_array();
    if (!a) {
      r_.error(key(name), say(w_string_array));
      return std::nullopt;
    }
    for (std::size_t i = 0; i < a->size(); ++i) {
      std::string k = indexed(key(name), i);
      if (auto text = r_.string_value(*a->get(i), k)) visit(k, *text);
    }
    return a->size();
  }

  // An array of tables (`[[criteria]]`); a wrong element type is reported and skipped.
  std::vector<Section> tables(std::string_view name) const {
    std::vector<Section> out;
    const toml::node* n = node(name);
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) {
      r_.error(key(name), say(w_table_array));
      return out;
    }
    for (std::size_t i = 0; i < a->size(); ++i) {
      std::string k = indexed(key(name), i);
      if (const toml::table* t = a->get(i)->as_table())
        out.emplace_back(r_, *t, k);
      else
        r_.error(k, say(w_table));
    }
    return out;
  }

  // A sub-table; an absent one reads as empty (every key default).
  std::optional<Section> table(std::string_view name, bool required = false) const {
    static const toml::table empty;
    const toml::node* n = node(name, required);
    if (!n) {
      if (required) return std::nullopt;
      return Section(r_, empty, key(name));
    }
    if (const toml::table* t = n->as_table()) return Section(r_, *t, key(name));
    r_.error(key(name), say(w_table));
    return std::nullopt;
  }

  Reader& reader() const { return r_; }
  const std::string& path() const { return path_; }

 private:
  Reader& r_;
  const toml::table& table_;
  std::string path_;
};

void read_competition(const Section& s, Rules& rules, bool& budget_ok) {
  s.allow_only({"id", "title", "year", "budget", "currency"});
  Reader& r = s.reader();
  if (auto id = s.string("id", true)) {
    if (id->empty() || id->size() > 64 || !all_of(*id, is_slug_char))
      r.error(s.key("id"), say(w_bad_id, shown(*id)));
    else
      rules.id = *id;
  }
  if (auto title = s.string("title", true)) {
    if (title->find_first_not_of(' ') == std::string::npos)
      r.error(s.key("title"), say(not_empty_words));
    else
      rules.title = *title;
  }
  if (auto year = s.integer("year", true)) {
    if (*year < 1900 || *year > 2200)
      r.error(s.key("year"), say(w_year));
    else
      rules.year = static_cast<int>(*year);
  }
  auto budget = s.money("budget", true);
  if (budget) rules.budget = *budget;
  budget_ok = budget.has_value();
  if (auto currency = s.string("currency")) {
    bool iso = currency->size() == 3 &&
               std::all_of(currency->begin(), currency->end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!iso)
      r.error(s.key("currency"), say(w_currency, shown(*currency)));
    else
      rules.currency = *currency;
  }
}

void read_eligibility(const Section& s, Rules& rules) {
  s.allow_only({"sectors", "max_request", "min_cofinancing_share", "max_awards_per_organisation"});
  Reader& r = s.reader();
  std::vector<Sector> sectors;
  auto size = s.each_string("sectors", false, [&](const std::string& key, const std::string& text) {
    auto sector = parse_sector(text);
    if (!sector)
      r.error(key, say(w_sector, shown(text)));
    else if (std::find(sectors.begin(), sectors.end(), *sector) != sectors.end())
      r.error(key, say(w_twice, shown(text)));
    else
      sectors.push_back(*sector);
  });
  if (size == 0u) r.error(s.key("sectors"), say(w_sectors_empty));
  if (size) rules.sectors = std::move(sectors);
  rules.max_request = s.money("max_request");
  rules.min_cofinancing_share = s.share("min_cofinancing_share");
  rules.max_awards_per_organisation = s.count("max_awards_per_organisation", 1);
}

// Read after [scoring]: per_application must reach min_reviews.
void read_assignment(const Section& s, Rules& rules) {
  s.allow_only({"per_application", "match_categories"});
  if (auto v = s.count("per_application", 1)) {
    if (*v < rules.min_reviews)
      s.reader().error(s.key("per_application"), say(w_min_reviews, rules.min_reviews));
    else
      rules.per_application = *v;
  }
  if (auto v = s.boolean("match_categories")) rules.match_categories = *v;
}

void read_scoring(const Section& s, Rules& rules) {
  s.allow_only({"source", "aggregate", "min_reviews", "max_spread", "pass_total"});
  if (auto v = s.choice<ScoreSource>("source", {{"reviews", ScoreSource::reviews}, {"votes", ScoreSource::votes}}))
    rules.source = *v;
  if (auto v = s.choice<Aggregate>(
          "aggregate",
          {{"mean", Aggregate::mean}, {"median", Aggregate::median}, {"trimmed_mean", Aggregate::trimmed_mean}}))
    rules.aggregate = *v;
  if (auto v = s.count("min_reviews", 1)) rules.min_reviews = *v;
  if (auto v = s.number("max_spread")) {
    if (*v < Rational(0))
      s.reader().error(s.key("max_spread"), say(w_nonnegative));
    else
      rules.max_spread = v;
  }
  rules.pass_total = s.number("pass_total");
}

// docs/rules.md "checks".
void read_checks(const Section& s, Rules& rules) {
  s.allow_only({"earlier_reports", "double_funding", "cost_outlier_factor"});
  if (auto v = s.choice<EarlierReports>(
          "earlier_reports",
          {{"off", EarlierReports::off}, {"flag", EarlierReports::flag}, {"reject", EarlierReports::reject}}))
    rules.earlier_reports = *v;
  if (auto v = s.choice<bool>("double_funding", {{"off", false}, {"flag", true}})) rules.double_funding = *v;
  if (auto v = s.number("cost_outlier_factor")) {
    if (*v <= Rational(1))
      s.reader().error(s.key("cost_outlier_factor"), say(w_above_one));
    else
      rules.cost_outlier_factor = v;
  }
}

constexpr PerLang<const char*> empty_short{.uk = "не може бути порожнім", .en = "must not be empty"};
constexpr PerLang<const char*> short_on_lines{.uk = "має бути одним рядком (це заголовок стовпця)",
                                              .en = "must be one line (it heads a column)"};

// docs/formats.md `short` of a criterion or lot: an optional column header, one
// line of text; empty when absent (the name heads the column then).
std::string short_label(const Section& s) {
  auto text = s.string("short");
  if (!text) return {};
  if (text->empty()) s.reader().error(s.key("short"), say(empty_short));
  if (text->find_first_of("\r\n") != std::string::npos) s.reader().error(s.key("short"), say(short_on_lines));
  return *text;
}

// Reads every [[criteria]]; `ids_written` gets each id as written (valid or not),
// so that a tie-break naming a criterion with a bad id is not reported twice.
void read_criteria(const Section& root, Rules& rules, std::vector<std::string>& ids_written) {
  std::vector<std::string> lowered;  // ids compared ignoring case: CSV headers are case-insensitive
  for (const Section& s : root.tables("criteria")) {
    s.allow_only({"id", "name", "short", "weight", "min", "max", "step", "threshold"});
    Reader& r = s.reader();
    Criterion c;
    auto id = s.string("id", true);
    if (id) {
      ids_written.push_back(*id);
      auto same = std::find(lowered.begin(), lowered.end(), lower_ascii(*id));
      if (id->empty() || !all_of(*id, is_criterion_char))
        r.error(s.key("id"), say(w_bad_criterion_id, shown(*id)));
      else if (is_reserved_criterion_id(*id))
        r.error(s.key("id"), say(w_reserved, shown(*id)));
      else if (same != lowered.end())
        r.error(s.key("id"),
                say(w_used_by, shown(*id), indexed("criteria", static_cast<std::size_t>(same - lowered.begin()))));
      lowered.push_back(lower_ascii(*id));
      c.id = *id;
    } else {
      lowered.emplace_back();
    }
    auto name = s.string("name");
    if (name && name->empty()) r.error(s.key("name"), say(not_empty_words));
    c.name = name && !name->empty() ? *name : c.id;
    c.short_name = short_label(s);
    if (auto w = s.number("weight", true)) {
      if (*w <= Rational(0)) r.error(s.key("weight"), say(w_positive));
      if (*w > Rational(max_criterion_weight)) r.error(s.key("weight"), say(w_weight_limit, max_criterion_weight));
      c.weight = *w;
    }
    auto min = s.number("min", true);
    auto max = s.number("max", true);
    for (auto [bound_key, v] : {std::pair{"min", &min}, std::pair{"max", &max}})
      if (*v && (**v > Rational(max_criterion_bound) || **v < Rational(-max_criterion_bound)))
        r.error(s.key(bound_key), say(w_bound, max_criterion_bound, max_criterion_bound));
    if (min) c.min = *min;
    if (max) c.max = *max;
    if (min && max && *min >= *max) r.error(s.path(), say(w_min_max, min->to_decimal(), max->to_decimal()));
    if (auto step = s.number("step")) {
      if (*step <= Rational(0)) r.error(s.key("step"), say(w_positive));
      c.step = *step;
    }
    if (auto t = s.number("threshold")) {
      if (min && max && *min < *max && (*t < *min || *t > *max))
        r.error(s.key("threshold"), say(w_between, min->to_decimal(), max->to_decimal()));
      c.threshold = t;
    }
    rules.criteria.push_back(std::move(c));
  }
  const toml::node* n = root.node("criteria");
  if (n && !n->is_array()) return;  // already reported
  std::size_t written = n ? n->as_array()->size() : 0;
  if (written > max_criteria) root.reader().error("criteria", say(w_too_many_criteria, written, max_criteria));
  if (rules.source == ScoreSource::reviews && written == 0) root.reader().error("criteria", say(w_need_criteria));
  if (rules.source == ScoreSource::votes && written > 0) root.reader().error("criteria", say(w_no_criteria));
}

void read_allocation(const Section& s, Rules& rules, const std::vector<std::string>& criterion_ids) {
  s.allow_only({"rule", "partial", "min_partial_share", "round_to", "tie_break", "leftover", "ties"});
  Reader& r = s.reader();
  if (auto v = s.choice<AllocationRule>(
          "rule", {{"greedy_skip", AllocationRule::greedy_skip}, {"greedy_stop", AllocationRule::greedy_stop}}))
    rules.rule = *v;
  if (auto v = s.boolean("partial")) rules.partial = *v;
  if (auto v = s.share("min_partial_share")) rules.min_partial_share = *v;
  if (auto v = s.money("round_to")) {
    if (v->is_zero())
      r.error(s.key("round_to"), say(w_positive));
    else
      rules.round_to = *v;
  }
  std::vector<std::string> seen;
  s.each_string("tie_break", false, [&](const std::string& key, const std::string& t) {
    using Kind = TieBreakKey::Kind;
    if (std::find(seen.begin(), seen.end(), t) != seen.end()) {
      r.error(key, say(w_twice, shown(t)));
      return;
    }
    seen.push_back(t);
    if (t.starts_with("criterion:")) {
      std::string id = t.substr(std::string_view("criterion:").size());
      if (std::find(criterion_ids.begin(), criterion_ids.end(), id) == criterion_ids.end())
        r.error(key, say(w_no_criterion, shown(id)));
      else
        rules.tie_break.push_back({Kind::criterion, id});
    } else if (t == "cofinancing_share") {
      rules.tie_break.push_back({Kind::cofinancing_share, {}});
    } else if (t == "requested") {
      rules.tie_break.push_back({Kind::requested, {}});
    } else if (t == "submitted_at") {
      rules.tie_break.push_back({Kind::submitted_at, {}});
    } else if (t == "input_order") {
      rules.tie_break.push_back({Kind::input_order, {}});
    } else {
      r.error(key, say(w_tie_break, shown(t)));
    }
  });
  if (auto v = s.choice<Leftover>("leftover", {{"pool", Leftover::pool}, {"keep", Leftover::keep}}))
    rules.leftover = *v;
  if (auto v = s.choice<TiePolicy>("ties", {{"break", TiePolicy::break_by_id}, {"refuse", TiePolicy::refuse}}))
    rules.ties = *v;
}

void read_commission(const Section& s, Rules& rules) {
  s.allow_only({"members"});
  s.each_string("members", false, [&](const std::string&, const std::string& text) { rules.members.push_back(text); });
}

// Reads every [[lots]]; returns whether each lot has a valid amount (so the
// lots' sum can be checked against the budget).
bool read_lots(const Section& root, Rules& rules) {
  bool amounts_ok = true;
  std::vector<std::string> ids;
  for (const Section& s : root.tables("lots")) {
    s.allow_only({"id", "name", "short", "categories", "budget", "share"});
    Reader& r = s.reader();
    Lot lot;
    auto id = s.string("id", true);
    if (id) {
      std::string l = lower_ascii(*id);
      auto same = std::find(ids.begin(), ids.end(), *id);
      if (l == "main" || l == "pool")
        r.error(s.key("id"), say(w_reserved, shown(*id)));
      else if (id->empty() || !all_of(*id, is_slug_char))
        r.error(s.key("id"), say(w_bad_lot_id, shown(*id)));
      else if (same != ids.end())
        r.error(s.key("id"), say(w_used_by, shown(*id), indexed("lots", static_cast<std::size_t>(same - ids.begin()))));
      ids.push_back(*id);
      lot.id = *id;
    } else {
      ids.emplace_back();
    }
    auto name = s.string("name");
    if (name && name->empty()) r.error(s.key("name"), say(not_empty_words));
    lot.name = name && !name->empty() ? *name : lot.id;
    lot.short_name = short_label(s);
    auto size = s.each_string("categories", true, [&](const std::string& key, const std::string& text) {
      if (text.empty())
        r.error(key, say(not_empty_words));
      else
        lot.categories.push_back(text);
    });
    if (size == 0u) r.error(s.key("categories"), say(not_empty_words));
    bool has_budget = s.node("budget") != nullptr;
    bool has_share = s.node("share") != nullptr;
    if (has_budget && has_share) {
      r.error(s.path(), say(w_budget_and_share));
      amounts_ok = false;
    } else if (!has_budget && !has_share) {
      r.error(s.path(), say(w_budget_or_share));
      amounts_ok = false;
    } else if (has_budget) {
      lot.budget = s.money("budget");
      amounts_ok = amounts_ok && lot.budget.has_value();
    } else {
      lot.share = s.share("share");
      amounts_ok = amounts_ok && lot.share.has_value();
    }
    rules.lots.push_back(std::move(lot));
  }
  return amounts_ok;
}

// Money::to_string of a sum that may not fit in 64 bits.
std::string kopiykas_to_string(i128 k) {
  if (k <= std::numeric_limits<std::int64_t>::max())
    return Money::from_kopiykas(static_cast<std::int64_t>(k)).to_string();
  std::string digits;
  for (i128 v = k / 100; v > 0; v /= 10)
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
  return fmt::format("{}.{:02}", digits, static_cast<int>(k % 100));
}

}  // namespace

Rules load_rules(std::string_view toml_text, std::string_view file) {
  // TOML is UTF-8; a UTF-16 file (Notepad's "Unicode") would only get "invalid utf-8 sequence".
  if (toml_text.starts_with("\xFF\xFE") || toml_text.starts_with("\xFE\xFF"))
    throw Error(ErrorKind::invalid, std::vector<Diagnostic>{Diagnostic{std::string(file), 1, 1, "", say(w_utf16)}});
  toml::table root;
  try {
    root = toml::parse(toml_text, std::string(file));
  } catch (const toml::parse_error& e) {
    std::string message(e.description());
    if (!message.empty() && message[0] >= 'A' && message[0] <= 'Z')
      message[0] = static_cast<char>(message[0] - 'A' + 'a');
    const auto& at = e.source().begin;
    throw Error(ErrorKind::invalid,
                std::vector<Diagnostic>{Diagnostic{std::string(file), static_cast<int>(at.line),
                                                   static_cast<int>(at.column), "", say(w_toml, message)}});
  }

  Reader reader(file);
  Section top(reader, root, "");
  top.allow_only({"competition", "eligibility", "scoring", "criteria", "allocation", "commission", "lots", "assignment",
                  "checks"});

  Rules rules;
  bool budget_ok = false;
  if (auto s = top.table("competition", true)) read_competition(*s, rules, budget_ok);
  if (auto s = top.table("eligibility")) read_eligibility(*s, rules);
  if (auto s = top.table("scoring")) read_scoring(*s, rules);
  if (auto s = top.table("checks")) read_checks(*s, rules);
  std::vector<std::string> criterion_ids;
  read_criteria(top, rules, criterion_ids);
  if (auto s = top.table("allocation")) read_allocation(*s, rules, criterion_ids);
  if (auto s = top.table("commission")) read_commission(*s, rules);
  if (auto s = top.table("assignment")) read_assignment(*s, rules);
  bool lots_ok = read_lots(top, rules);

  if (budget_ok && lots_ok && !rules.lots.empty()) {
    i128 sum = 0;
    for (Money m : lot_amounts(rules)) sum += m.kopiykas();
    if (sum > rules.budget.kopiykas())
      reader.error("lots", say(w_lots_over, kopiykas_to_string(sum), rules.budget.to_string()));
  }

  if (!reader.ok()) {
    auto& diagnostics = reader.diagnostics();
    if (diagnostics.size() > max_reported_errors) diagnostics.resize(max_reported_errors);
    throw Error(ErrorKind::invalid, std::move(diagnostics));
  }
  return rules;
}

}  // namespace competition
