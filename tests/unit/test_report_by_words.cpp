// render/report_by_words.hpp: the words of the tables by category and by service.
#include <doctest/doctest.h>

#include "render/report_by_words.hpp"

using namespace competition;

TEST_CASE("report by words: known services in both languages, an unknown slug as it is") {
  CHECK(service_label("information", Lang::uk) == "інформаційні");
  CHECK(service_label("social_medical", Lang::uk) == "соціально-медичні");
  CHECK(service_label("household", Lang::uk) == "соціально-побутові");
  CHECK(service_label("social_medical", Lang::en) == "socio-medical");
  CHECK(service_label("rehabilitation", Lang::en) == "vocational rehabilitation");
  CHECK(service_label("Information", Lang::uk) == "Information");  // slugs compare exactly
  CHECK(service_label("transport", Lang::en) == "transport");
}

TEST_CASE("report by words: a lot's name shared by two categories is followed by the slug") {
  CategoryYear y;
  y.rows = {{"children", "Діти", {}},
            {"disability", "Інвалідність", {}},
            {"elderly", "Інвалідність", {}},
            {std::nullopt, "—", {}}};
  CHECK(shown_labels(y) ==
        std::vector<std::string>{"Діти", "Інвалідність (disability)", "Інвалідність (elderly)", "—"});
  CHECK_FALSE(y.without_categories());
  y.rows = {{std::nullopt, "—", {}}};
  CHECK(y.without_categories());
  CHECK(shown_labels(y) == std::vector<std::string>{"—"});
}

TEST_CASE("report by words: titles and notes name the year as the language writes it") {
  CHECK(category_title(2018, 2018, Lang::uk) == "Показники за пріоритетними напрямами, 2018 р.");
  CHECK(category_title(2018, 2019, Lang::en) == "Indicators by priority area, 2018–2019");
  ServiceYear y;
  y.year = 2019;
  y.organisations = 1234;
  y.rows = {{"legal", 617, 50}};
  CHECK(service_year_note(y, Lang::uk) == "2019 р.: частка — від усіх організацій-переможців (1 234).");
  CHECK(service_year_note(y, Lang::en) == "2019: shares are of all the winning organisations (1,234).");
  y.rows.clear();
  CHECK(service_year_note(y, Lang::en) == "2019: no winning project names its services (1,234 winning organisations).");
  y.organisations = 0;
  CHECK(service_year_note(y, Lang::uk) == "2019 р.: переможців немає.");
  CategoryTable t;
  t.history_years = {2000, 2001, 2002, 2005};
  CHECK(category_notes(t, Lang::en) ==
        std::vector<std::string>{"History years (2000–2002, 2005) are left out: they have no priority areas."});
}
