// render/minutes_document.hpp and render_minutes.hpp: the minutes name criteria
// and lots by their words, give money with the round's currency, and print well.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>

#include "render/minutes_document.hpp"
#include "render/reason_words.hpp"
#include "render/render_minutes.hpp"

using namespace competition;

namespace {

// One lot (with a `short`), the pool, two criteria (one with a `short`), one winner
// of 40 000,00 with 12 000,00 co-financing, one application in the reserve.
Criterion criterion(std::string id, std::string name, std::string short_name, int weight) {
  Criterion c;
  c.id = std::move(id);
  c.name = std::move(name);
  c.short_name = std::move(short_name);
  c.weight = Rational(weight);
  return c;
}

Application application(std::string id, std::string organisation, std::int64_t requested, std::int64_t cofinancing) {
  Application a;
  a.id = std::move(id);
  a.organisation = std::move(organisation);
  a.requested = Money::from_kopiykas(requested);
  a.cofinancing = Money::from_kopiykas(cofinancing);
  return a;
}

ScoredApplication scored(std::string id, int rank, int total, int score) {
  ScoredApplication s;
  s.id = std::move(id);
  s.status = ScoreStatus::ranked;
  s.rank = rank;
  s.total = Rational(total);
  s.criteria = {Rational(score), Rational(score)};
  return s;
}

MinutesData data() {
  MinutesData m;
  m.rules.id = "r-2018";
  m.rules.title = "Конкурс";
  m.rules.currency = "UAH";
  m.rules.criteria = {criterion("relevance", "Актуальність проблеми", "", 3),
                      criterion("budget", "Обґрунтованість кошторису", "Кошторис", 2)};
  Lot elderly;
  elderly.id = "elderly";
  elderly.name = "Люди похилого віку";
  elderly.short_name = "Старші";
  m.rules.lots = {elderly};
  m.date = "2026-03-10";
  m.allocated_at = "2026-03-10T09:00:00Z";
  m.fingerprint = "sha256:" + std::string(64, 'a');
  m.applications = {application("A-1", "ГО «Світанок»", 4000000, 1200000), application("A-2", "ГО «Крок»", 9000000, 0)};
  m.scores.applications = {scored("A-1", 1, 45, 9), scored("A-2", 2, 40, 8)};
  m.budget = Money::from_kopiykas(100000000);
  m.awarded = Money::from_kopiykas(4000000);
  m.leftover = m.budget - m.awarded;
  m.lots = {{"elderly", Money::from_kopiykas(5000000), Money::from_kopiykas(4000000)}};
  m.pool_amount = Money::from_kopiykas(96000000);  // budget − the lots' awards
  m.lines = {{"A-1", 1, AwardStatus::funded, Money::from_kopiykas(4000000), "elderly", {}},
             {"A-2", 2, AwardStatus::reserve, Money{}, std::nullopt, {}}};
  return m;
}

const MinutesSection& section(const MinutesDocument& d, const std::string& title) {
  auto it =
      std::find_if(d.sections.begin(), d.sections.end(), [&](const MinutesSection& s) { return s.title == title; });
  REQUIRE(it != d.sections.end());
  return *it;
}

}  // namespace

TEST_CASE("minutes: criteria and lots by name or `short`, never by id") {
  MinutesDocument uk = minutes_document(data(), Lang::uk);
  const MinutesSection& apps = section(uk, "Заявки, оцінки та результати");
  REQUIRE(apps.table);
  CHECK(apps.table->header == std::vector<std::string>{"№", "Заявка", "Організація", "Запит", "Актуальність проблеми",
                                                       "Кошторис", "Сума балів", "Статус", "Сума гранту", "Причини"});
  CHECK_FALSE(apps.wide);  // two criteria fit a portrait page
  CHECK(apps.paragraphs.front() ==
        "Критерії: Актуальність проблеми (вага 3); Кошторис — Обґрунтованість кошторису (вага 2).");
  const MinutesSection& lots = section(uk, "Бюджет і лоти");
  CHECK(lots.table->header == std::vector<std::string>{"Лот", "Сума", "Розподілено"});
  // The lot's leftover (10 000,00) is in its sum: the column adds up to the budget.
  CHECK(lots.table->rows ==
        std::vector<std::vector<std::string>>{{"Люди похилого віку", "50 000,00", "40 000,00"},
                                              {"Нерозподілений між лотами бюджет", "950 000,00", "—"},
                                              {"Пул (нерозподілений бюджет і залишки лотів)", "—", "0,00"},
                                              {"Разом", "1 000 000,00", "40 000,00"}});
  CHECK(lots.table->total);
  CHECK(lots.items == std::vector<std::string>{"Залишки лотів (входять до їхніх сум): 10 000,00 грн",
                                               "Пул — нерозподілений бюджет і залишки лотів: 960 000,00 грн; з "
                                               "нього розподілено 0,00 грн"});
  const MinutesSection& awards = section(uk, "Розподіл коштів");
  CHECK(awards.table->header ==
        std::vector<std::string>{"№", "Місце в рейтингу", "Заявка", "Організація", "Лот", "Сума гранту"});
  CHECK(awards.table->rows ==
        std::vector<std::vector<std::string>>{{"1", "1", "A-1", "ГО «Світанок»", "Старші", "40 000,00"},
                                              {"", "", "", "Разом", "", "40 000,00"}});
  CHECK(awards.table->total);
}

TEST_CASE("minutes: money with the round's currency, the coefficient says it is declared") {
  MinutesDocument uk = minutes_document(data(), Lang::uk);
  CHECK(uk.facts[1] == "Бюджет конкурсу: 1 000 000,00 грн");
  CHECK(section(uk, "Розподіл коштів").items ==
        std::vector<std::string>{"Переможців: 1", "Розподілено: 40 000,00 грн", "Залишок: 960 000,00 грн",
                                 "Співфінансування переможців: 12 000,00 грн",
                                 "Коефіцієнт залучених коштів (за заявками): 0,3000"});
  MinutesDocument en = minutes_document(data(), Lang::en);
  CHECK(en.facts[1] == "Budget of the round: 1,000,000.00 UAH");
  CHECK(section(en, "Awards").items ==
        std::vector<std::string>{"Winners: 1", "Awarded: 40,000.00 UAH", "Leftover: 960,000.00 UAH",
                                 "Co-financing of the winners: 12,000.00 UAH",
                                 "Coefficient of attracted funds (declared in applications): 0.3000"});
  const MinutesSection& lots = section(en, "Budget and lots");
  CHECK(lots.table->header == std::vector<std::string>{"Lot", "Amount", "Awarded"});
  CHECK(lots.table->rows ==
        std::vector<std::vector<std::string>>{{"Люди похилого віку", "50,000.00", "40,000.00"},
                                              {"Budget not given to any lot", "950,000.00", "—"},
                                              {"Pool (the unassigned budget and the lots' leftovers)", "—", "0.00"},
                                              {"Total", "1,000,000.00", "40,000.00"}});
  CHECK(section(en, "Awards").table->header ==
        std::vector<std::string>{"No.", "Rank", "ID", "Organisation", "Lot", "Award"});
}

TEST_CASE("minutes: the fingerprint note names commands, not a file of the repository") {
  for (Lang lang : {Lang::uk, Lang::en}) {
    MinutesDocument d = minutes_document(data(), lang);
    const std::string& note = d.sections.back().paragraphs.front();
    CHECK(note.find("docs/") == std::string::npos);
    CHECK(note.find("`competition audit bundle`") != std::string::npos);
    CHECK(note.find("`competition audit`") != std::string::npos);
  }
}

TEST_CASE("minutes html: headers wrap between words only, numbers never; the wide table prints landscape") {
  MinutesData three = data();
  three.rules.criteria.push_back(criterion("impact", "Соціальний ефект", "", 1));
  for (auto& a : three.scores.applications) a.criteria.push_back(Rational(5));
  std::string html = render_minutes_html(minutes_document(three, Lang::uk));
  CHECK(html.find("<th class=\"r\">Соціальний ефект</th>") != std::string::npos);
  CHECK(html.find("<section>\n<h2>Заявки, оцінки та результати</h2>") ==
        std::string::npos);  // three criteria: too wide for portrait
  CHECK(html.find("overflow-wrap: anywhere") == std::string::npos);
  CHECK(html.find("th { background: #e6e9ee; font-weight: bold; overflow-wrap: normal; word-break: normal; hyphens: "
                  "none; }") != std::string::npos);
  CHECK(html.find("td.r, td.nw { white-space: nowrap;") != std::string::npos);
  CHECK(html.find("@page wide { size: A4 landscape;") != std::string::npos);
  CHECK(html.find("<section class=\"wide\">\n<h2>Заявки, оцінки та результати</h2>") != std::string::npos);
  std::string narrow = render_minutes_html(minutes_document(data(), Lang::uk));
  CHECK(narrow.find("<section>\n<h2>Заявки, оцінки та результати</h2>") != std::string::npos);
  CHECK(html.find("thead { display: table-header-group; }") != std::string::npos);
  CHECK(html.find("tr { break-inside: avoid;") != std::string::npos);
  CHECK(html.find("<th>Кошторис</th>") == std::string::npos);  // criterion columns are numbers: right-aligned
  CHECK(html.find("<th class=\"r\">Кошторис</th>") != std::string::npos);
  CHECK(html.find("<td class=\"r\">40 000,00</td>") != std::string::npos);
}

TEST_CASE("minutes html: the round and the page counters in every page's footer, amounts in sentences unbroken") {
  std::string html = render_minutes_html(minutes_document(data(), Lang::uk));
  CHECK(html.find("@page { @bottom-center { content: \"Конкурс r-2018 «Конкурс» · Сторінка \" counter(page) \" з \" "
                  "counter(pages);") != std::string::npos);
  CHECK(html.find("<li>Бюджет конкурсу: 1\u00A0000\u00A0000,00\u00A0грн</li>") != std::string::npos);
  CHECK(html.find("<li>Переможців: 1</li>") != std::string::npos);
  CHECK(html.find("<tr class=\"total\"><td>Разом</td><td class=\"r\">1 000 000,00</td>") != std::string::npos);
  // The fingerprint and the signatures (with the line for the date) kept together.
  CHECK(html.find("<div class=\"closing\">\n<section>\n<h2>Відбиток рішення</h2>") != std::string::npos);
  CHECK(html.find("<div class=\"signature date\"><div class=\"who\">Дата:</div><div class=\"line\"></div></div>\n"
                  "</section>\n</div>\n</main>") != std::string::npos);
  std::string en = render_minutes_html(minutes_document(data(), Lang::en));
  CHECK(en.find("content: \"Round r-2018 “Конкурс” · Page \" counter(page) \" of \" counter(pages);") !=
        std::string::npos);
  CHECK(en.find("<li>Awarded: 40,000.00\u00A0UAH</li>") != std::string::npos);
}

TEST_CASE("minutes md: a line for the date after the signatures") {
  std::string md = render_minutes_md(minutes_document(data(), Lang::uk));
  CHECK(md.ends_with("\n\nДата: ________________________\n"));
}

TEST_CASE("reasons in Ukrainian sentences, the criterion by name") {
  Rules rules = data().rules;
  CHECK(reason_in_words(rules, "total_below_pass", Lang::uk) == "сума балів нижча за прохідний бал");
  CHECK(reason_in_words(rules, "criterion_below_threshold:relevance", Lang::uk) ==
        "оцінка за критерієм «Актуальність проблеми» нижча за поріг");
  CHECK(reason_in_words(rules, "request_above_max", Lang::uk) == "запит перевищує максимальну суму");
  CHECK(reason_in_words(rules, "sector_not_allowed", Lang::uk) ==
        "організації цього сектору до конкурсу не допускаються");
  CHECK(reason_in_words(rules, "sector_not_allowed", Sector::business, Lang::uk) ==
        "організації сектору business до конкурсу не допускаються");
  CHECK(reason_in_words(rules, "sector_not_allowed", Sector::state, Lang::en) ==
        "organisations of the state sector are not allowed");
  CHECK(reason_in_words(rules, "total_below_pass", Sector::business, Lang::uk) == "сума балів нижча за прохідний бал");
  CHECK(reason_in_words(rules, "criterion_below_threshold:budget", Lang::en) ==
        "criterion “Обґрунтованість кошторису” below its threshold");
}
