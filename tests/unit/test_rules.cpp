// The rules file (docs/rules.md "The file format"): a full file read to the right
// values, the defaults, every validation error with its exact text, and lot amounts.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "values/rules.hpp"

using namespace competition;

namespace {

// The example of docs/formats.md, verbatim.
const std::string full_example = R"toml(
[competition]
id = "esm-2017"            # [a-z0-9._-], 1–64 chars, unique in the database
title = "Єдина соціальна мережа — 2017"
year = 2017
budget = "1000000.00"      # money
currency = "UAH"           # ISO 4217 code, default "UAH"; `report` sums UAH rounds only

[eligibility]               # every key optional
sectors = ["ngo"]           # allowed applicant sectors: ngo, state, business (default: all)
max_request = "100000.00"   # money
min_cofinancing_share = 0.15  # cofinancing / (requested + cofinancing), 0..1
max_awards_per_organisation = 1  # default: no limit

[scoring]
source = "reviews"          # reviews | votes (participatory budgets: totals imported, no criteria)
aggregate = "mean"          # mean | median | trimmed_mean
min_reviews = 2             # at least 1; fewer valid reviews: status incomplete
max_spread = 4              # flag a criterion when max - min of its scores exceeds this
pass_total = 60             # minimum weighted total (optional)

[[criteria]]                # at least one when source = "reviews", none when "votes"; ids unique
id = "relevance"
name = "Актуальність проблеми"
weight = 3                  # > 0
min = 0
max = 10
step = 0.5                  # scores must be min + k*step (default 1)
threshold = 5               # optional minimum aggregated score on this criterion

[allocation]
rule = "greedy_skip"        # greedy_skip | greedy_stop
partial = true              # may a project that does not fit get a reduced award
min_partial_share = 0.5     # a partial award must be at least this share of the request
round_to = "100.00"         # partial awards are rounded down to a multiple of this (money, default "0.01")
tie_break = ["criterion:relevance", "cofinancing_share", "submitted_at"]  # keys: criterion:ID, cofinancing_share, requested, submitted_at, input_order
leftover = "pool"           # pool | keep
ties = "break"              # break | refuse (see docs/cli.md, commission decisions)

[commission]                # optional: for the minutes
members = ["Голова: І. Петренко", "Секретар: О. Коваль"]

[[lots]]                    # optional: the budget split across priority areas
id = "disability"
name = "Люди з інвалідністю"
categories = ["disability", "children-disability"]
budget = "400000.00"        # money, or: share = 0.4 (of the competition budget)
)toml";

// The smallest valid file, in parts that tests vary.
const std::string competition_table = R"toml(
[competition]
id = "esm-2017"
title = "ЄСМ"
year = 2017
budget = 1000000
)toml";

const std::string one_criterion = R"toml(
[[criteria]]
id = "relevance"
weight = 1
min = 0
max = 10
)toml";

// A valid competition and criterion followed by `rest`.
std::string with(const std::string& rest) { return competition_table + one_criterion + rest; }

// The diagnostics load_rules reports for `text`, in their one-line form.
std::vector<std::string> errors_of(const std::string& text) {
  try {
    load_rules(text, "rules.toml");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::invalid);
    std::vector<std::string> out;
    for (const Diagnostic& d : e.diagnostics()) {
      CHECK(d.kind == ErrorKind::invalid);
      out.push_back(d.to_string(Lang::en));
    }
    return out;
  }
  return {};
}

// The diagnostics in Ukrainian, as `competition` prints them by default.
std::vector<std::string> ukrainian_errors_of(const std::string& text) {
  try {
    load_rules(text, "rules.toml");
  } catch (const Error& e) {
    std::vector<std::string> out;
    for (const Diagnostic& d : e.diagnostics()) out.push_back(d.to_string(Lang::uk));
    return out;
  }
  return {};
}

// The one diagnostic expected for `text`.
std::string error_of(const std::string& text) {
  auto errors = errors_of(text);
  REQUIRE_MESSAGE(errors.size() == 1, "diagnostics: ", errors.size(), errors.empty() ? "" : " first: " + errors[0]);
  return errors[0];
}

std::string lot_with(const std::string& body) { return with("\n[[lots]]\nid = \"a\"\ncategories = [\"x\"]\n" + body); }

}  // namespace

TEST_CASE("rules: a key's error in Ukrainian keeps the file, the key and the data as written") {
  CHECK(ukrainian_errors_of(with("[scoring]\nagregate = \"mean\"\n")) ==
        std::vector<std::string>{"rules.toml: scoring.agregate: невідомий ключ"});
  CHECK(ukrainian_errors_of(lot_with("share = 0.5\nbudget = \"10.00\"\n")) ==
        std::vector<std::string>{"rules.toml: lots[1]: вкажіть budget або share, не обидва"});
}

TEST_CASE("rules: the example of docs/formats.md reads to the right values") {
  Rules r = load_rules(full_example, "rules.toml");
  CHECK(r.id == "esm-2017");
  CHECK(r.title == "Єдина соціальна мережа — 2017");
  CHECK(r.year == 2017);
  CHECK(r.budget == Money::from_hryvnias(1000000));
  CHECK(r.currency == "UAH");

  REQUIRE(r.sectors.has_value());
  CHECK(*r.sectors == std::vector<Sector>{Sector::ngo});
  CHECK(r.max_request == Money::from_hryvnias(100000));
  CHECK(r.min_cofinancing_share == Rational(15, 100));  // exactly, not the nearest double
  CHECK(r.max_awards_per_organisation == 1);

  CHECK(r.source == ScoreSource::reviews);
  CHECK(r.aggregate == Aggregate::mean);
  CHECK(r.min_reviews == 2);
  CHECK(r.max_spread == Rational(4));
  CHECK(r.pass_total == Rational(60));

  REQUIRE(r.criteria.size() == 1);
  const Criterion& c = r.criteria[0];
  CHECK(c.id == "relevance");
  CHECK(c.name == "Актуальність проблеми");
  CHECK(c.weight == Rational(3));
  CHECK(c.min == Rational(0));
  CHECK(c.max == Rational(10));
  CHECK(c.step == Rational(1, 2));
  CHECK(c.threshold == Rational(5));

  CHECK(r.rule == AllocationRule::greedy_skip);
  CHECK(r.partial);
  CHECK(r.min_partial_share == Rational(1, 2));
  CHECK(r.round_to == Money::from_hryvnias(100));
  REQUIRE(r.tie_break.size() == 3);
  CHECK(r.tie_break[0].kind == TieBreakKey::Kind::criterion);
  CHECK(r.tie_break[0].criterion == "relevance");
  CHECK(r.tie_break[1].kind == TieBreakKey::Kind::cofinancing_share);
  CHECK(r.tie_break[2].kind == TieBreakKey::Kind::submitted_at);
  CHECK(r.leftover == Leftover::pool);
  CHECK(r.ties == TiePolicy::break_by_id);

  CHECK(r.members == std::vector<std::string>{"Голова: І. Петренко", "Секретар: О. Коваль"});

  REQUIRE(r.lots.size() == 1);
  CHECK(r.lots[0].id == "disability");
  CHECK(r.lots[0].name == "Люди з інвалідністю");
  CHECK(r.lots[0].categories == std::vector<std::string>{"disability", "children-disability"});
  CHECK(r.lots[0].budget == Money::from_hryvnias(400000));
  CHECK_FALSE(r.lots[0].share.has_value());
  CHECK(lot_amounts(r) == std::vector<Money>{Money::from_hryvnias(400000)});

  CHECK(r.find_criterion("relevance") == &r.criteria[0]);
  CHECK(r.find_criterion("Relevance") == nullptr);
  CHECK(r.find_criterion("impact") == nullptr);
  CHECK_FALSE(r.uses_input_order());
}

TEST_CASE("rules: defaults of the optional keys") {
  Rules r = load_rules(with(""), "rules.toml");
  CHECK(r.budget == Money::from_hryvnias(1000000));
  CHECK(r.currency == "UAH");
  CHECK_FALSE(r.sectors.has_value());
  CHECK_FALSE(r.max_request.has_value());
  CHECK_FALSE(r.min_cofinancing_share.has_value());
  CHECK_FALSE(r.max_awards_per_organisation.has_value());
  CHECK(r.source == ScoreSource::reviews);
  CHECK(r.aggregate == Aggregate::mean);
  CHECK(r.min_reviews == 1);
  CHECK_FALSE(r.max_spread.has_value());
  CHECK_FALSE(r.pass_total.has_value());
  REQUIRE(r.criteria.size() == 1);
  CHECK(r.criteria[0].name == "relevance");  // the id when no name
  CHECK(r.criteria[0].step == Rational(1));
  CHECK_FALSE(r.criteria[0].threshold.has_value());
  CHECK(r.rule == AllocationRule::greedy_skip);
  CHECK_FALSE(r.partial);
  CHECK(r.min_partial_share == Rational(0));
  CHECK(r.round_to == Money::from_kopiykas(1));
  CHECK(r.tie_break.empty());
  CHECK(r.leftover == Leftover::pool);
  CHECK(r.ties == TiePolicy::break_by_id);
  CHECK(r.members.empty());
  CHECK(r.lots.empty());
  CHECK(lot_amounts(r).empty());
}

TEST_CASE("rules: other valid values") {
  Rules r = load_rules(with(R"toml(
[eligibility]
sectors = ["state", "business", "ngo"]
max_request = 0
min_cofinancing_share = 1
[scoring]
aggregate = "trimmed_mean"
max_spread = 2.5
pass_total = -3.0001
[[criteria]]
id = "Impact-2_b"
weight = 0.0001
min = -2
max = 2.5
threshold = -2
[allocation]
rule = "greedy_stop"
partial = false
min_partial_share = 0
round_to = "1 000,50"
tie_break = ["input_order", "requested", "criterion:Impact-2_b"]
leftover = "keep"
ties = "refuse"
[[lots]]
id = "children.2017_a-b"
categories = ["children"]
share = 0.25
)toml"),
                       "rules.toml");
  CHECK(*r.sectors == std::vector<Sector>{Sector::state, Sector::business, Sector::ngo});
  CHECK(r.max_request == Money{});
  CHECK(r.min_cofinancing_share == Rational(1));
  CHECK(r.aggregate == Aggregate::trimmed_mean);
  CHECK(r.max_spread == Rational(5, 2));
  CHECK(r.pass_total == Rational(-30001, 10000));
  REQUIRE(r.criteria.size() == 2);
  CHECK(r.criteria[1].weight == Rational(1, 10000));
  CHECK(r.criteria[1].min == Rational(-2));
  CHECK(r.criteria[1].max == Rational(5, 2));
  CHECK(r.criteria[1].threshold == Rational(-2));  // a threshold at min is within range
  CHECK(r.rule == AllocationRule::greedy_stop);
  CHECK(r.round_to == Money::from_kopiykas(100050));
  REQUIRE(r.tie_break.size() == 3);
  CHECK(r.tie_break[0].kind == TieBreakKey::Kind::input_order);
  CHECK(r.tie_break[1].kind == TieBreakKey::Kind::requested);
  CHECK(r.tie_break[2].criterion == "Impact-2_b");
  CHECK(r.uses_input_order());
  CHECK(r.leftover == Leftover::keep);
  CHECK(r.ties == TiePolicy::refuse);
  REQUIRE(r.lots.size() == 1);
  CHECK(r.lots[0].name == "children.2017_a-b");  // the id when no name
  CHECK(r.lots[0].share == Rational(1, 4));
  CHECK(lot_amounts(r) == std::vector<Money>{Money::from_hryvnias(250000)});
}

TEST_CASE("rules: money in TOML is an integer or a string") {
  auto budget_of = [](const std::string& value) {
    return load_rules("[competition]\nid = \"a\"\ntitle = \"t\"\nyear = 2017\nbudget = " + value + "\n" + one_criterion,
                      "rules.toml")
        .budget;
  };
  CHECK(budget_of("1000000") == Money::from_hryvnias(1000000));
  CHECK(budget_of("0") == Money{});
  CHECK(budget_of("\"1000000.5\"") == Money::from_kopiykas(100000050));
  CHECK(budget_of("\"1 000 000,50\"") == Money::from_kopiykas(100000050));
  CHECK(budget_of("\"1\u00A0000\u00A0000,50\"") == Money::from_kopiykas(100000050));
  CHECK(budget_of("\"1'000'000\"") == Money::from_hryvnias(1000000));
  CHECK(budget_of("999999999999999") == Money::from_hryvnias(999999999999999));
}

TEST_CASE("rules: non-money numbers are read as exact decimals of at most 4 places") {
  auto weight_of = [](const std::string& value) {
    return load_rules(competition_table + "[[criteria]]\nid = \"c\"\nmin = 0\nmax = 10\nweight = " + value + "\n",
                      "rules.toml")
        .criteria[0]
        .weight;
  };
  CHECK(weight_of("3") == Rational(3));
  CHECK(weight_of("0.1") == Rational(1, 10));
  CHECK(weight_of("0.15") == Rational(3, 20));
  CHECK(weight_of("0.3") == Rational(3, 10));
  CHECK(weight_of("1.2345e1") == Rational(2469, 200));
  CHECK(weight_of("1e-4") == Rational(1, 10000));
  CHECK(weight_of("2.50") == Rational(5, 2));
  CHECK(weight_of("1_000") == Rational(1000));

  CHECK(error_of(competition_table + "[[criteria]]\nid = \"c\"\nmin = 0\nmax = 10\nweight = 0.12345\n") ==
        "rules.toml: criteria[1].weight: at most 4 decimal places (got 0.12345)");
  CHECK(error_of(competition_table + "[[criteria]]\nid = \"c\"\nmin = 0\nmax = 10\nweight = 1e-5\n") ==
        "rules.toml: criteria[1].weight: at most 4 decimal places (got 0.00001)");
  CHECK(error_of(competition_table + "[[criteria]]\nid = \"c\"\nmin = 0\nmax = 10\nweight = inf\n") ==
        "rules.toml: criteria[1].weight: must be a finite number");
  CHECK(error_of(competition_table + "[[criteria]]\nid = \"c\"\nmin = 0\nmax = 10\nweight = nan\n") ==
        "rules.toml: criteria[1].weight: must be a finite number");
  CHECK(error_of(competition_table + "[[criteria]]\nid = \"c\"\nmin = 0\nmax = 10\nweight = 1e20\n") ==
        "rules.toml: criteria[1].weight: is out of range");
  CHECK(error_of(competition_table + "[[criteria]]\nid = \"c\"\nmin = 0\nmax = 10\nweight = \"3\"\n") ==
        "rules.toml: criteria[1].weight: expected a number");
}

TEST_CASE("rules: [competition] errors") {
  CHECK(error_of(one_criterion) == "rules.toml: competition: is required");
  CHECK(errors_of("[competition]\n" + one_criterion) ==
        std::vector<std::string>{
            "rules.toml: competition.id: is required", "rules.toml: competition.title: is required",
            "rules.toml: competition.year: is required", "rules.toml: competition.budget: is required"});
  CHECK(error_of("competition = 5\n" + one_criterion) == "rules.toml: competition: expected a table");

  auto competition_with = [](const std::string& key, const std::string& value) {
    std::string text = competition_table;
    std::size_t at = text.find("\n" + key + " = ");
    REQUIRE(at != std::string::npos);
    std::size_t end = text.find('\n', at + 1);
    text.replace(at + 1, end - at - 1, key + " = " + value);
    return error_of(text + one_criterion);
  };
  CHECK(competition_with("id", "\"ESM 2017\"") ==
        "rules.toml: competition.id: \"ESM 2017\" is not a valid id (1-64 characters of a-z 0-9 . _ -)");
  CHECK(competition_with("id", "\"\"") ==
        "rules.toml: competition.id: \"\" is not a valid id (1-64 characters of a-z 0-9 . _ -)");
  std::string id65(65, 'a');
  CHECK(competition_with("id", "\"" + id65 + "\"") ==
        "rules.toml: competition.id: \"" + id65 + "\" is not a valid id (1-64 characters of a-z 0-9 . _ -)");
  CHECK(competition_with("id", "2017") == "rules.toml: competition.id: expected a string");
  CHECK(competition_with("title", "\"  \"") == "rules.toml: competition.title: must not be empty");
  CHECK(competition_with("year", "\"2017\"") == "rules.toml: competition.year: expected an integer");
  CHECK(competition_with("year", "2017.0") == "rules.toml: competition.year: expected an integer");
  CHECK(competition_with("year", "1899") == "rules.toml: competition.year: must be between 1900 and 2200");
  CHECK(competition_with("year", "2201") == "rules.toml: competition.year: must be between 1900 and 2200");
  CHECK(competition_with("budget", "1000000.50") ==
        "rules.toml: competition.budget: floats are not exact: write money as \"1000000.50\" or an integer");
  CHECK(competition_with("budget", "1e6") ==
        "rules.toml: competition.budget: floats are not exact: write money as \"1000000.50\" or an integer");
  CHECK(competition_with("budget", "true") ==
        "rules.toml: competition.budget: expected money: write money as \"1000000.50\" or an integer");
  CHECK(competition_with("budget", "-5") == "rules.toml: competition.budget: must be >= 0");
  CHECK(competition_with("budget", "1000000000000000") == "rules.toml: competition.budget: is out of range");
  CHECK(
      competition_with("budget", "\"12 5OO\"") ==
      "rules.toml: competition.budget: \"12 5OO\" is not an amount of money (expected e.g. 12500.00 or \"12 500,00\")");
  CHECK(competition_with("budget", "\"-5\"") ==
        "rules.toml: competition.budget: \"-5\" is not an amount of money (expected e.g. 12500.00 or \"12 500,00\")");
  CHECK(
      competition_with("budget", "\"12.345\"") ==
      "rules.toml: competition.budget: \"12.345\" is not an amount of money (expected e.g. 12500.00 or \"12 500,00\")");

  CHECK(error_of(with("").insert(competition_table.size() - 1, "\ncurrency = \"uah\"")) ==
        "rules.toml: competition.currency: \"uah\" is not a currency code (expected 3 capital letters, e.g. UAH)");
  CHECK(load_rules(with("").insert(competition_table.size() - 1, "\ncurrency = \"PLN\""), "rules.toml").currency ==
        "PLN");
  CHECK(load_rules(
            competition_table.substr(0, competition_table.find("year")) + "year = 1900\nbudget = 1\n" + one_criterion,
            "rules.toml")
            .year == 1900);
}

TEST_CASE("rules: [eligibility] errors") {
  CHECK(errors_of(with("[eligibility]\nsectors = [\"ngo\", \"ngos\", \"ngo\", 1]\n")) ==
        std::vector<std::string>{"rules.toml: eligibility.sectors[2]: \"ngos\" is not one of ngo, state, business",
                                 "rules.toml: eligibility.sectors[3]: \"ngo\" is listed twice",
                                 "rules.toml: eligibility.sectors[4]: expected a string"});
  CHECK(error_of(with("[eligibility]\nsectors = \"ngo\"\n")) ==
        "rules.toml: eligibility.sectors: expected an array of strings");
  CHECK(error_of(with("[eligibility]\nsectors = []\n")) ==
        "rules.toml: eligibility.sectors: must not be empty (leave it out to allow every sector)");
  CHECK(error_of(with("[eligibility]\nmax_request = 100000.0\n")) ==
        "rules.toml: eligibility.max_request: floats are not exact: write money as \"1000000.50\" or an integer");
  CHECK(error_of(with("[eligibility]\nmin_cofinancing_share = 1.5\n")) ==
        "rules.toml: eligibility.min_cofinancing_share: must be between 0 and 1");
  CHECK(error_of(with("[eligibility]\nmin_cofinancing_share = -0.1\n")) ==
        "rules.toml: eligibility.min_cofinancing_share: must be between 0 and 1");
  CHECK(error_of(with("[eligibility]\nmin_cofinancing_share = 0.12345\n")) ==
        "rules.toml: eligibility.min_cofinancing_share: at most 4 decimal places (got 0.12345)");
  CHECK(error_of(with("[eligibility]\nmin_cofinancing_share = \"0.15\"\n")) ==
        "rules.toml: eligibility.min_cofinancing_share: expected a number");
  CHECK(error_of(with("[eligibility]\nmax_awards_per_organisation = 0\n")) ==
        "rules.toml: eligibility.max_awards_per_organisation: must be >= 1");
  CHECK(error_of(with("[eligibility]\nmax_awards_per_organisation = 1.0\n")) ==
        "rules.toml: eligibility.max_awards_per_organisation: expected an integer");
  CHECK(error_of(with("[eligibility]\nmax_awards_per_organisation = 3000000000\n")) ==
        "rules.toml: eligibility.max_awards_per_organisation: is out of range");
  CHECK(error_of("eligibility = [1]\n" + with("")) == "rules.toml: eligibility: expected a table");
}

TEST_CASE("rules: [checks] (year.md §5)") {
  Rules off = load_rules(with(""), "rules.toml");
  CHECK(off.earlier_reports == EarlierReports::off);
  CHECK_FALSE(off.double_funding);
  CHECK_FALSE(off.checks_history());
  Rules r = load_rules(with("[checks]\nearlier_reports = \"reject\"\ndouble_funding = \"flag\"\n"), "rules.toml");
  CHECK(r.earlier_reports == EarlierReports::reject);
  CHECK(r.double_funding);
  CHECK(r.checks_history());
  CHECK(load_rules(with("[checks]\ndouble_funding = \"flag\"\n"), "rules.toml").checks_history());
  CHECK_FALSE(load_rules(with("[checks]\nearlier_reports = \"off\"\ncost_outlier_factor = 5\n"), "rules.toml")
                  .checks_history());
  CHECK(error_of(with("[checks]\nearlier_reports = \"yes\"\n")) ==
        "rules.toml: checks.earlier_reports: \"yes\" is not one of off, flag, reject");
  CHECK(error_of(with("[checks]\ndouble_funding = \"reject\"\n")) ==
        "rules.toml: checks.double_funding: \"reject\" is not one of off, flag");
}

TEST_CASE("rules: [scoring] errors") {
  CHECK(error_of(with("[scoring]\nsource = \"vote\"\n")) ==
        "rules.toml: scoring.source: \"vote\" is not one of reviews, votes");
  CHECK(error_of(with("[scoring]\naggregate = \"avg\"\n")) ==
        "rules.toml: scoring.aggregate: \"avg\" is not one of mean, median, trimmed_mean");
  CHECK(error_of(with("[scoring]\naggregate = 1\n")) == "rules.toml: scoring.aggregate: expected a string");
  CHECK(error_of(with("[scoring]\nmin_reviews = 0\n")) == "rules.toml: scoring.min_reviews: must be >= 1");
  CHECK(error_of(with("[scoring]\nmin_reviews = 2.5\n")) == "rules.toml: scoring.min_reviews: expected an integer");
  CHECK(error_of(with("[scoring]\nmax_spread = -1\n")) == "rules.toml: scoring.max_spread: must be >= 0");
  CHECK(error_of(with("[scoring]\npass_total = nan\n")) == "rules.toml: scoring.pass_total: must be a finite number");
  CHECK(error_of(with("[scoring]\nagregate = \"mean\"\n")) == "rules.toml: scoring.agregate: unknown key");
  CHECK(error_of("scoring = \"reviews\"\n" + with("")) == "rules.toml: scoring: expected a table");
}

TEST_CASE("rules: [[criteria]] errors") {
  auto criterion = [](const std::string& body) { return error_of(competition_table + "[[criteria]]\n" + body + "\n"); };
  CHECK(criterion("id = \"c\"\nweight = 0\nmin = 0\nmax = 10") == "rules.toml: criteria[1].weight: must be > 0");
  CHECK(criterion("id = \"c\"\nweight = -1\nmin = 0\nmax = 10") == "rules.toml: criteria[1].weight: must be > 0");
  CHECK(criterion("id = \"c\"\nmin = 0\nmax = 10") == "rules.toml: criteria[1].weight: is required");
  CHECK(criterion("weight = 1\nmin = 0\nmax = 10") == "rules.toml: criteria[1].id: is required");
  CHECK(criterion("id = \"c\"\nweight = 1\nmax = 10") == "rules.toml: criteria[1].min: is required");
  CHECK(criterion("id = \"c\"\nweight = 1\nmin = 0") == "rules.toml: criteria[1].max: is required");
  CHECK(criterion("id = \"c\"\nweight = 1\nmin = 10\nmax = 5") ==
        "rules.toml: criteria[1]: min (10) must be < max (5)");
  CHECK(criterion("id = \"c\"\nweight = 1\nmin = 2.5\nmax = 2.5") ==
        "rules.toml: criteria[1]: min (2.5) must be < max (2.5)");
  CHECK(criterion("id = \"c\"\nweight = 1\nmin = 0\nmax = 10\nstep = 0") ==
        "rules.toml: criteria[1].step: must be > 0");
  CHECK(criterion("id = \"c\"\nweight = 1\nmin = 0\nmax = 10\nthreshold = 10.5") ==
        "rules.toml: criteria[1].threshold: must be between 0 and 10");
  CHECK(criterion("id = \"c\"\nweight = 1\nmin = 1\nmax = 10\nthreshold = 0.5") ==
        "rules.toml: criteria[1].threshold: must be between 1 and 10");
  CHECK(criterion("id = \"c\"\nname = \"\"\nweight = 1\nmin = 0\nmax = 10") ==
        "rules.toml: criteria[1].name: must not be empty");
  CHECK(criterion("id = \"c\"\nweight = 1\nmin = 0\nmax = 10\ncolour = \"red\"") ==
        "rules.toml: criteria[1].colour: unknown key");
  CHECK(criterion("id = \"a b\"\nweight = 1\nmin = 0\nmax = 10") ==
        "rules.toml: criteria[1].id: \"a b\" is not a valid criterion id (letters, digits, _ and -)");
  CHECK(criterion("id = \"a.b\"\nweight = 1\nmin = 0\nmax = 10") ==
        "rules.toml: criteria[1].id: \"a.b\" is not a valid criterion id (letters, digits, _ and -)");
  CHECK(criterion("id = \"\"\nweight = 1\nmin = 0\nmax = 10") ==
        "rules.toml: criteria[1].id: \"\" is not a valid criterion id (letters, digits, _ and -)");
  for (const char* reserved : {"id", "application", "reviewer", "comment", "rank", "organisation", "status", "total",
                               "reviews", "flags", "reasons", "Total", "REVIEWER", "x_note", "X_Note"}) {
    CAPTURE(reserved);
    CHECK(criterion(std::string("id = \"") + reserved + "\"\nweight = 1\nmin = 0\nmax = 10") ==
          std::string("rules.toml: criteria[1].id: \"") + reserved + "\" is a reserved id");
  }

  CHECK(error_of("criteria = 5\n" + competition_table) == "rules.toml: criteria: expected an array of tables");
  CHECK(error_of("criteria = [1]\n" + competition_table) == "rules.toml: criteria[1]: expected a table");
}

TEST_CASE("rules: criterion ids that are fine, and duplicates") {
  Rules r =
      load_rules(competition_table + "[[criteria]]\nid = \"xylophone\"\nweight = 1\nmin = 0\nmax = 10\n", "rules.toml");
  CHECK(r.criteria[0].id == "xylophone");
  std::string two = with("[[criteria]]\nid = \"Relevance\"\nweight = 1\nmin = 0\nmax = 10\n");
  CHECK(error_of(two) == "rules.toml: criteria[2].id: \"Relevance\" is already used by criteria[1]");
  std::string second_weight = with("[[criteria]]\nid = \"impact\"\nweight = 0\nmin = 0\nmax = 10\n");
  CHECK(error_of(second_weight) == "rules.toml: criteria[2].weight: must be > 0");
}

TEST_CASE("rules: criteria and the score source") {
  CHECK(error_of(competition_table) ==
        "rules.toml: criteria: at least one is required when scoring.source = \"reviews\"");
  CHECK(error_of("criteria = []\n" + competition_table) ==
        "rules.toml: criteria: at least one is required when scoring.source = \"reviews\"");
  CHECK(error_of(with("[scoring]\nsource = \"votes\"\n")) ==
        "rules.toml: criteria: must be empty when scoring.source = \"votes\"");
  // Votes: no criteria; min_reviews, pass_total and the like may stay (they do not apply).
  Rules r = load_rules(competition_table +
                           "[scoring]\nsource = \"votes\"\npass_total = 10\nmin_reviews = 3\n"
                           "[allocation]\ntie_break = [\"input_order\"]\n",
                       "rules.toml");
  CHECK(r.source == ScoreSource::votes);
  CHECK(r.criteria.empty());
  CHECK(r.uses_input_order());
}

TEST_CASE("rules: [allocation] errors") {
  CHECK(error_of(with("[allocation]\nrule = \"greedy\"\n")) ==
        "rules.toml: allocation.rule: \"greedy\" is not one of greedy_skip, greedy_stop");
  CHECK(error_of(with("[allocation]\npartial = \"yes\"\n")) ==
        "rules.toml: allocation.partial: expected true or false");
  CHECK(error_of(with("[allocation]\nmin_partial_share = 2\n")) ==
        "rules.toml: allocation.min_partial_share: must be between 0 and 1");
  CHECK(error_of(with("[allocation]\nround_to = 0\n")) == "rules.toml: allocation.round_to: must be > 0");
  CHECK(error_of(with("[allocation]\nround_to = \"0,00\"\n")) == "rules.toml: allocation.round_to: must be > 0");
  CHECK(error_of(with("[allocation]\nround_to = 100.0\n")) ==
        "rules.toml: allocation.round_to: floats are not exact: write money as \"1000000.50\" or an integer");
  CHECK(error_of(with("[allocation]\nleftover = \"return\"\n")) ==
        "rules.toml: allocation.leftover: \"return\" is not one of pool, keep");
  CHECK(error_of(with("[allocation]\nties = \"draw\"\n")) ==
        "rules.toml: allocation.ties: \"draw\" is not one of break, refuse");
  CHECK(error_of(with("[allocation]\ntie_break = \"requested\"\n")) ==
        "rules.toml: allocation.tie_break: expected an array of strings");
  CHECK(errors_of(with("[allocation]\ntie_break = [\"criterion:nope\", \"requested\", \"requested\", \"random\", 5, "
                       "\"criterion:relevance\", \"Requested\"]\n")) ==
        std::vector<std::string>{
            "rules.toml: allocation.tie_break[1]: no criterion with id \"nope\"",
            "rules.toml: allocation.tie_break[3]: \"requested\" is listed twice",
            "rules.toml: allocation.tie_break[4]: \"random\" is not one of criterion:ID, cofinancing_share, requested, "
            "submitted_at, input_order",
            "rules.toml: allocation.tie_break[5]: expected a string",
            "rules.toml: allocation.tie_break[7]: \"Requested\" is not one of criterion:ID, cofinancing_share, "
            "requested, "
            "submitted_at, input_order"});
}

TEST_CASE("rules: [commission] errors") {
  CHECK(error_of(with("[commission]\nmembers = \"Голова\"\n")) ==
        "rules.toml: commission.members: expected an array of strings");
  CHECK(error_of(with("[commission]\nmembers = [\"Голова\", 1]\n")) ==
        "rules.toml: commission.members[2]: expected a string");
  CHECK(error_of(with("[commission]\nchair = \"Голова\"\n")) == "rules.toml: commission.chair: unknown key");
}

TEST_CASE("rules: [[lots]] errors") {
  CHECK(error_of(lot_with("budget = 1\nshare = 0.1\n")) == "rules.toml: lots[1]: give budget or share, not both");
  CHECK(error_of(lot_with("")) == "rules.toml: lots[1]: budget or share is required");
  CHECK(error_of(lot_with("share = 1.5\n")) == "rules.toml: lots[1].share: must be between 0 and 1");
  CHECK(error_of(lot_with("budget = 100.5\n")) ==
        "rules.toml: lots[1].budget: floats are not exact: write money as \"1000000.50\" or an integer");
  CHECK(error_of(lot_with("budget = \"1,000.50\"\n")) ==
        "rules.toml: lots[1].budget: \"1,000.50\" is not an amount of money (expected e.g. 12500.00 or \"12 500,00\")");
  CHECK(error_of(lot_with("share = 0.4\nname = \"\"\n")) == "rules.toml: lots[1].name: must not be empty");

  auto lot = [](const std::string& body) { return error_of(with("[[lots]]\n" + body + "\nshare = 0.1\n")); };
  CHECK(lot("id = \"main\"\ncategories = [\"x\"]") == "rules.toml: lots[1].id: \"main\" is a reserved id");
  CHECK(lot("id = \"Pool\"\ncategories = [\"x\"]") == "rules.toml: lots[1].id: \"Pool\" is a reserved id");
  CHECK(lot("id = \"Big lot\"\ncategories = [\"x\"]") ==
        "rules.toml: lots[1].id: \"Big lot\" is not a valid lot id (a-z 0-9 . _ -)");
  CHECK(lot("id = \"\"\ncategories = [\"x\"]") == "rules.toml: lots[1].id: \"\" is not a valid lot id (a-z 0-9 . _ -)");
  CHECK(lot("categories = [\"x\"]") == "rules.toml: lots[1].id: is required");
  CHECK(lot("id = \"a\"") == "rules.toml: lots[1].categories: is required");
  CHECK(lot("id = \"a\"\ncategories = []") == "rules.toml: lots[1].categories: must not be empty");
  CHECK(lot("id = \"a\"\ncategories = [\"x\", \"\"]") == "rules.toml: lots[1].categories[2]: must not be empty");
  CHECK(lot("id = \"a\"\ncategories = [\"x\", 3]") == "rules.toml: lots[1].categories[2]: expected a string");
  CHECK(lot("id = \"a\"\ncategories = [\"x\"]\nbudgett = 5") == "rules.toml: lots[1].budgett: unknown key");

  std::string twice = with(
      "[[lots]]\nid = \"a\"\ncategories = [\"x\"]\nshare = 0.1\n"
      "[[lots]]\nid = \"a\"\ncategories = [\"y\"]\nshare = 0.1\n");
  CHECK(error_of(twice) == "rules.toml: lots[2].id: \"a\" is already used by lots[1]");
  CHECK(error_of("lots = 1\n" + with("")) == "rules.toml: lots: expected an array of tables");
}

TEST_CASE("rules: the lots may not exceed the budget") {
  std::string over = with(
      "[[lots]]\nid = \"a\"\ncategories = [\"x\"]\nbudget = \"700000\"\n"
      "[[lots]]\nid = \"b\"\ncategories = [\"y\"]\nbudget = 500000\n");
  CHECK(error_of(over) == "rules.toml: lots: lot amounts add up to 1200000.00, more than the budget 1000000.00");

  std::string shares_over = with(
      "[[lots]]\nid = \"a\"\ncategories = [\"x\"]\nshare = 0.6\n"
      "[[lots]]\nid = \"b\"\ncategories = [\"x\"]\nshare = 0.5\n");
  CHECK(error_of(shares_over) == "rules.toml: lots: lot amounts add up to 1100000.00, more than the budget 1000000.00");

  std::string mixed_exact = with(
      "[[lots]]\nid = \"a\"\ncategories = [\"x\"]\nshare = 0.6\n"
      "[[lots]]\nid = \"b\"\ncategories = [\"x\"]\nbudget = \"400 000,00\"\n");
  Rules r = load_rules(mixed_exact, "rules.toml");  // exactly the budget is fine; a category may be in two lots
  CHECK(lot_amounts(r) == std::vector<Money>{Money::from_hryvnias(600000), Money::from_hryvnias(400000)});

  std::string over_by_a_kopiyka = with(
      "[[lots]]\nid = \"a\"\ncategories = [\"x\"]\nshare = 1\n"
      "[[lots]]\nid = \"b\"\ncategories = [\"y\"]\nbudget = \"0.01\"\n");
  CHECK(error_of(over_by_a_kopiyka) ==
        "rules.toml: lots: lot amounts add up to 1000000.01, more than the budget 1000000.00");
}

TEST_CASE("rules: lot_amounts takes the floor of share x budget to the kopiyka") {
  auto amounts = [](const std::string& budget, const std::string& lots) {
    std::string text =
        "[competition]\nid = \"a\"\ntitle = \"t\"\nyear = 2017\nbudget = " + budget + "\n" + one_criterion + lots;
    return lot_amounts(load_rules(text, "rules.toml"));
  };
  // Shares that do not add up to 1: each floored, the rest is left to the pool.
  CHECK(amounts("\"100.01\"",
                "[[lots]]\nid = \"a\"\ncategories = [\"x\"]\nshare = 0.3333\n"
                "[[lots]]\nid = \"b\"\ncategories = [\"y\"]\nshare = 0.3333\n"
                "[[lots]]\nid = \"c\"\ncategories = [\"z\"]\nshare = 0.3333\n") ==
        std::vector<Money>(3, Money::from_kopiykas(3333)));  // 0.3333 × 100.01 = 33.333333
  CHECK(amounts("\"1000000.01\"", "[[lots]]\nid = \"a\"\ncategories = [\"x\"]\nshare = 0.5\n") ==
        std::vector<Money>{Money::from_kopiykas(50000000)});  // 500000.005 -> 500000.00
  // A zero-amount lot: a tiny share of a small budget, a zero share, a zero budget.
  CHECK(amounts("\"99.99\"",
                "[[lots]]\nid = \"a\"\ncategories = [\"x\"]\nshare = 0.0001\n"
                "[[lots]]\nid = \"b\"\ncategories = [\"x\"]\nshare = 0\n"
                "[[lots]]\nid = \"c\"\ncategories = [\"x\"]\nbudget = 0\n"
                "[[lots]]\nid = \"d\"\ncategories = [\"x\"]\nshare = 0.0002\n") ==
        std::vector<Money>{Money{}, Money{}, Money{}, Money::from_kopiykas(1)});  // 0.0002 × 99.99 = 0.019998
  // The largest budget times a 4-decimal share does not overflow.
  CHECK(amounts("999999999999999", "[[lots]]\nid = \"a\"\ncategories = [\"x\"]\nshare = 0.9999\n") ==
        std::vector<Money>{Money::from_kopiykas(99989999999999900)});  // 999899999999999.0001

  Rules built;  // lot_amounts on a Rules built by hand
  built.budget = Money::from_hryvnias(1000);
  built.lots.push_back(Lot{"a", "a", {"x"}, std::nullopt, Rational(1, 3)});
  built.lots.push_back(Lot{"b", "b", {"x"}, Money::from_hryvnias(5), std::nullopt});
  CHECK(lot_amounts(built) == std::vector<Money>{Money::from_kopiykas(33333), Money::from_hryvnias(5)});
}

TEST_CASE("rules: unknown tables and keys are errors") {
  CHECK(error_of(with("[scoring]\nagregate = \"mean\"\n")) == "rules.toml: scoring.agregate: unknown key");
  CHECK(error_of(with("[extra]\nx = 1\n")) == "rules.toml: extra: unknown key");
  CHECK(errors_of("title = 1\n" + with("")) == std::vector<std::string>{"rules.toml: title: unknown key"});
  CHECK(error_of(with("[scoring.extra]\nx = 1\n")) == "rules.toml: scoring.extra: unknown key");
  CHECK(error_of(with("").insert(competition_table.size() - 1, "\nbugdet = 5")) ==
        "rules.toml: competition.bugdet: unknown key");
  CHECK(error_of(with("[eligibility]\nsector = [\"ngo\"]\n")) == "rules.toml: eligibility.sector: unknown key");
  CHECK(error_of(with("[allocation]\ntiebreak = []\n")) == "rules.toml: allocation.tiebreak: unknown key");
  CHECK(error_of("scoring = 5\n" + with("")) == "rules.toml: scoring: expected a table");
}

TEST_CASE("rules: every problem is reported, not only the first") {
  std::string text = R"toml(
[competition]
id = "ESM"
title = "t"
year = 2017
budget = 1000000.50

[scoring]
agregate = "mean"

[[criteria]]
id = "relevance"
weight = 0
min = 0
max = 10

[[criteria]]
id = "total"
weight = 1
min = 5
max = 5

[allocation]
tie_break = ["criterion:relevance", "random"]

[[lots]]
id = "pool"
categories = []
share = 0.12345
)toml";
  CHECK(errors_of(text) ==
        std::vector<std::string>{
            "rules.toml: competition.id: \"ESM\" is not a valid id (1-64 characters of a-z 0-9 . _ -)",
            "rules.toml: competition.budget: floats are not exact: write money as \"1000000.50\" or "
            "an integer",
            "rules.toml: scoring.agregate: unknown key",
            "rules.toml: criteria[1].weight: must be > 0",
            "rules.toml: criteria[2].id: \"total\" is a reserved id",
            "rules.toml: criteria[2]: min (5) must be < max (5)",
            "rules.toml: allocation.tie_break[2]: \"random\" is not one of criterion:ID, "
            "cofinancing_share, requested, submitted_at, input_order",
            "rules.toml: lots[1].id: \"pool\" is a reserved id",
            "rules.toml: lots[1].categories: must not be empty",
            "rules.toml: lots[1].share: at most 4 decimal places (got 0.12345)",
        });
}

TEST_CASE("rules: at most 100 problems are reported") {
  std::string text = competition_table;
  for (int i = 0; i < 150; ++i)
    text += "[[criteria]]\nid = \"c" + std::to_string(i) + "\"\nweight = 0\nmin = 0\nmax = 1\n";
  auto errors = errors_of(text);
  CHECK(errors.size() == max_reported_errors);
  CHECK(errors.front() == "rules.toml: criteria[1].weight: must be > 0");
}

TEST_CASE("rules: a TOML syntax error names the line and column") {
  auto errors = errors_of(competition_table + "[[criteria]]\nid = \"c\"\nweight = \n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "rules.toml:9:10: error while parsing key-value pair: expected value, saw '\\n'");
  try {
    load_rules("[competition]\nid = 1\nid = 2\n", "my rules.toml");
    FAIL("no error");
  } catch (const Error& e) {
    REQUIRE(e.diagnostics().size() == 1);
    const Diagnostic& d = e.diagnostics()[0];
    CHECK(d.file == "my rules.toml");
    CHECK(d.line == 3);
    CHECK(d.column > 0);
    CHECK(d.field.empty());
  }
  CHECK(errors_of("[competition]\ntitle = \"\xff\"\n").size() == 1);  // invalid UTF-8
}

TEST_CASE("rules: sectors") {
  CHECK(to_string(Sector::ngo) == "ngo");
  CHECK(to_string(Sector::state) == "state");
  CHECK(to_string(Sector::business) == "business");
  for (Sector s : {Sector::ngo, Sector::state, Sector::business}) CHECK(parse_sector(to_string(s)) == s);
  CHECK_FALSE(parse_sector("NGO").has_value());
  CHECK_FALSE(parse_sector("").has_value());
  CHECK_FALSE(parse_sector("ngos").has_value());
}

// docs/formats.md "Limits": bounds that keep every weighted total within 64 bits.
TEST_CASE("rules: a criterion's weight, min and max are bounded, and so is the number of criteria") {
  const std::string head = competition_table + "[[criteria]]\nid = \"q\"\n";
  CHECK(errors_of(head + "weight = 1000\nmin = -1000\nmax = 1000\nstep = 0.0001\n").empty());
  CHECK(error_of(head + "weight = 99999999999999\nmin = 0\nmax = 10\n") ==
        "rules.toml: criteria[1].weight: must be at most 1000 (docs/formats.md \"Limits\")");
  CHECK(error_of(head + "weight = 1000.0001\nmin = 0\nmax = 10\n") ==
        "rules.toml: criteria[1].weight: must be at most 1000 (docs/formats.md \"Limits\")");
  CHECK(error_of(head + "weight = 1\nmin = 0\nmax = 99999999999999\nstep = 0.0001\n") ==
        "rules.toml: criteria[1].max: must be between -1000 and 1000 (docs/formats.md \"Limits\")");
  CHECK(error_of(head + "weight = 1\nmin = -1000.5\nmax = 10\n") ==
        "rules.toml: criteria[1].min: must be between -1000 and 1000 (docs/formats.md \"Limits\")");
  std::string many = competition_table;
  for (int i = 0; i <= 50; ++i)
    many += "[[criteria]]\nid = \"c" + std::to_string(i) + "\"\nweight = 1\nmin = 0\nmax = 10\n";
  auto errors = errors_of(many);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] ==
        "rules.toml: criteria: 51 criteria, more than the 50 a round may have (docs/formats.md \"Limits\")");
}

TEST_CASE("rules: `short` of a criterion and a lot heads their columns; the name when absent") {
  Rules r = load_rules(with("\n[[criteria]]\nid = \"budget\"\nname = \"Обґрунтованість кошторису\"\nshort = "
                            "\"Кошторис\"\nweight = 2\nmin = 0\nmax = 10\n"
                            "\n[[lots]]\nid = \"elderly\"\nname = \"Люди похилого віку\"\nshort = \"Старші\"\n"
                            "categories = [\"x\"]\nshare = 0.5\n"
                            "\n[[lots]]\nid = \"kids\"\nname = \"Діти\"\ncategories = [\"y\"]\nshare = 0.5\n"),
                       "rules.toml");
  REQUIRE(r.criteria.size() == 2);
  CHECK(r.criteria[0].short_name.empty());
  CHECK(r.criteria[0].heading() == "relevance");  // neither name nor short: the id
  CHECK(r.criteria[1].short_name == "Кошторис");
  CHECK(r.criteria[1].heading() == "Кошторис");
  CHECK(r.criteria[1].name == "Обґрунтованість кошторису");
  REQUIRE(r.lots.size() == 2);
  CHECK(r.lots[0].heading() == "Старші");
  CHECK(r.lots[1].heading() == "Діти");
}

TEST_CASE("rules: `short` errors, in both languages") {
  auto errors = [](const std::string& text) {
    try {
      load_rules(text, "rules.toml");
    } catch (const Error& e) {
      REQUIRE(e.diagnostics().size() == 1);
      const Diagnostic& d = e.diagnostics()[0];
      return std::pair{d.to_string(Lang::uk), d.to_string(Lang::en)};
    }
    return std::pair{std::string(), std::string()};
  };
  auto criterion =
      errors(competition_table + "[[criteria]]\nid = \"c\"\nshort = \"\"\nweight = 1\nmin = 0\nmax = 10\n");
  CHECK(criterion.first == "rules.toml: criteria[1].short: не може бути порожнім");
  CHECK(criterion.second == "rules.toml: criteria[1].short: must not be empty");
  auto lot = errors(lot_with("share = 0.4\nshort = \"Два\\nрядки\"\n"));
  CHECK(lot.first == "rules.toml: lots[1].short: має бути одним рядком (це заголовок стовпця)");
  CHECK(lot.second == "rules.toml: lots[1].short: must be one line (it heads a column)");
  CHECK(error_of(lot_with("share = 0.4\nshort = 3\n")) == "rules.toml: lots[1].short: expected a string");
}
