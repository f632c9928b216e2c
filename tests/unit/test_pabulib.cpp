// docs/pabulib.md: the reader over small inline instances
// (approval, cumulative, ordinal; BOM and CRLF; quoted fields; decimal comma),
// every error with its exact text and location, the writer's round trip, and
// the pure mapping onto a round (id, year, title, currency, rule, totals,
// generated rules that load_rules accepts).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "commands/pabulib_import.hpp"
#include "formats/pabulib.hpp"
#include "values/rules.hpp"

using namespace competition;

namespace {

const std::string approval =
    "META\n"
    "key;value\n"
    "description;District PB in Testowo\n"
    "country;Poland\n"
    "instance;2021\n"
    "num_projects;3\n"
    "num_votes;3\n"
    "budget;1000\n"
    "vote_type;approval\n"
    "rule;greedy\n"
    "PROJECTS\n"
    "project_id;cost;votes;name;category;selected\n"
    "1;600;3;Park;urban greenery,environmental protection;1\n"
    "2;500;2;Library;education;0\n"
    "3;400;1;Bench;;1\n"
    "VOTES\n"
    "voter_id;vote;age;sex\n"
    "v1;1,2,3;31;M\n"
    "v2;1,2;45;F\n"
    "v3;1;22;F\n";

const std::string cumulative =
    "META\r\n"
    "key;value\r\n"
    "description;\"Municipal PB; cumulative\"\r\n"
    "budget;\"1 500,50\"\r\n"
    "vote_type;cumulative\r\n"
    "rule;greedy-no-skip\r\n"
    "currency;EUR\r\n"
    "date_begin;07.09.2023\r\n"
    "PROJECTS\r\n"
    "project_id;cost;votes;score;name\r\n"
    "A;1000,50;2;15;\"Trees \"\"for all\"\"; and more\"\r\n"
    "B;700;1;5;Fountain\r\n"
    "VOTES\r\n"
    "voter_id;vote;points\r\n"
    "1;A,B;10,5\r\n"
    "2;A;5\r\n";

PabulibFile read(const std::string& text) { return read_pabulib(text, "t.pb"); }

// The diagnostics' one-line forms, one per line (doctest prints strings).
std::string messages(const PabulibFile& f) {
  std::string out;
  for (const auto& d : f.errors) out += d.to_string(Lang::en) + "\n";
  return out;
}

std::string lines(std::initializer_list<std::string> expected) {
  std::string out;
  for (const auto& l : expected) out += l + "\n";
  return out;
}

// The first line of a messages() text.
std::string first(const std::string& text) { return text.substr(0, text.find('\n')); }

// An approval file with one replaced line (0-based index into its lines).
std::string with_line(std::size_t index, const std::string& replacement) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < approval.size()) {
    auto p = approval.find('\n', start);
    lines.push_back(approval.substr(start, p - start));
    start = p + 1;
  }
  lines.at(index) = replacement;
  std::string out;
  for (const auto& l : lines)
    if (l != "\x7f") out += l + "\n";  // "\x7f" drops the line
  return out;
}

PabulibRound plan(const PabulibFile& f, std::vector<Diagnostic>& errors, std::string file = "Poland_Testowo_2021.pb",
                  std::optional<std::string> round = std::nullopt, std::optional<int> year = std::nullopt) {
  return plan_pabulib_round(f, PabulibRoundOptions{std::move(file), std::move(round), year}, errors);
}

}  // namespace

TEST_CASE("an approval instance is read into its sections") {
  auto f = read(approval);
  REQUIRE(f.errors.empty());
  CHECK(f.meta_line == 1);
  REQUIRE(f.meta.size() == 8);
  CHECK(f.meta[0].key == "description");
  CHECK(f.meta[0].value == "District PB in Testowo");
  CHECK(f.meta[0].line == 3);
  CHECK(f.budget == Money::from_hryvnias(1000));
  CHECK(f.vote_type == "approval");
  CHECK(f.rule == "greedy");
  CHECK(f.projects.line == 11);
  CHECK(f.projects.header_line == 12);
  CHECK(f.projects.header == std::vector<std::string>{"project_id", "cost", "votes", "name", "category", "selected"});
  REQUIRE(f.project_values.size() == 3);
  CHECK(f.projects.rows[1].line == 14);
  CHECK(f.project_values[0].id == "1");
  CHECK(f.project_values[0].cost == Money::from_hryvnias(600));
  CHECK(f.project_values[0].votes == 3);
  CHECK_FALSE(f.project_values[0].score);
  CHECK(f.project_values[0].selected == 1);
  CHECK(f.project_values[0].category == "urban greenery,environmental protection");
  CHECK(f.project_values[2].category.empty());
  REQUIRE(f.ballots.size() == 3);
  CHECK(f.votes.rows[0].line == 18);
  CHECK(f.ballots[0].voter_id == "v1");
  CHECK(f.ballots[0].projects == std::vector<std::string>{"1", "2", "3"});
  CHECK(f.votes.rows[0].fields == std::vector<std::string>{"v1", "1,2,3", "31", "M"});
}

TEST_CASE("BOM, CRLF, quoted fields with ; and a decimal comma") {
  auto f = read("\xEF\xBB\xBF" + cumulative);
  REQUIRE(messages(f).empty());
  CHECK(f.meta_entry("description")->value == "Municipal PB; cumulative");
  CHECK(f.meta_entry("DESCRIPTION") == f.meta_entry("description"));
  CHECK(f.budget == Money::from_kopiykas(150050));
  CHECK(f.vote_type == "cumulative");
  CHECK(f.rule == "greedy-no-skip");
  REQUIRE(f.project_values.size() == 2);
  CHECK(f.project_values[0].cost == Money::from_kopiykas(100050));
  CHECK(f.project_values[0].name == "Trees \"for all\"; and more");
  CHECK(f.project_values[0].score == 15);
  CHECK(f.projects.rows[0].line == 11);
  CHECK(f.ballots[0].projects == std::vector<std::string>{"A", "B"});
}

TEST_CASE("section names ignore case, spaces and trailing empty fields; sections may come in any order") {
  std::string text =
      "meta;\n key;value\nbudget;1000.5\nvote_type;Ordinal\nrule;greedy\n"
      "\n"
      " Votes \nvoter_id;vote\n1;2,1\n"
      "PROJECTS;;\nproject_id;cost;score\n1;100;3\n2;200;5\n";
  auto f = read(text);
  REQUIRE(messages(f).empty());
  CHECK(f.vote_type == "ordinal");
  CHECK(f.budget == Money::from_kopiykas(100050));
  CHECK(f.votes.line == 7);
  CHECK(f.projects.line == 10);
  CHECK(f.ballots[0].projects == std::vector<std::string>{"2", "1"});
}

TEST_CASE("an empty VOTES section and an empty ballot are allowed") {
  auto f = read(with_line(17, "v1;;31;M"));
  CHECK(messages(f).empty());
  CHECK(f.ballots[0].projects.empty());
  std::string no_ballots = approval.substr(0, approval.find("v1;"));
  CHECK(messages(read(no_ballots)).empty());
}

TEST_CASE("errors: sections") {
  CHECK(messages(read("")) == lines({"t.pb:1: empty file (expected the sections META, PROJECTS and VOTES)"}));
  CHECK(messages(read("\r\n  \n")) == lines({"t.pb:1: empty file (expected the sections META, PROJECTS and VOTES)"}));
  std::string no_votes = approval.substr(0, approval.find("VOTES"));
  CHECK(messages(read(no_votes)) ==
        lines({"t.pb: VOTES: the section is missing (a pabulib file has the sections META, PROJECTS and VOTES)"}));
  CHECK(messages(read(approval + "VOTES\n")) ==
        lines({"t.pb:21:1: VOTES: the section appears twice (first on line 16)"}));
  CHECK(first(messages(read("# comment\n" + approval))) ==
        "t.pb:1:1: expected a section name (META, PROJECTS or VOTES) before any data");
  CHECK(messages(read(approval.substr(0, approval.find("voter_id")))) ==
        lines({"t.pb:16: VOTES: the section has no header row"}));
  CHECK(messages(read(with_line(1, "name;value"))) == lines({"t.pb:2:1: META: the header must be \"key;value\""}));
}

TEST_CASE("errors: syntax and field counts, located by section") {
  CHECK(
      messages(read(with_line(13, "2;500;2;Lib\"rary;education;0"))) ==
      lines(
          {"t.pb:14:4: PROJECTS: stray quote in unquoted field (quote the whole field and double the inner quotes)"}));
  CHECK(messages(read(with_line(13, "2;500;2;Library;education"))) ==
        lines({"t.pb:14:6: PROJECTS: 5 fields, but the header has 6 (check quoting and delimiters)"}));
  CHECK(messages(read(with_line(3, "country;Poland;EU"))) ==
        lines({"t.pb:4:3: META: 3 fields, but the header has 2 (check quoting and delimiters)"}));
  CHECK(messages(read(with_line(11, "project_id;cost;votes;name;Name;selected"))) ==
        lines({"t.pb:12:5: PROJECTS name: column \"name\" appears twice in the header"}));
  // A bad byte is located by line and character column, before any parsing.
  CHECK(messages(read(with_line(14, "3;400;1;B\xFF;;1"))) ==
        lines({"t.pb:15:10: invalid UTF-8 byte 0xFF (a pabulib file must be UTF-8)"}));
}

TEST_CASE("errors: META keys") {
  CHECK(messages(read(with_line(7, "\x7f"))) == lines({"t.pb:1: META budget: required key \"budget\" is missing"}));
  CHECK(messages(read(with_line(8, "\x7f"))) ==
        lines({"t.pb:1: META vote_type: required key \"vote_type\" is missing"}));
  CHECK(messages(read(with_line(9, "\x7f"))) == lines({"t.pb:1: META rule: required key \"rule\" is missing"}));
  CHECK(
      messages(read(with_line(7, "budget;12.345"))) ==
      lines({"t.pb:8:2: META budget: \"12.345\" is not an amount of money (expected e.g. 12500.00 or \"12 500,00\")"}));
  CHECK(messages(read(with_line(7, "budget;0"))) == lines({"t.pb:8:2: META budget: must be greater than 0"}));
  CHECK(messages(read(with_line(9, "rule;"))) == lines({"t.pb:10:2: META rule: must not be empty"}));
  CHECK(messages(read(with_line(8, "vote_type;choose-1"))) ==
        lines({"t.pb:9:2: META vote_type: \"choose-1\" is not a pabulib vote type (expected approval, "
               "ordinal, cumulative or scoring)"}));
  CHECK(messages(read(with_line(3, "Budget;5"))) ==
        lines({"t.pb:8:1: META key: duplicate key \"budget\" (first on line 4)"}));
  CHECK(messages(read(with_line(3, ";5"))) == lines({"t.pb:4:1: META key: must not be empty"}));
}

TEST_CASE("errors: PROJECTS columns and cells") {
  CHECK(messages(read(with_line(11, "id;price;votes;name;category;selected"))) ==
        lines({"t.pb:12: PROJECTS project_id: required column \"project_id\" is missing from the header",
               "t.pb:12: PROJECTS cost: required column \"cost\" is missing from the header"}));
  CHECK(messages(read(with_line(14, "3;400;1;Bench;;1\n1;1;1;Again;;0"))) ==
        lines({"t.pb:16:1: PROJECTS project_id: duplicate id \"1\" (first on line 13)"}));
  CHECK(first(messages(read(with_line(13, "a b;500;2;Library;education;0")))) ==
        "t.pb:14:1: PROJECTS project_id: \"a b\" is not a valid id (expected 1-64 characters of A-Z a-z 0-9 . _ / -)");
  CHECK(first(messages(read(with_line(13, " ;500;2;Library;education;0")))) ==
        "t.pb:14:1: PROJECTS project_id: must not be empty");
  CHECK(messages(read(with_line(13, "2;12 5OO;2;Library;education;0"))) ==
        lines({"t.pb:14:2: PROJECTS cost: \"12 5OO\" is not an amount of money (expected e.g. 12500.00 or "
               "\"12 500,00\")"}));
  CHECK(messages(read(with_line(13, "2;0;2;Library;education;0"))) ==
        lines({"t.pb:14:2: PROJECTS cost: must be greater than 0"}));
  CHECK(messages(read(with_line(13, "2;;2;Library;education;0"))) ==
        lines({"t.pb:14:2: PROJECTS cost: must not be empty (expected an amount such as 12500.00)"}));
  CHECK(messages(read(with_line(13, "2;500;-2;Library;education;yes"))) ==
        lines({"t.pb:14:3: PROJECTS votes: \"-2\" is negative (expected e.g. 120)",
               "t.pb:14:6: PROJECTS selected: \"yes\" is not a non-negative whole number (expected e.g. 120)"}));
}

TEST_CASE("errors: VOTES columns and ballots") {
  CHECK(messages(read(with_line(16, "voter;vote;age;sex"))) ==
        lines({"t.pb:17: VOTES voter_id: required column \"voter_id\" is missing from the header"}));
  CHECK(messages(read(with_line(18, "v1;1;45;F"))) ==
        lines({"t.pb:19:1: VOTES voter_id: duplicate voter \"v1\" (first on line 18)"}));
  CHECK(messages(read(with_line(18, "v2;1,99,98;45;F"))) ==
        lines({"t.pb:19:2: VOTES vote: unknown project \"99\" (not in PROJECTS)",
               "t.pb:19:2: VOTES vote: unknown project \"98\" (not in PROJECTS)"}));
  {
    // docs/pabulib.md: an approval ballot's repeat counts once, noted with its line and voter.
    PabulibFile f = read(with_line(18, "v2;1,2,1,1;45;F"));
    CHECK(messages(f) == "");
    CHECK(f.repeated_votes == std::vector<RepeatedVote>{{19, "v2", "1"}, {19, "v2", "1"}});
    REQUIRE(f.ballots.size() == 3);
    CHECK(f.ballots[1].projects == std::vector<std::string>{"1", "2"});
  }
  {
    // In a cumulative ballot it stays an error (points given twice are ambiguous).
    std::string twice = cumulative;
    twice.replace(twice.find("1;A,B;10,5"), 10, "1;A,B,A;10,5,1");
    PabulibFile f = read(twice);
    CHECK(messages(f) == lines({"t.pb:15:2: VOTES vote: project \"A\" is listed twice in the ballot"}));
    CHECK(f.repeated_votes.empty());
  }
  CHECK(messages(read(with_line(18, "v2;\"1,,2\";45;F"))) ==
        lines({"t.pb:19:2: VOTES vote: \"1,,2\" has an empty project id (expected ids separated by commas)"}));
  std::string bad_points = cumulative;
  bad_points.replace(bad_points.find("2;A;5"), 5, "2;A;5,5");
  CHECK(messages(read(bad_points)) ==
        lines({"t.pb:16:3: VOTES points: 2 values for 1 projects in vote (expected one value per project)"}));
  // Points are bounded so that a round's sums fit (docs/formats.md "Limits").
  for (auto [cell, message] : std::vector<std::pair<std::string, std::string>>{
           {"-1", "\"-1\" is negative (expected a whole number from 0 to 999999999)"},
           {"99999999999999999999",
            "\"99999999999999999999\" is too large: at most 9 digits (expected a whole number from 0 to 999999999)"},
           {"1000000000",
            "\"1000000000\" is too large: at most 9 digits (expected a whole number from 0 to 999999999)"},
           {"x", "\"x\" is not a non-negative whole number (expected a whole number from 0 to 999999999)"}}) {
    std::string points = cumulative;
    points.replace(points.find("2;A;5"), 5, "2;A;" + cell);
    CHECK(messages(read(points)) == lines({"t.pb:16:3: VOTES points: " + message}));
  }
  std::string largest = cumulative;
  largest.replace(largest.find("2;A;5"), 5, "2;A;999999999");
  CHECK(messages(read(largest)) == "");
}

TEST_CASE("every error of a file is reported, in line order") {
  std::string text = with_line(13, "2;x;2;Library;education;0");
  text.replace(text.find("v3;1;"), 5, "v3;7;");
  text.replace(text.find("budget;1000"), 11, "budget;abc");
  CHECK(messages(read(text)) ==
        lines({"t.pb:8:2: META budget: \"abc\" is not an amount of money (expected e.g. 12500.00 or \"12 500,00\")",
               "t.pb:14:2: PROJECTS cost: \"x\" is not an amount of money (expected e.g. 12500.00 or \"12 500,00\")",
               "t.pb:20:2: VOTES vote: unknown project \"7\" (not in PROJECTS)"}));
}

TEST_CASE("write_pabulib writes what read_pabulib reads back") {
  for (const auto& text : {approval, cumulative}) {
    auto f = read(text);
    REQUIRE(f.errors.empty());
    std::string written = write_pabulib(f);
    auto g = read(written);
    REQUIRE(messages(g).empty());
    CHECK(write_pabulib(g) == written);
    REQUIRE(g.meta.size() == f.meta.size());
    for (std::size_t i = 0; i < f.meta.size(); ++i) CHECK(g.meta[i].value == f.meta[i].value);
    CHECK(g.projects.header == f.projects.header);
    REQUIRE(g.projects.rows.size() == f.projects.rows.size());
    for (std::size_t i = 0; i < f.projects.rows.size(); ++i)
      CHECK(g.projects.rows[i].fields == f.projects.rows[i].fields);
    REQUIRE(g.votes.rows.size() == f.votes.rows.size());
    for (std::size_t i = 0; i < f.votes.rows.size(); ++i) CHECK(g.votes.rows[i].fields == f.votes.rows[i].fields);
  }
  CHECK(write_pabulib(read(cumulative)).find("\"Trees \"\"for all\"\"; and more\"") != std::string::npos);
}

TEST_CASE("round ids from file names") {
  CHECK(pabulib_round_id("Poland_Warszawa_2020_Bialoleka.pb") == "poland_warszawa_2020_bialoleka");
  CHECK(pabulib_round_id("data/pabulib/Poland_Krakow_2020.PB") == "poland_krakow_2020");
  CHECK(pabulib_round_id("Wawer (2) – final.pb") == "wawer-2-final");
  CHECK(pabulib_round_id("Białołęka.pb") == "bia-o-ka");
  CHECK(pabulib_round_id("x.y-z.pb") == "x.y-z");
  CHECK(pabulib_round_id("ĄĘ.pb") == "");
  CHECK(pabulib_round_id("<stdin>") == "");
  CHECK(pabulib_round_id(std::string(70, 'a') + ".pb") == std::string(64, 'a'));
  CHECK(pabulib_round_id(std::string(63, 'a') + " b.pb") == std::string(63, 'a'));
}

TEST_CASE("the first four-digit year") {
  CHECK(first_year("2024") == 2024);
  CHECK(first_year("15.06.2018") == 2018);
  CHECK(first_year("Poland_Warszawa_2019_Okecie") == 2019);
  CHECK(first_year("edition 12345, then 1850, then 2031") == 2031);
  CHECK_FALSE(first_year("no year 123"));
  CHECK_FALSE(first_year(""));
}

TEST_CASE("an approval instance maps onto a round ranked by votes") {
  auto f = read(approval);
  std::vector<Diagnostic> errors;
  auto r = plan(f, errors);
  REQUIRE(errors.empty());
  CHECK(r.id == "poland_testowo_2021");
  CHECK(r.title == "District PB in Testowo");
  CHECK(r.year == 2021);
  CHECK(r.currency == "PLN");
  CHECK(r.budget == Money::from_hryvnias(1000));
  CHECK(r.rule == AllocationRule::greedy_skip);
  REQUIRE(r.projects.size() == 3);
  const Application& a = r.projects[0].application;
  CHECK(a.id == "1");
  CHECK(a.organisation == "1");
  CHECK(a.sector == Sector::ngo);
  CHECK(a.title == "Park");
  CHECK(a.category == "urban greenery");
  CHECK(a.requested == Money::from_hryvnias(600));
  CHECK(a.votes == 3);
  CHECK(a.input_order == 1);
  CHECK(r.projects[2].application.input_order == 3);
  CHECK(r.projects[2].application.category.empty());
  CHECK(r.projects[0].selected == 1);
  CHECK(r.projects[1].cells ==
        R"({"project_id":"2","cost":"500","votes":"2","name":"Library","category":"education","selected":"0"})");
  CHECK(r.meta.rfind(R"({"description":"District PB in Testowo","country":"Poland","instance":"2021",)", 0) == 0);
  CHECK(r.projects_header == R"(["project_id","cost","votes","name","category","selected"])");
  REQUIRE(r.ballots.size() == 3);
  CHECK(r.ballots[0].voter_id == "v1");
  CHECK(r.ballots[0].vote == "1,2,3");
  CHECK_FALSE(r.ballots[0].points);
  CHECK(r.ballots[0].extra == R"({"age":"31","sex":"M"})");
  CHECK(r.rules_text ==
        "# Generated by `competition import pabulib` from Poland_Testowo_2021.pb (pabulib vote_type = approval).\n"
        "# Each project is an application of its own organisation, ranked by the\n"
        "# file's `votes` column; ties keep the order of the PROJECTS rows. Edit this\n"
        "# text and load it with `competition init` to add eligibility rules or caps.\n"
        "\n"
        "[competition]\n"
        "id = \"poland_testowo_2021\"\n"
        "title = \"District PB in Testowo\"\n"
        "year = 2021\n"
        "budget = \"1000.00\"\n"
        "currency = \"PLN\"\n"
        "\n"
        "[scoring]\n"
        "source = \"votes\"\n"
        "\n"
        "[allocation]\n"
        "rule = \"greedy_skip\"\n"
        "tie_break = [\"input_order\"]\n");
  Rules rules = load_rules(r.rules_text, "generated");
  CHECK(rules.id == r.id);
  CHECK(rules.source == ScoreSource::votes);
  CHECK(rules.uses_input_order());
  CHECK(rules.budget == r.budget);
  CHECK(rules.currency == "PLN");
}

TEST_CASE("a cumulative instance ranks by score; title and year fall back; quotes are escaped in the rules") {
  auto f = read(cumulative);
  std::vector<Diagnostic> errors;
  auto r = plan(f, errors, "in/My Instance.pb");
  REQUIRE(errors.empty());
  CHECK(r.id == "my-instance");
  CHECK(r.title == "Municipal PB; cumulative");
  CHECK(r.year == 2023);  // date_begin
  CHECK(r.currency == "EUR");
  CHECK(r.rule == AllocationRule::greedy_stop);
  CHECK(r.projects[0].application.votes == 15);
  CHECK(r.projects[0].application.title == "Trees \"for all\"; and more");
  CHECK(r.ballots[0].points == std::optional<std::string>("10,5"));
  CHECK(r.ballots[0].extra == "{}");
  Rules rules = load_rules(r.rules_text, "generated");
  CHECK(rules.rule == AllocationRule::greedy_stop);
  CHECK(rules.budget == Money::from_kopiykas(150050));

  // No description: the file name; --round and --year win.
  std::string untitled = cumulative;
  untitled.erase(untitled.find("description;"), untitled.find("budget;") - untitled.find("description;"));
  errors.clear();
  r = plan(read(untitled), errors, "dir/Quote\"d 1999.pb", std::string("q-1"), 2030);
  REQUIRE(errors.empty());
  CHECK(r.id == "q-1");
  CHECK(r.title == "Quote\"d 1999");
  CHECK(r.year == 2030);
  CHECK(load_rules(r.rules_text, "generated").title == "Quote\"d 1999");
}

TEST_CASE("mapping errors") {
  std::vector<Diagnostic> errors;
  auto msgs = [&] {
    std::string out;
    for (const auto& d : errors) out += d.to_string(Lang::en) + "\n";
    errors.clear();
    return out;
  };
  // No year anywhere.
  plan(read(with_line(4, "\x7f")), errors, "instance.pb");
  CHECK(msgs() == lines({"instance.pb: --year: the file does not tell the year (no four-digit year in "
                         "META instance or date_begin, nor in the file name); give it with --year"}));
  plan(read(approval), errors, "x.pb", std::nullopt, 1800);
  CHECK(msgs() == lines({"x.pb: --year: 1800 is not a plausible year (expected 1900 to 2200)"}));
  plan(read(approval), errors, "x.pb", std::string("Bad Id"));
  CHECK(msgs() == lines({"x.pb: --round: \"Bad Id\" is not a valid round id (1-64 characters of a-z 0-9 . _ -)"}));
  plan(read(approval), errors, "<stdin>");
  CHECK(msgs() == lines({"<stdin>: --round: the file name gives no round id; give one with --round"}));
  plan(read(with_line(9, "rule;equalshares")), errors);
  CHECK(msgs() == lines({"Poland_Testowo_2021.pb:10:2: META rule: \"equalshares\" is not supported (expected greedy or "
                         "greedy-no-skip)"}));
  plan(read(with_line(3, "currency;zł")), errors);
  CHECK(msgs() == lines({"Poland_Testowo_2021.pb:4:2: META currency: \"zł\" is not a currency code "
                         "(expected 3 capital letters, e.g. PLN)"}));
  // The total's column: missing, or an empty cell.
  plan(read(with_line(8, "vote_type;ordinal")), errors);
  CHECK(msgs() == lines({"Poland_Testowo_2021.pb:12: PROJECTS score: required column \"score\" is "
                         "missing from the header (vote_type ordinal ranks by score)"}));
  plan(read(with_line(13, "2;500;;Library;education;0")), errors);
  CHECK(msgs() == lines({"Poland_Testowo_2021.pb:14:3: PROJECTS votes: must not be empty (vote_type approval ranks "
                         "by votes)"}));
}
